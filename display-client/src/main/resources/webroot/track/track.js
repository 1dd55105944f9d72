/*
 * The citizen's tracking page (track/?ticket={id}): the ticket's number and status, how many people
 * are ahead and the estimated wait, and, when it is called, which counter to go to. It follows
 * /ws/tickets/{id} (Luot.TicketStream), reconnects by itself, and says so while the connection is lost.
 *
 * window.LuotTrack reads the page's state for tests: status, messages received, the last ticket.
 */
(async function (global) {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const t = (key, params) => Luot.i18n.t(key, params);
  const params = new URLSearchParams(global.location.search);
  const ticketId = params.get('ticket');
  const TICKET_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const state = { status: 'connecting', messages: 0, ticket: null, alerts: [] };

  global.LuotTrack = Object.freeze({
    get status() { return state.status; },
    get messages() { return state.messages; },
    get ticket() { return state.ticket ? JSON.parse(JSON.stringify(state.ticket)) : null; },
    /** The alerts given so far ('near', 'called'), for tests. */
    get alerts() { return state.alerts.slice(); },
  });

  const lang = await Luot.i18n.load('track');
  Luot.i18n.apply();
  document.title = t('track.title');
  const other = new URLSearchParams(params);
  other.set('lang', lang === 'en' ? 'vi' : 'en');
  $('language').href = '?' + other.toString();

  if (!ticketId) {
    showError(t('track.noTicket'));
    return;
  }
  // A mistyped or cut-off link can never become a ticket: say so at once, as for an unknown ticket,
  // rather than reconnect for ever (the server refuses the stream of an id that is not one).
  if (!TICKET_ID.test(ticketId)) {
    state.status = 'missing';
    showError(t('track.missing'));
    return;
  }
  const names = await loadNames();

  new Luot.TicketStream(ticketId, {
    onTicket(message) {
      state.messages++;
      state.ticket = message.ticket;
      render(message);
    },
    onMoved(message) {
      $('moved').textContent = Luot.i18n.name(message.message);
      $('moved').hidden = false;
      if (global.navigator.vibrate) global.navigator.vibrate([300, 150, 300]);
    },
    onStatus(status) {
      state.status = status;
      if (status === 'online') showConnection(true);
      else if (status === 'offline') showConnection(false);
    },
    onMissing() {
      state.status = 'missing';
      showError(t('track.missing'));
    },
  }).start();

  /** Service and site names; the page still works (with ids) if they cannot be read. */
  async function loadNames() {
    const get = (path) => fetch(path).then((r) => (r.ok ? r.json() : Promise.reject(r.status)));
    try {
      const [sites, services, booking] = await Promise.all([get('/api/v1/sites'), get('/api/v1/services'),
        get('/api/v1/booking-info').catch(() => ({ turnNearAhead: 3 }))]);
      return {
        turnNearAhead: booking.turnNearAhead,
        site: (id) => { const s = sites.sites.find((x) => x.id === id); return s ? Luot.i18n.name(s.name) : id; },
        service: (id) => { const s = services.services.find((x) => x.id === id); return s ? Luot.i18n.name(s.name) : id; },
      };
    } catch (e) {
      return { site: (id) => id, service: (id) => id, turnNearAhead: 3 };
    }
  }

  function render(message) {
    const ticket = message.ticket;
    if (global.LuotTrackRating) global.LuotTrackRating.update(ticket);
    document.body.dataset.status = ticket.status;
    $('ticket').hidden = false;
    $('ticket-number').textContent = ticket.number;
    $('ticket-service').textContent = names.service(ticket.serviceId);
    $('ticket-site').textContent = names.site(ticket.siteId);
    $('ticket-status').textContent = statusText(ticket);

    const waiting = ticket.status === 'waiting';
    $('ahead-row').hidden = !waiting;
    $('wait-row').hidden = !waiting;
    askRecommendation(ticket);
    if (waiting) {
      $('people-ahead').textContent = message.position === null || message.position === undefined ? '—' : String(message.position);
      $('estimated-wait').textContent = waitText(message);
    }
    // The turn is near when few are ahead (booking.turnNearAhead on the server): say it once, with a sound
    // and a vibration where the browser allows them.
    const near = waiting && typeof message.position === 'number' && message.position <= names.turnNearAhead;
    $('near').hidden = !near;
    if (near) {
      $('near').textContent = message.position === 0 ? t('track.nearNext') : t('track.near', { ahead: message.position });
      alertOnce('near', [200, 100, 200]);
    }

    const called = ticket.status === 'called';
    $('call').hidden = !called;
    $('call-counter').hidden = !called;
    if (called) {
      const text = t('word.pleaseCome', { counter: ticket.counterId });
      if ($('call').textContent !== text) alertOnce('called:' + ticket.callCount + ':' + ticket.counterId, [300, 150, 300]);
      $('call').textContent = text;
      $('call-counter').textContent = String(ticket.counterId);
    } else {
      $('call').textContent = '';
      $('call-counter').textContent = '';
    }
  }

  /** A vibration and a short tone, once per kind of alert, where the browser allows them. */
  function alertOnce(kind, pattern) {
    if (state.alerts.includes(kind)) return;
    state.alerts.push(kind);
    try {
      if (global.navigator.vibrate) global.navigator.vibrate(pattern);
    } catch (e) { /* not allowed */ }
    try {
      const Audio = global.AudioContext || global.webkitAudioContext;
      if (!Audio) return;
      const audio = new Audio();
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = 880;
      gain.gain.value = 0.2;
      tone.connect(gain).connect(audio.destination);
      tone.start();
      tone.stop(audio.currentTime + 0.4);
      tone.onended = () => audio.close();
    } catch (e) { /* no sound without a tap on some phones: the vibration and the text remain */ }
  }

  /**
   * Whether the other site is worth the trip for this ticket's service: the server's recommendation rule
   * decides (GET /api/v1/recommendation, travel time included); asked at most once a minute.
   */
  let askedAt = 0;
  let askedFor = null;
  async function askRecommendation(ticket) {
    if (ticket.status !== 'waiting') {
      $('other-site').hidden = true;
      return;
    }
    const key = ticket.serviceId + '@' + ticket.siteId;
    if (key === askedFor && Date.now() - askedAt < 60000) return;
    askedFor = key;
    askedAt = Date.now();
    try {
      const response = await fetch('/api/v1/recommendation?serviceId=' + encodeURIComponent(ticket.serviceId)
        + '&from=' + encodeURIComponent(ticket.siteId));
      if (!response.ok) return;
      const answer = await response.json();
      const go = answer.verdict === 'go_elsewhere' && answer.recommendedSiteId !== ticket.siteId;
      $('other-site-reason').textContent = go ? Luot.i18n.name(answer.reason) : '';
      $('other-site').hidden = !go;
    } catch (e) {
      // keep what is shown; the next change asks again
    }
  }

  function statusText(ticket) {
    switch (ticket.status) {
      case 'waiting': return t('word.waiting');
      case 'called': return t('word.pleaseCome', { counter: ticket.counterId });
      case 'serving': return t('track.servingAt', { counter: ticket.counterId });
      case 'completed': return t('word.complete');
      case 'no_show': return t('word.noShow');
      case 'cancelled': return t('track.cancelled');
      case 'expired': return t('track.expired');
      default: return ticket.status;
    }
  }

  function waitText(message) {
    const minutes = message.estimatedWaitMinutes;
    if (message.notBeforeClosing) return t('track.notBeforeClosing');
    if (minutes === null || minutes === undefined) return t('track.noCounterOpen');
    if (minutes === 0) return t('track.soon');
    return t('word.aboutMinutes', { minutes });
  }

  function showError(text) {
    $('track-error').textContent = text;
    $('track-error').hidden = false;
    $('ticket').hidden = true;
  }

  function showConnection(online) {
    document.body.classList.toggle('offline', !online);
    $('connection').hidden = online;
  }
})(window);
