/*
 * The manager console (/manager/, issue 10). Both sites live, side by side, from their site streams
 * (Luot.SiteStream): a snapshot replaces a site's board, each event updates it; a site whose stream is
 * lost is greyed and says so, so nothing stale is shown as current. Every action asks the server, which
 * decides what is allowed (allowedActions of each counter, the suggestion rules, the move rules), and
 * each is confirmed in one click: the first press arms the button ("Xác nhận?"), the second does it,
 * with an Idempotency-Key so a retry is harmless. The suggestions, today's figures, the waiting line
 * chart (uPlot, served from the jar) and the audit log are read again after each action and every minute.
 *
 * For tests, window.LuotManager reads (never changes) the page's state.
 */
(function (global) {
  'use strict';

  const Staff = global.Luot.Staff;
  const i18n = global.Luot.i18n;
  const t = (key, params) => i18n.t(key, params);
  const $ = (id) => document.getElementById(id);
  const REFRESH_MS = 60000;
  const CONFIRM_MS = 5000;
  const COUNTER_ACTIONS = ['open', 'pause', 'resume', 'close'];

  const app = {
    catalogue: null,
    sites: {},           // siteId -> {status, counters: Map, queues: Map, idleSince: Map}
    streams: [],
    suggestions: [],
    audit: [],
    refreshes: 0,
    chart: null,
  };

  global.LuotManager = Object.freeze({
    get status() { return Object.fromEntries(Object.entries(app.sites).map(([id, s]) => [id, s.status])); },
    get suggestions() { return app.suggestions.map((s) => s.id); },
    get auditCount() { return app.audit.length; },
    get refreshes() { return app.refreshes; },
  });

  start();

  async function start() {
    await i18n.load('manager');
    i18n.apply();
    document.title = t('manager.title');
    Staff.languageLink($('language'));
    $('logout').addEventListener('click', () => {
      Staff.logout();
      app.streams.forEach((s) => s.stop());
      global.location.reload();
    });
    Staff.mountLogin(onLoggedIn);
  }

  async function onLoggedIn(member) {
    if (!member || (member.role !== 'manager' && member.role !== 'admin')) {
      $('not-manager').hidden = false;
      $('console').hidden = true;
      return;
    }
    $('not-manager').hidden = true;
    $('who').textContent = member.displayName || member.username;
    app.catalogue = await Staff.catalogue();
    $('centre-name').textContent = i18n.name(app.catalogue.centre.name);
    buildSites();
    buildNoticeForm();
    $('console').hidden = false;
    app.catalogue.sites.forEach(follow);
    refresh();
    setInterval(refresh, REFRESH_MS);
    setInterval(renderAllSites, 15000);   // waits and times since go on between events
  }

  // ---- the two sites, live ---------------------------------------------------------------------------

  function buildSites() {
    const box = $('sites');
    box.replaceChildren(...app.catalogue.sites.map((site) => {
      app.sites[site.id] = { status: 'connecting', counters: new Map(), queues: new Map(), idleSince: new Map() };
      const section = document.createElement('section');
      section.className = 'site panel';
      section.id = 'site-' + site.id;
      section.dataset.status = 'connecting';
      const head = document.createElement('div');
      head.className = 'site-head';
      const h2 = document.createElement('h2');
      h2.textContent = i18n.name(site.name);
      const status = document.createElement('span');
      status.className = 'connection';
      status.id = 'status-' + site.id;
      status.setAttribute('role', 'status');
      head.append(h2, status);
      const lines = document.createElement('table');
      lines.className = 'lines';
      lines.id = 'lines-' + site.id;
      const counters = document.createElement('ul');
      counters.className = 'counters';
      counters.id = 'counters-' + site.id;
      const countersTitle = document.createElement('h3');
      countersTitle.textContent = t('manager.counters');
      section.append(head, lines, countersTitle, counters);
      return section;
    }));
  }

  function follow(site) {
    const stream = new global.Luot.SiteStream(site.id, {
      onSnapshot(snapshot) {
        Staff.syncClock(snapshot.at);
        const s = app.sites[site.id];
        s.counters = new Map(snapshot.counters.map((c) => [c.id, c]));
        s.queues = new Map(snapshot.queues.map((q) => [q.serviceId, q]));
        renderSite(site.id);
      },
      onEvent(event) {
        Staff.syncClock(event.at);
        const s = app.sites[site.id];
        if (event.counter) {
          const before = s.counters.get(event.counter.id);
          if (before && before.current && !event.counter.current) s.idleSince.set(event.counter.id, Staff.now());
          s.counters.set(event.counter.id, event.counter);
        }
        if (event.type === 'counter.services_changed' && event.counter && event.counter.siteId !== site.id) {
          s.counters.delete(event.counter.id);
        }
        (event.queues || []).forEach((q) => s.queues.set(q.serviceId, q));
        renderSite(site.id);
        scheduleRefresh();
      },
      onStatus(status) {
        app.sites[site.id].status = status;
        renderSite(site.id);
      },
    });
    app.streams.push(stream.start());
  }

  function renderAllSites() {
    Object.keys(app.sites).forEach(renderSite);
  }

  function renderSite(siteId) {
    const s = app.sites[siteId];
    const site = app.catalogue.site[siteId];
    const section = $('site-' + siteId);
    section.dataset.status = s.status;
    const status = $('status-' + siteId);
    status.dataset.status = s.status === 'online' ? 'online' : s.status;
    status.textContent = s.status === 'online' ? t('manager.live') : s.status === 'offline'
      ? t('word.connectionLost') : t('manager.connecting');
    renderLines(siteId, site, s);
    renderCounters(siteId, site, s);
  }

  function renderLines(siteId, site, s) {
    const table = $('lines-' + siteId);
    const head = document.createElement('tr');
    ['manager.line.service', 'manager.line.waiting', 'manager.line.oldest', 'manager.line.estimate', 'manager.line.move']
      .forEach((key) => { const th = document.createElement('th'); th.scope = 'col'; th.textContent = t(key); head.append(th); });
    const rows = site.services.map((serviceId) => {
      const q = s.queues.get(serviceId) || { waiting: 0 };
      const service = app.catalogue.service[serviceId];
      const tr = document.createElement('tr');
      tr.dataset.service = serviceId;
      const oldest = q.oldestQueuedSince ? Staff.minutesBetween(q.oldestQueuedSince, Staff.now()) : null;
      const target = service ? service.targetWaitMinutes : null;
      tr.dataset.level = level(oldest, target);
      const name = document.createElement('th');
      name.scope = 'row';
      name.textContent = i18n.name(service ? service.name : { vi: serviceId });
      const estimate = q.estimatedWaitMinutes === null || q.estimatedWaitMinutes === undefined
        ? t('manager.noCounter') : t('manager.minutes', { minutes: q.estimatedWaitMinutes });
      tr.append(name, cell('waiting', String(q.waiting || 0)),
        cell('oldest', oldest === null ? '–' : t('manager.oldest', { minutes: oldest, target })),
        cell('estimate', estimate), moveCell(siteId, serviceId, q.waiting || 0));
      return tr;
    });
    const thead = document.createElement('thead');
    thead.append(head);
    const tbody = document.createElement('tbody');
    tbody.append(...rows);
    table.replaceChildren(thead, tbody);
  }

  /** Green within three quarters of the target, amber up to it, red beyond. */
  function level(minutes, target) {
    if (minutes === null || !target) return 'ok';
    if (minutes > target) return 'over';
    return minutes > target * 0.75 ? 'near' : 'ok';
  }

  function moveCell(siteId, serviceId, waiting) {
    const td = document.createElement('td');
    const others = app.catalogue.sites.filter((x) => x.id !== siteId && x.services.includes(serviceId));
    if (others.length === 0 || waiting === 0) return td;
    const count = document.createElement('input');
    count.type = 'number';
    count.min = '1';
    count.max = String(Math.min(waiting, 100));
    count.value = '1';
    count.className = 'move-count';
    count.setAttribute('aria-label', t('manager.move.count'));
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'move';
    const target = others[0];
    button.textContent = t('manager.move.to', { site: shortName(target) });
    confirmable(button, 'move:' + siteId + ':' + serviceId, () => act('/api/v1/sites/' + encodeURIComponent(siteId) + '/move-tickets', 'POST',
      { serviceId, count: Number(count.value), toSiteId: target.id }, (answer) => t('manager.move.done', {
        moved: answer.moved.length, notMoved: answer.notMoved.length })));
    td.append(count, button);
    return td;
  }

  function renderCounters(siteId, site, s) {
    const list = $('counters-' + siteId);
    const counters = [...s.counters.values()].filter((c) => c.siteId === siteId).sort((a, b) => a.id - b.id);
    list.replaceChildren(...counters.map((c) => {
      const li = document.createElement('li');
      li.className = 'counter';
      li.id = 'counter-' + c.id;
      li.dataset.state = c.state;
      const title = document.createElement('div');
      title.className = 'counter-title';
      title.append(strong(t('word.counter', { counter: c.id })), span('state', t('manager.state.' + c.state)),
        span('who', c.openedBy || ''));
      const services = span('services', c.services.map(serviceName).join(', '));
      const now = document.createElement('div');
      now.className = 'counter-now';
      if (c.current) {
        const since = c.current.calledAt ? Staff.minutesBetween(c.current.calledAt, Staff.now()) : null;
        now.textContent = t(c.current.status === 'serving' ? 'manager.serving' : 'manager.calling',
          { number: c.current.number, minutes: since === null ? '–' : since });
      } else if (c.state === 'open') {
        const idle = s.idleSince.get(c.id);
        now.textContent = idle ? t('manager.idleFor', { minutes: Math.max(0, Math.floor((Staff.now() - idle) / 60000)) })
          : t('manager.idle');
      }
      const actions = document.createElement('div');
      actions.className = 'counter-actions';
      const allowed = c.allowedActions || [];
      COUNTER_ACTIONS.filter((a) => allowed.includes(a)).forEach((action) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.dataset.action = action;
        button.textContent = t('manager.action.' + action);
        confirmable(button, 'counter:' + c.id + ':' + action, () => act('/api/v1/counters/' + c.id + '/' + action, 'POST',
          action === 'open' ? { services: c.services } : null, () => t('manager.done.' + action, { counter: c.id })));
        actions.append(button);
      });
      actions.append(servicesEditor(c, site));
      li.append(title, services, now, actions);
      return li;
    }));
  }

  /** The counter's services as checkboxes (the site's services), saved with one confirmed press. */
  function servicesEditor(c, site) {
    const details = document.createElement('details');
    details.className = 'services-editor';
    const summary = document.createElement('summary');
    summary.textContent = t('manager.services.change');
    details.append(summary);
    const chosenKey = 'chosen-' + c.id;
    site.services.forEach((serviceId) => {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = serviceId;
      box.dataset.service = serviceId;
      box.checked = app[chosenKey] ? app[chosenKey].includes(serviceId) : c.services.includes(serviceId);
      box.addEventListener('change', () => {
        app[chosenKey] = [...details.querySelectorAll('input:checked')].map((x) => x.value);
      });
      label.append(box, document.createTextNode(' ' + serviceName(serviceId)));
      details.append(label);
    });
    const save = document.createElement('button');
    save.type = 'button';
    save.className = 'save-services';
    save.textContent = t('manager.services.save');
    confirmable(save, 'services:' + c.id, () => {
      const services = [...details.querySelectorAll('input:checked')].map((x) => x.value);
      delete app[chosenKey];
      return act('/api/v1/counters/' + c.id + '/services', 'PUT', { services },
        () => t('manager.services.done', { counter: c.id }));
    });
    details.append(save);
    // Keep it open across redraws while the manager is choosing.
    const key = 'editor-' + c.id;
    details.open = !!app[key];
    details.addEventListener('toggle', () => { app[key] = details.open; });
    return details;
  }

  // ---- actions: one click arms, the second does it ---------------------------------------------------

  /**
   * Arms on the first press, acts on the second (within a few seconds). Boards are redrawn on every event,
   * so the armed state is kept by key and a redrawn button comes back armed.
   */
  const armed = new Map();
  function confirmable(button, key, action) {
    const label = button.textContent;
    const showArmed = () => {
      button.classList.add('armed');
      button.textContent = t('manager.confirm', { action: label });
    };
    if ((armed.get(key) || 0) > Date.now()) showArmed();
    button.addEventListener('click', async () => {
      if ((armed.get(key) || 0) <= Date.now()) {
        armed.set(key, Date.now() + CONFIRM_MS);
        showArmed();
        setTimeout(() => {
          if ((armed.get(key) || 0) <= Date.now() && button.isConnected) {
            button.classList.remove('armed');
            button.textContent = label;
          }
        }, CONFIRM_MS + 50);
        return;
      }
      armed.delete(key);
      button.disabled = true;
      try {
        await action();
      } finally {
        button.disabled = false;
        button.classList.remove('armed');
        button.textContent = label;
      }
    });
  }

  async function act(path, method, body, describe) {
    const message = $('action-message');
    try {
      const response = await fetch(path, {
        method, headers: Staff.headers({ 'Idempotency-Key': global.Luot.newIdempotencyKey() }),
        body: body === null ? undefined : JSON.stringify(body),
      });
      const answer = await Staff.readBody(response);
      if (response.status === 401) Staff.unauthorized();
      if (!response.ok) throw new Staff.ApiError(response.status, answer);
      message.dataset.kind = 'ok';
      message.textContent = describe(answer || {});
    } catch (e) {
      message.dataset.kind = 'error';
      message.textContent = e.message;
    }
    refresh();
  }

  // ---- suggestions, figures, chart, audit ------------------------------------------------------------

  let refreshTimer = null;
  function scheduleRefresh() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refresh, 1500);
  }

  async function refresh() {
    await Promise.all([loadSuggestions(), loadAudit(), loadFigures()]);
    app.refreshes++;
  }

  async function loadSuggestions() {
    try {
      const answer = await Staff.get('/api/v1/suggestions');
      app.suggestions = answer.suggestions;
    } catch (e) {
      return;
    }
    $('suggestions').replaceChildren(...app.suggestions.map((s) => {
      const li = document.createElement('li');
      li.className = 'suggestion';
      li.dataset.suggestion = s.id;
      const text = span('title', i18n.name(s.title));
      const saved = span('saved', t('manager.suggestions.saved', { minutes: s.minutesSaved }));
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'accept';
      button.textContent = t('manager.suggestions.accept');
      confirmable(button, 'accept:' + s.id, () => act('/api/v1/suggestions/' + encodeURIComponent(s.id) + '/accept', 'POST', null,
        () => t('manager.suggestions.done', { title: i18n.name(s.title) })));
      li.append(text, saved, button);
      return li;
    }));
    $('suggestions-empty').hidden = app.suggestions.length > 0;
  }

  async function loadAudit() {
    try {
      const answer = await Staff.get('/api/v1/audit');
      app.audit = answer.entries;
    } catch (e) {
      return;
    }
    $('audit').replaceChildren(...app.audit.slice().reverse().slice(0, 30).map((e) => {
      const li = document.createElement('li');
      li.dataset.action = e.action;
      li.append(span('when', Staff.time(e.at)), span('actor', e.actor),
        span('what', t('manager.audit.' + e.action, { target: e.target })), span('change', change(e)));
      return li;
    }));
  }

  /** "chung-thuc → chung-thuc, tra-ket-qua", "đóng → mở", or how many tickets moved. */
  function change(e) {
    const before = e.before || {};
    const after = e.after || {};
    if (after.tickets) return after.tickets.map((x) => x.number).join(', ');
    if (after.vi) return after.vi;
    const parts = [];
    if (JSON.stringify(before.services) !== JSON.stringify(after.services)) {
      parts.push((before.services || []).map(serviceName).join(', ') + ' → ' + (after.services || []).map(serviceName).join(', '));
    }
    if (before.state !== after.state) parts.push(t('manager.state.' + before.state) + ' → ' + t('manager.state.' + after.state));
    return parts.join('; ');
  }

  async function loadFigures() {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(Staff.now()));
    const sites = app.catalogue.sites;
    let reports;
    let lines;
    try {
      [reports, lines] = await Promise.all([
        Promise.all(sites.map((s) => Staff.get('/api/v1/reports/summary?from=' + today + '&to=' + today
          + '&groupBy=service&siteId=' + encodeURIComponent(s.id) + '&lang=' + i18n.lang()))),
        Promise.all(sites.map((s) => Staff.get('/api/v1/sites/' + encodeURIComponent(s.id) + '/waiting-today'))),
      ]);
    } catch (e) {
      return;
    }
    renderFigures(sites, reports);
    renderChart(sites, lines);
  }

  const FIGURES = ['issued', 'served', 'noShows', 'waitMeanMinutes', 'waitP90Minutes', 'withinTargetShare'];

  function renderFigures(sites, reports) {
    const table = $('figures');
    const head = document.createElement('tr');
    [t('manager.figures.site'), t('manager.line.service')].concat(FIGURES.map((k) => t('manager.figures.' + k)))
      .forEach((text) => { const th = document.createElement('th'); th.scope = 'col'; th.textContent = text; head.append(th); });
    const rows = [];
    sites.forEach((site, i) => {
      (reports[i].groups || []).forEach((g) => {
        const tr = document.createElement('tr');
        tr.append(cell('site', shortName(site)), cell('service', serviceName(g.key)));
        FIGURES.forEach((k) => tr.append(cell(k, number(k, g.figures[k]))));
        rows.push(tr);
      });
    });
    const thead = document.createElement('thead');
    thead.append(head);
    const tbody = document.createElement('tbody');
    tbody.append(...rows);
    table.replaceChildren(thead, tbody);
  }

  function number(key, value) {
    if (value === null || value === undefined) return '–';
    if (key === 'withinTargetShare') return Math.round(value * 100) + ' %';
    return Number.isInteger(value) ? String(value) : value.toFixed(1);
  }

  /** The waiting line over the day, one line per site (uPlot from the jar). */
  function renderChart(sites, lines) {
    const box = $('waiting-chart');
    const times = (lines[0].points || []).map((p) => Date.parse(p.at) / 1000);
    const data = [times].concat(lines.map((l) => (l.points || []).map((p) => p.waiting)));
    box.setAttribute('aria-label', t('manager.figures.chart'));
    if (times.length === 0) return;
    const width = Math.max(280, box.clientWidth || 400);
    const colours = ['#1565c0', '#c62828', '#2e7d32'];
    const options = {
      width, height: 160,
      tzDate: (ts) => global.uPlot.tzDate(new Date(ts * 1e3), 'Asia/Ho_Chi_Minh'),
      scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(5, max)] } },
      series: [{ label: t('manager.figures.time') }].concat(sites.map((s, i) => ({
        label: shortName(s), stroke: colours[i % colours.length], width: 2,
      }))),
      // 24-hour times in the centre's zone, as everywhere else ("14:05").
      axes: [{ values: (u, splits) => splits.map((v) => Staff.time(new Date(v * 1000).toISOString())) },
        { label: t('manager.figures.waiting') }],
    };
    if (app.chart) app.chart.destroy();
    app.chart = new global.uPlot(options, data, box);
  }

  // ---- notices -------------------------------------------------------------------------------------

  function buildNoticeForm() {
    const box = $('notice-sites');
    app.catalogue.sites.forEach((site) => {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.value = site.id;
      input.checked = true;
      input.id = 'notice-site-' + site.id;
      label.append(input, document.createTextNode(' ' + i18n.name(site.name)));
      box.append(label);
    });
    const form = $('notice-form');
    const submit = $('notice-submit');
    const label = submit.textContent;
    let armed = false;
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (!armed) {
        armed = true;
        submit.classList.add('armed');
        submit.textContent = t('manager.confirm', { action: label });
        setTimeout(() => { armed = false; submit.classList.remove('armed'); submit.textContent = label; }, CONFIRM_MS);
        return;
      }
      armed = false;
      submit.classList.remove('armed');
      submit.textContent = label;
      const siteIds = [...box.querySelectorAll('input:checked')].map((x) => x.value);
      await act('/api/v1/notices', 'POST', {
        text: { vi: $('notice-vi').value, en: $('notice-en').value }, siteIds, endsAt: endsAt($('notice-until').value),
      }, () => t('manager.notice.done'));
    });
  }

  /** Today at the chosen hh:mm in the centre's zone (UTC+7), as an ISO time the server reads. */
  function endsAt(hhmm) {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(Staff.now()));
    return today + 'T' + hhmm + ':00+07:00';
  }

  // ---- small helpers ---------------------------------------------------------------------------------

  function serviceName(serviceId) {
    const service = app.catalogue && app.catalogue.service[serviceId];
    return service ? i18n.name(service.name) : serviceId;
  }

  function shortName(site) {
    return t('manager.site.' + site.id) === 'manager.site.' + site.id ? i18n.name(site.name) : t('manager.site.' + site.id);
  }

  function cell(cls, text) {
    const td = document.createElement('td');
    td.className = cls;
    td.textContent = text;
    return td;
  }

  function span(cls, text) {
    const s = document.createElement('span');
    s.className = cls;
    s.textContent = text;
    return s;
  }

  function strong(text) {
    const s = document.createElement('strong');
    s.textContent = text;
    return s;
  }
})(window);
