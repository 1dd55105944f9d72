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
 * The start screen shows, for each service, the people waiting and the estimated wait here, and names
 * another site only when a ticket there would wait clearly less (the server applies the rule; see
 * fasterElsewhere). It refreshes on every event of either hall's live stream (Luot.SiteStream), and every
 * 30 s in any case.
 *
 * Every return to the start (after a ticket, or when nobody has touched the screen for a while) returns
 * to the kiosk's own language, Vietnamese unless the address says lang=en: the next citizen must not find
 * the previous one's English.
 *
 * Outside opening hours (GET /api/v1/kiosk/{site} says issuing.open = false) the kiosk shows when the site
 * opens and issues nothing. A wrong address (an unknown site or printer) shows what is wrong, for staff.
 */
(function () {
  'use strict';

  const T = Luot.i18n;
  const params = new URLSearchParams(window.location.search);
  const printerId = params.get('printer') || null;
  /** The kiosk's own language, which every return to the start brings back. */
  const homeLanguage = params.get('lang') === 'en' ? 'en' : 'vi';
  let siteId = params.get('site');
  /** A tap this soon after the screen changed is the same finger's second tap, not a choice. */
  const TAP_GUARD_MS = 600;
  const RETRY_MS = [500, 1000, 2000, 4000];
  const PRIORITY_SCREEN_IDLE_MS = 30000;
  const QUEUES_EVERY_MS = 30000;
  const PRINTER_EVERY_MS = 10000;
  /** On the start screen in another language, nobody has touched it for this long: back to the home language. */
  const START_IDLE_MS = 45000;

  const state = {
    centre: null,
    timeZone: 'Asia/Ho_Chi_Minh',
    clockOffsetMs: 0,
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
    ['start', 'priority', 'checkin', 'ticket', 'closed', 'error'].forEach((id) => { $(id).hidden = id !== screen; });
    document.body.dataset.screen = screen;
    state.screenSince = Date.now();
    document.body.dataset.tapReady = 'false';
    setTimeout(() => { if (Date.now() - state.screenSince >= TAP_GUARD_MS) document.body.dataset.tapReady = 'true'; },
      TAP_GUARD_MS);
  }

  function tapAllowed() {
    return Date.now() - state.screenSince >= TAP_GUARD_MS;
  }

  /** The server's estimate in words; it says when a ticket would not be reached before closing. */
  function minutes(value, notBeforeClosing) {
    if (notBeforeClosing) return T.t('kiosk.notBeforeClosing');
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
      const faster = fasterElsewhere(line);
      button.className = 'service' + (faster ? ' faster-elsewhere' : '');
      button.dataset.service = line.serviceId;
      button.appendChild(span('service-name', T.name(service.name)));
      const here = line.here;
      button.appendChild(span('here', T.t('kiosk.waitingHere', { waiting: here.waiting }) + ' · '
        + minutes(here.estimatedWaitMinutes, here.notBeforeClosing)));
      if (faster) {
        const el = span('faster', fasterWords(faster));
        el.dataset.site = faster.siteId;
        button.appendChild(el);
      }
      button.addEventListener('click', () => chooseService(line.serviceId));
      list.appendChild(button);
    });
  }

  /**
   * The other site worth the trip for this service, or null. The server's recommendation rule decides
   * (domain/balancing/SiteRecommendation, the same rule as GET /api/v1/recommendation, travel time
   * included) and says the minutes saved; this function only reads its answer.
   */
  function fasterElsewhere(line) {
    const sent = line.elsewhere.find((there) => there.muchFaster);
    if (!sent) return null;
    return {
      siteId: sent.siteId,
      minutesSaved: sent.minutesSaved === undefined ? null : sent.minutesSaved,
      minutesThere: sent.estimatedWaitMinutes,
    };
  }

  function fasterWords(faster) {
    const site = T.name(state.sites[faster.siteId].name);
    return faster.minutesSaved === null
      ? T.t('kiosk.openThere', { site: site, minutes: faster.minutesThere })
      : T.t('kiosk.fasterThere', { site: site, minutes: faster.minutesSaved });
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
      state.clockOffsetMs = Date.parse(state.kiosk.at) - Date.now();
      renderServices();
      followOpeningHours();
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
      const response = await fetch('/api/v1/printers/' + encodeURIComponent(printerId), { cache: 'no-store' });
      if (response.status === 404) {
        showError(T.t('kiosk.unknownPrinter', { printer: printerId }));
        return;
      }
      if (!response.ok) throw new Error('printer: ' + response.status);
      state.printer = await response.json();
    } catch (e) {
      state.printer = { state: 'offline', prints: false };
    }
    renderPrinterBanner();
  }

  function renderPrinterBanner() {
    const banner = $('printer-banner');
    const p = state.printer;
    // The ticket screen says it once, beside the number: no banner above it saying it again.
    const onTicket = document.body.dataset.screen === 'ticket';
    if (!printerId || !p || p.state === 'online' || onTicket || document.body.dataset.screen === 'error') {
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
        if (response.status === 409) {
          refreshQueues();   // closed meanwhile: the kiosk shows when it opens
          return null;
        }
        if (response.status < 500) return null;
      } catch (e) {
        // the answer was lost: the same key makes the retry safe
      }
      if (attempt < RETRY_MS.length) await new Promise((r) => setTimeout(r, RETRY_MS[attempt]));
    }
    return null;
  }

  /**
   * "Tôi đã đặt lịch": the citizen types the booking code or the phone number, or shows the booking's QR
   * code to the scanner, which types the code and Enter. The server finds the booking and checks it in,
   * once (a second press gets the same ticket), then the ticket shows as any other.
   */
  function openCheckIn() {
    if (!tapAllowed()) return;
    clearTimeout(state.idleTimer);
    $('checkin-input').value = '';
    $('checkin-error').hidden = true;
    show('checkin');
    $('checkin-input').focus();
    state.idleTimer = setTimeout(backToStart, PRIORITY_SCREEN_IDLE_MS);
  }

  async function checkIn(event) {
    event.preventDefault();
    const typed = $('checkin-input').value.trim();
    if (!typed || state.busy) return;
    state.busy = true;
    clearTimeout(state.idleTimer);
    $('checkin-submit').disabled = true;
    $('checkin-error').hidden = true;
    // Digits alone are a phone number; anything else is read as the code.
    const body = /^[+0-9 .-]{9,}$/.test(typed) ? { phone: typed } : { code: typed };
    if (printerId) body.printerId = printerId;
    let answer = null;
    let refusal = null;
    for (let attempt = 0; attempt <= RETRY_MS.length && !answer && !refusal; attempt++) {
      try {
        const response = await fetch('/api/v1/kiosk/' + encodeURIComponent(siteId) + '/check-in', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Accept-Language': T.lang() },
          body: JSON.stringify(body),
        });
        const json = await response.json().catch(() => ({}));
        if (response.status === 201) answer = json;
        else if (response.status < 500) refusal = json.message || T.t('kiosk.checkinNotFound');
      } catch (e) {
        // the answer was lost: checking in again gets the same ticket
      }
      if (!answer && !refusal && attempt < RETRY_MS.length) await new Promise((r) => setTimeout(r, RETRY_MS[attempt]));
    }
    $('checkin-submit').disabled = false;
    if (answer) {
      showTicket(answer.ticket);
      return;
    }
    state.busy = false;
    $('checkin-error').textContent = refusal || T.t('kiosk.tryAgain');
    $('checkin-error').hidden = false;
    $('checkin-input').select();
    state.idleTimer = setTimeout(backToStart, PRIORITY_SCREEN_IDLE_MS);
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
    $('ticket-wait').textContent = minutes(ticket.estimatedWaitMinutes, ticket.notBeforeClosing);
    const status = $('print-status');
    if (prints) {
      status.textContent = T.t('kiosk.printing');
      status.className = 'print-status printing';
    } else {
      const why = printerId ? printerWords(state.printer ? state.printer.state : 'offline') : T.t('kiosk.noPrinter');
      status.textContent = why + '. ' + T.t('kiosk.rememberNumber');
      status.className = 'print-status printer-out';
    }
    showTrackingCode(prints ? null : ticket.trackingUrl);
    const seconds = prints ? state.kiosk.numberShownSeconds : state.kiosk.numberShownWhenPrinterOutSeconds;
    $('ticket').dataset.shownSeconds = String(seconds);
    $('ticket').dataset.ticketId = ticket.id;
    show('ticket');
    renderPrinterBanner();
    countDown(seconds);
  }

  /** Without a printed ticket, its QR code on the screen: the citizen follows the turn on a phone. */
  function showTrackingCode(url) {
    const figure = $('ticket-qr');
    figure.hidden = !url;
    if (!url) return;
    Luot.Qr.draw($('ticket-qr-code'), url);
    $('ticket-qr-code').setAttribute('aria-label', T.t('kiosk.qrLabel'));
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

  async function backToStart() {
    clearTimeout(state.returnTimer);
    clearTimeout(state.idleTimer);
    state.selection = null;
    state.busy = false;
    if (T.lang() !== homeLanguage) await setLanguage(homeLanguage);
    show(state.kiosk && state.kiosk.issuing && !state.kiosk.issuing.open ? 'closed' : 'start');
    renderPrinterBanner();
    refreshQueues();
  }

  /** In another language on the start screen, untouched for a while: the next citizen finds Vietnamese. */
  function watchStartIdle() {
    let touched = Date.now();
    document.addEventListener('pointerdown', () => { touched = Date.now(); }, true);
    setInterval(() => {
      const screen = document.body.dataset.screen;
      if ((screen === 'start' || screen === 'closed') && T.lang() !== homeLanguage && Date.now() - touched > START_IDLE_MS) {
        backToStart();
      }
    }, 1000);
  }

  // ---- opening hours and wrong addresses -----------------------------------------------------------

  /** Outside opening hours the kiosk shows when the site opens, and the start screen comes back by itself. */
  function followOpeningHours() {
    const issuing = state.kiosk && state.kiosk.issuing;
    if (!issuing) return;
    const screen = document.body.dataset.screen;
    renderClosed(issuing);
    if (!issuing.open && screen === 'start') show('closed');
    if (issuing.open && screen === 'closed') show('start');
  }

  function renderClosed(issuing) {
    const site = T.name(state.sites[siteId].name);
    $('closed-opens').textContent = issuing.opensAt
      ? T.t('kiosk.opensAt', { site: site, time: clockTime(issuing.opensAt), day: dayWords(issuing.opensAt) })
      : T.t('kiosk.closedNoDate', { site: site });
    $('closed-from').textContent = issuing.issuingFrom ? T.t('kiosk.numbersFrom', { time: clockTime(issuing.issuingFrom) }) : '';
    const list = $('closed-hours');
    list.textContent = '';
    weekHours(state.sites[siteId].openingHours).forEach((text) => {
      const item = document.createElement('li');
      item.textContent = text;
      list.appendChild(item);
    });
  }

  const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

  /** "Thứ Hai – Thứ Sáu: 07:00–11:30, 13:30–17:00", days with the same hours joined. */
  function weekHours(hours) {
    const lines = [];
    let i = 0;
    while (i < DAYS.length) {
      const periods = (hours[DAYS[i]] || []).join(',');
      let j = i;
      while (j + 1 < DAYS.length && (hours[DAYS[j + 1]] || []).join(',') === periods) j++;
      if (periods) {
        const days = i === j ? T.t('day.' + DAYS[i]) : T.t('day.' + DAYS[i]) + ' – ' + T.t('day.' + DAYS[j]);
        lines.push(days + ': ' + periods.split(',').map((p) => p.replace('-', '–')).join(', '));
      }
      i = j + 1;
    }
    return lines;
  }

  function centreParts(iso) {
    const parts = {};
    new Intl.DateTimeFormat('en-GB', {
      timeZone: state.timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', weekday: 'short',
    }).formatToParts(iso ? new Date(iso) : new Date(Date.now() + state.clockOffsetMs))
      .forEach((p) => { parts[p.type] = p.value; });
    return parts;
  }

  function clockTime(iso) {
    const p = centreParts(iso);
    return p.hour + ':' + p.minute;
  }

  /** "hôm nay", "ngày mai", or "thứ Hai 30/11/2026", in the centre's time zone by the server's clock. */
  function dayWords(iso) {
    const then = centreParts(iso);
    const today = centreParts(null);
    const date = (p) => p.year + '-' + p.month + '-' + p.day;
    const tomorrow = new Date(Date.parse(date(today) + 'T12:00:00Z') + 86400000).toISOString().slice(0, 10);
    if (date(then) === date(today)) return T.t('kiosk.today');
    if (date(then) === tomorrow) return T.t('kiosk.tomorrow');
    const weekday = DAYS[['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(then.weekday)];
    return T.t('kiosk.onDay', { weekday: T.t('day.' + weekday), date: then.day + '/' + then.month + '/' + then.year });
  }

  function showError(text) {
    $('language').hidden = true;   // the error is for staff, in the kiosk's own language
    $('error-text').textContent = text;
    show('error');
    renderPrinterBanner();
    document.body.dataset.ready = 'true';
  }

  // ---- language, live updates, start -----------------------------------------------------------

  function switchLanguage() {
    return setLanguage(T.lang() === 'vi' ? 'en' : 'vi');
  }

  async function setLanguage(lang) {
    await T.load('kiosk', lang);
    T.apply();
    renderHeader();
    renderServices();
    renderPriorityGroups();
    renderPrinterBanner();
    if (state.kiosk && state.kiosk.issuing) renderClosed(state.kiosk.issuing);
    if (state.selection) $('chosen-service').textContent = T.name(state.services[state.selection.serviceId].name);
  }

  function follow(site) {
    // The managers' notices of this kiosk's own site (issue 10), from the same stream.
    const notices = site === siteId ? new Luot.Notices($('manager-notices')) : null;
    new Luot.SiteStream(site, {
      onSnapshot: (snapshot) => { if (notices) notices.load(snapshot); scheduleRefresh(); },
      onEvent: (event) => { if (notices) notices.apply(event); scheduleRefresh(); },
      onStatus: (status) => {
        if (status === 'offline') state.streamsDown.add(site);
        if (status === 'online') state.streamsDown.delete(site);
        $('connection-banner').hidden = state.streamsDown.size === 0;
      },
    }).start();
  }

  async function start() {
    await T.load('kiosk', homeLanguage);
    T.apply();
    const [sites, catalogue] = await Promise.all([getJson('/api/v1/sites'), getJson('/api/v1/services')]);
    state.centre = sites.centre.name;
    state.timeZone = sites.timeZone;
    sites.sites.forEach((s) => { state.sites[s.id] = s; });
    catalogue.services.forEach((s) => { state.services[s.id] = s; });
    state.priorityGroups = catalogue.priorityGroups;
    siteId = siteId || sites.sites[0].id;
    if (!state.sites[siteId]) {
      showError(T.t('kiosk.unknownSite', { site: siteId, sites: Object.keys(state.sites).join(', ') }));
      return;
    }
    renderHeader();
    renderPriorityGroups();
    show('start');
    await Promise.all([refreshQueues(), refreshPrinter()]);
    if (document.body.dataset.screen === 'error') return;
    followOpeningHours();
    document.body.dataset.ready = 'true';
    watchStartIdle();

    $('language').addEventListener('click', switchLanguage);
    $('no-priority').addEventListener('click', () => issue(null));
    $('back').addEventListener('click', () => { if (!state.busy) backToStart(); });
    $('booked').addEventListener('click', openCheckIn);
    $('checkin-form').addEventListener('submit', checkIn);
    $('checkin-back').addEventListener('click', () => { if (!state.busy) backToStart(); });
    $('done').addEventListener('click', () => { if (tapAllowed()) backToStart(); });
    Object.keys(state.sites).forEach(follow);
    setInterval(refreshQueues, QUEUES_EVERY_MS);
    setInterval(refreshPrinter, PRINTER_EVERY_MS);
  }

  // Without the catalogue the kiosk cannot offer anything: try again until the server answers.
  start().catch(() => setTimeout(() => window.location.reload(), 5000));
})();
