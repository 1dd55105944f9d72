/*
 * Luot.DeskHours: the guidance desk outside opening hours. It says that the site gives no numbers now
 * and whether a manager has allowed the desk to go on issuing today (GET /api/v1/sites/{id}/issuing);
 * a manager (or admin) logged in here can allow it or withdraw it (PUT /api/v1/sites/{id}/after-hours).
 * The server decides; this only shows it and asks.
 */
(function (global) {
  'use strict';

  const EVERY_MS = 30000;
  const { Staff, i18n } = global.Luot;
  const t = i18n.t;

  function follow(siteId, me) {
    const box = document.getElementById('after-hours');
    const text = document.getElementById('after-hours-text');
    const button = document.getElementById('after-hours-toggle');
    const manager = !!me && (me.role === 'manager' || me.role === 'admin');
    let status = null;

    async function refresh() {
      try {
        status = await Staff.get('/api/v1/sites/' + encodeURIComponent(siteId) + '/issuing');
      } catch (e) {
        return;   // keep what is shown; the connection badge says when the network is gone
      }
      render();
    }

    function render() {
      box.hidden = !status || status.open;
      if (box.hidden) return;
      const opens = status.opensAt ? t('desk.hours.opensAt', { time: Staff.dateTime(status.opensAt) }) : '';
      text.textContent = t('desk.hours.closed') + ' ' + opens + ' '
        + t(status.deskAfterHoursAllowed ? 'desk.hours.allowed' : (manager ? 'desk.hours.askManager' : 'desk.hours.needManager'));
      box.dataset.allowed = String(status.deskAfterHoursAllowed);
      button.hidden = !manager;
      button.textContent = t(status.deskAfterHoursAllowed ? 'desk.hours.withdraw' : 'desk.hours.allow');
    }

    button.addEventListener('click', async () => {
      if (!status) return;
      button.disabled = true;
      try {
        const response = await fetch('/api/v1/sites/' + encodeURIComponent(siteId) + '/after-hours', {
          method: 'PUT', headers: Staff.headers(), body: JSON.stringify({ allowed: !status.deskAfterHoursAllowed }),
        });
        if (response.status === 401) Staff.unauthorized();
        if (response.ok) status = await response.json();
      } finally {
        button.disabled = false;
        render();
      }
    });

    refresh();
    setInterval(refresh, EVERY_MS);
  }

  global.Luot.DeskHours = { follow };
})(window);
