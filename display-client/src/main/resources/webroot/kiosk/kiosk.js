/*
 * The ticket kiosk: /kiosk/?site=hac-thanh&printer=kiosk-1 (&lang=en).
 *
 * Two taps to a ticket: the service, then a priority group (or "no"). The number then shows in large
 * type while the kiosk's printer prints it, and the page returns to the start by itself: after
 * numberShownSeconds, or numberShownWhenPrinterOutSeconds when the printer cannot print it (both from
 * config/default.yaml, through GET /api/v1/kiosk/{site}).
 *
 * No duplicates: each service tap gets an Idempotency-Key, and every request for that tap (a double tap,
 * a retry after a lost answer) carries the same key, so the server makes one ticket at most.
 *
 * The start screen shows, for each service, the people waiting and the estimated wait here and at the
 * other site, and says so when the other site is much faster (the server applies the rule). It refreshes
 * on every event of either hall's live stream (Luot.SiteStream), and every 30 s in any case.
 */
(function () {
  'use strict';

  const T = Luot.i18n;
  const params = new URLSearchParams(window.location.search);
  const siteId = params.get('site') || 'hac-thanh';
  const printerId = params.get('printer') || null;
  /** A tap this soon after the screen changed is the same finger's second tap, not a choice. */
  const TAP_GUARD_MS = 600;
  const RETRY_MS = [500, 1000, 2000, 4000];
  const PRIORITY_SCREEN_IDLE_MS = 30000;
  const QUEUES_EVERY_MS = 30000;
  const PRINTER_EVERY_MS = 10000;

  const state = {
    centre: null,
    sites: {},
    services: {},
    priorityGroups: [],
    kiosk: null,
    printer: null,
    selection: null,
    busy: false,
    screenSince: 0,
    returnTimer: null,
    idleTimer: null,
    refreshTimer: null,
    streamsDown: new Set(),
  };

  const $ = (id) => document.getElementById(id);

  async function getJson(url) {
    const response = await fetch(url, { cache: 'no-store' });
    if (!response.ok) throw new Error(url + ': ' + response.status);
    return response.json();
  }

  function show(screen) {
    ['start', 'priority', 'ticket'].forEach((id) => { $(id).hidden = id !== screen; });
    document.body.dataset.screen = screen;
    state.screenSince = Date.now();
    document.body.dataset.tapReady = 'false';
    setTimeout(() => { if (Date.now() - state.screenSince >= TAP_GUARD_MS) document.body.dataset.tapReady = 'true'; },
      TAP_GUARD_MS);
  }

  function tapAllowed() {
    return Date.now() - state.screenSince >= TAP_GUARD_MS;
  }

  function minutes(value) {
    return value === null || value === undefined ? T.t('kiosk.noCounterOpen') : T.t('word.aboutMinutes', { minutes: value });
  }

  // ---- the start screen ------------------------------------------------------------------------

  function renderHeader() {
    $('centre-name').textContent = T.name(state.centre);
    const siteName = T.name(state.sites[siteId].name);
    // The ward's own building carries the centre's name: say it once.
    $('site-name').textContent = siteName === T.name(state.centre) ? '' : siteName;
    $('language').textContent = T.t('kiosk.language');
    document.title = 'Lượt – ' + T.t('kiosk.title');
  }

  function renderServices() {
    const list = $('services');
    list.textContent = '';
    if (!state.kiosk) return;
    state.kiosk.services.forEach((line) => {
      const service = state.services[line.serviceId];
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'service' + (line.elsewhereMuchFaster ? ' faster-elsewhere' : '');
      button.dataset.service = line.serviceId;
      button.appendChild(span('service-name', T.name(service.name)));
      const here = line.here;
      button.appendChild(span('here', T.t('kiosk.waitingHere', { waiting: here.waiting }) + ' · '
        + minutes(here.estimatedWaitMinutes)));
      line.elsewhere.forEach((there) => {
        const site = state.sites[there.siteId];
        const text = T.t('kiosk.elsewhere', { site: T.name(site.name), waiting: there.waiting }) + ' · '
          + minutes(there.estimatedWaitMinutes);
        const el = span('elsewhere', text);
        el.dataset.site = there.siteId;
        button.appendChild(el);
        if (there.muchFaster) button.appendChild(span('faster', T.t('word.otherSiteFaster')));
      });
      button.addEventListener('click', () => chooseService(line.serviceId));
      list.appendChild(button);
    });
  }

  function span(className, text) {
    const el = document.createElement('span');
    el.className = className;
    el.textContent = text;
    return el;
  }

  async function refreshQueues() {
    try {
      state.kiosk = await getJson('/api/v1/kiosk/' + encodeURIComponent(siteId));
      renderServices();
    } catch (e) {
      // keep showing the last known lines; the live streams report a lost connection
    }
  }

  /** Many events can come at once (a busy hall): refresh once they settle. */
  function scheduleRefresh() {
    clearTimeout(state.refreshTimer);
    state.refreshTimer = setTimeout(refreshQueues, 300);
  }

  async function refreshPrinter() {
    if (!printerId) return;
    try {
      state.printer = await getJson('/api/v1/printers/' + encodeURIComponent(printerId));
    } catch (e) {
      state.printer = { state: 'offline', prints: false };
    }
    renderPrinterBanner();
  }

  function renderPrinterBanner() {
    const banner = $('printer-banner');
    const p = state.printer;
    if (!printerId || !p || p.state === 'online') {
      banner.hidden = true;
      return;
    }
    banner.hidden = false;
    banner.dataset.state = p.state;
    banner.textContent = printerWords(p.state);
  }

  function printerWords(printerState) {
    if (printerState === 'paper_out') return T.t('word.printerOutOfPaper');
    if (printerState === 'paper_near_end') return T.t('kiosk.printerNearEnd');
    return T.t('kiosk.printerOffline');
  }

  // ---- choosing and taking a ticket --------------------------------------------------------------

  function chooseService(serviceId) {
    if (!tapAllowed() || state.busy) return;
    // One key per service tap; every request for this choice reuses it.
    state.selection = { serviceId: serviceId, key: window.Luot.newIdempotencyKey(), body: null };
    $('chosen-service').textContent = T.name(state.services[serviceId].name);
    $('issue-error').hidden = true;
    setIssueButtons(true);
    show('priority');
    clearTimeout(state.idleTimer);
    state.idleTimer = setTimeout(backToStart, PRIORITY_SCREEN_IDLE_MS);
  }

  function renderPriorityGroups() {
    const box = $('priority-groups');
    box.textContent = '';
    state.priorityGroups.forEach((group) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'big priority';
      button.dataset.priority = group.id;
      button.textContent = T.name(group.name);
      button.addEventListener('click', () => issue(group.id));
      box.appendChild(button);
    });
  }

  function setIssueButtons(enabled) {
    document.querySelectorAll('#priority button').forEach((b) => { b.disabled = !enabled; });
  }

  async function issue(priority) {
    if (!tapAllowed() || state.busy || !state.selection) return;
    state.busy = true;
    clearTimeout(state.idleTimer);
    setIssueButtons(false);
    const body = { serviceId: state.selection.serviceId, siteId: siteId, channel: 'kiosk' };
    if (priority) body.priority = priority;
    if (printerId) body.printerId = printerId;
    const encoded = JSON.stringify(body);
    if (state.selection.body !== null && state.selection.body !== encoded) {
      // Another choice after a failed attempt is another request: it needs a key of its own.
      state.selection.key = window.Luot.newIdempotencyKey();
    }
    state.selection.body = encoded;
    const ticket = await post(encoded, state.selection.key);
    if (ticket) {
      showTicket(ticket);
    } else {
      state.busy = false;
      $('issue-error').hidden = false;
      setIssueButtons(true);
      state.idleTimer = setTimeout(backToStart, PRIORITY_SCREEN_IDLE_MS);
    }
  }

  /** Sends the request, retrying lost answers and server faults with the same key; null if it failed. */
  async function post(body, key) {
    for (let attempt = 0; attempt <= RETRY_MS.length; attempt++) {
      try {
        const response = await fetch('/api/v1/tickets', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key,
            'Accept-Language': T.lang() },
          body: body,
        });
        if (response.status === 201) return response.json();
        if (response.status < 500) return null;
      } catch (e) {
        // the answer was lost: the same key makes the retry safe
      }
      if (attempt < RETRY_MS.length) await new Promise((r) => setTimeout(r, RETRY_MS[attempt]));
    }
    return null;
  }

  async function showTicket(ticket) {
    await refreshPrinter();
    const prints = printerId && state.printer && state.printer.prints;
    $('ticket-number').textContent = ticket.number;
    $('ticket-service').textContent = T.name(state.services[ticket.serviceId].name);
    const group = state.priorityGroups.find((g) => g.id === ticket.priority);
    $('ticket-priority').hidden = !group;
    $('ticket-priority').textContent = group ? T.t('word.priority') + ': ' + T.name(group.name) : '';
    $('ticket-ahead').textContent = ticket.position === 0 ? T.t('kiosk.nobodyAhead')
      : T.t('kiosk.people', { count: ticket.position });
    $('ticket-wait').textContent = minutes(ticket.estimatedWaitMinutes);
    const status = $('print-status');
    if (prints) {
      status.textContent = T.t('kiosk.printing');
      status.className = 'print-status printing';
    } else {
      const why = printerId ? printerWords(state.printer ? state.printer.state : 'offline') : T.t('kiosk.noPrinter');
      status.textContent = why + '. ' + T.t('kiosk.rememberNumber');
      status.className = 'print-status printer-out';
    }
    const seconds = prints ? state.kiosk.numberShownSeconds : state.kiosk.numberShownWhenPrinterOutSeconds;
    $('ticket').dataset.shownSeconds = String(seconds);
    $('ticket').dataset.ticketId = ticket.id;
    show('ticket');
    countDown(seconds);
  }

  function countDown(seconds) {
    clearTimeout(state.returnTimer);
    $('returning').textContent = T.t('kiosk.returning', { seconds: seconds });
    if (seconds <= 0) {
      backToStart();
      return;
    }
    state.returnTimer = setTimeout(() => countDown(seconds - 1), 1000);
  }

  function backToStart() {
    clearTimeout(state.returnTimer);
    clearTimeout(state.idleTimer);
    state.selection = null;
    state.busy = false;
    show('start');
    refreshQueues();
  }

  // ---- language, live updates, start -----------------------------------------------------------

  async function switchLanguage() {
    await T.load('kiosk', T.lang() === 'vi' ? 'en' : 'vi');
    T.apply();
    renderHeader();
    renderServices();
    renderPriorityGroups();
    renderPrinterBanner();
    if (state.selection) $('chosen-service').textContent = T.name(state.services[state.selection.serviceId].name);
  }

  function follow(site) {
    new Luot.SiteStream(site, {
      onSnapshot: scheduleRefresh,
      onEvent: scheduleRefresh,
      onStatus: (status) => {
        if (status === 'offline') state.streamsDown.add(site);
        if (status === 'online') state.streamsDown.delete(site);
        $('connection-banner').hidden = state.streamsDown.size === 0;
      },
    }).start();
  }

  async function start() {
    await T.load('kiosk', params.get('lang'));
    T.apply();
    const [sites, catalogue] = await Promise.all([getJson('/api/v1/sites'), getJson('/api/v1/services')]);
    state.centre = sites.centre.name;
    sites.sites.forEach((s) => { state.sites[s.id] = s; });
    catalogue.services.forEach((s) => { state.services[s.id] = s; });
    state.priorityGroups = catalogue.priorityGroups;
    renderHeader();
    renderPriorityGroups();
    show('start');
    await Promise.all([refreshQueues(), refreshPrinter()]);
    document.body.dataset.ready = 'true';

    $('language').addEventListener('click', switchLanguage);
    $('no-priority').addEventListener('click', () => issue(null));
    $('back').addEventListener('click', () => { if (!state.busy) backToStart(); });
    $('done').addEventListener('click', () => { if (tapAllowed()) backToStart(); });
    Object.keys(state.sites).forEach(follow);
    setInterval(refreshQueues, QUEUES_EVERY_MS);
    setInterval(refreshPrinter, PRINTER_EVERY_MS);
  }

  // Without the catalogue the kiosk cannot offer anything: try again until the server answers.
  start().catch(() => setTimeout(() => window.location.reload(), 5000));
})();
