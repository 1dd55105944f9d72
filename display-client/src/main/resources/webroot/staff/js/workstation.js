/*
 * The counter workstation (/staff/): log in, open a counter, and work it with one click or one key
 * per action. What the page shows comes from two places: the answers to its own actions, and the
 * site's live stream (so a manager's change to this counter appears at once). Both carry the
 * counter's version; the newer one wins. Clicks go through Luot.PendingActions, so a click made while
 * offline is sent when the network is back, exactly once.
 */
(function () {
  'use strict';

  const { Staff, i18n, PendingActions, SiteStream } = window.Luot;
  const t = i18n.t;
  const $ = (id) => document.getElementById(id);
  const COUNTER_KEY = 'luot.staff.counter';

  // Which actions are allowed is the server's to say (domain/counter/Desk): each counter view carries
  // allowedActions, and GET /api/v1/counter-actions gives the same rules mode by mode, for a press made
  // while the one before it is still on its way. The page keeps no copy of them.
  const ON_CURRENT_TICKET = new Set(['recall', 'start', 'complete', 'no-show', 'return', 'transfer']);
  const LABEL = {
    'call-next': 'word.callNext', call: 'action.callNumber', recall: 'word.recall', start: 'action.start',
    complete: 'word.complete', 'no-show': 'word.noShow', return: 'action.return', transfer: 'word.transfer',
    pause: 'word.pause', resume: 'word.resume', close: 'action.close', open: 'action.open',
  };
  const KEYS = {
    Enter: 'call-next', '+': 'call-next', 1: 'recall', 2: 'start', 3: 'complete', 4: 'no-show', 5: 'return',
    6: 'transfer', 7: 'call', 0: 'pause-resume', 9: 'close',
  };

  const ws = {
    catalogue: null,
    me: null,
    counterId: null,
    counter: null,
    tickets: {},
    details: {},
    queues: {},
    siteCounters: {},
    stats: null,
    connection: 'connecting',
    actions: null,
    stream: null,
    chosen: null,
    rules: null,
  };

  // ---- start ------------------------------------------------------------------------------------

  async function boot() {
    await i18n.load('staff');
    i18n.apply();
    document.title = t('staff.title') + ' – ' + t('app.name');
    Staff.languageLink($('language'));
    wireButtons();
    document.addEventListener('keydown', onKey);
    setInterval(tick, 1000);
    Staff.mountLogin(onLoggedIn);
  }

  async function onLoggedIn(member) {
    ws.me = member || Staff.who();
    $('who').textContent = ws.me ? (ws.me.displayName || ws.me.username) : '';
    if (ws.actions) {
      ws.actions.retryNow(); // logged in again after a 401: carry on where we were
      return;
    }
    try {
      ws.catalogue = ws.catalogue || await Staff.catalogue();
      ws.rules = ws.rules || (await Staff.get('/api/v1/counter-actions')).modes;
      const saved = Number(sessionStorage.getItem(COUNTER_KEY));
      if (saved) {
        const counter = await Staff.get('/api/v1/counters/' + saved);
        const unsent = sessionStorage.getItem(storageKey(saved));
        const mine = counter.state !== 'closed' && ws.me && counter.openedBy === ws.me.username;
        if (mine || (unsent && unsent !== '[]')) {
          enterDesk(counter);
          return;
        }
      }
      showChooser();
    } catch (e) {
      if (e.status !== 401) setTimeout(() => onLoggedIn(member), 2000);
    }
  }

  function storageKey(counterId) {
    return 'luot.staff.actions.' + counterId;
  }

  // ---- choosing and opening a counter ------------------------------------------------------------

  async function showChooser(note) {
    stopStream();
    $('desk').hidden = true;
    $('connection').hidden = true;
    $('chooser').hidden = false;
    $('counter-title').textContent = t('staff.title');
    $('site-name').textContent = '';
    $('chooser-message').textContent = note || '';
    let counters;
    try {
      counters = (await Staff.get('/api/v1/counters')).counters;
    } catch (e) {
      if (e.status !== 401) setTimeout(() => { if (!$('chooser').hidden) showChooser(note); }, 2000);
      return;
    }
    const list = $('counter-list');
    list.textContent = '';
    for (const site of ws.catalogue.sites) {
      const group = document.createElement('div');
      group.className = 'counter-group';
      const heading = document.createElement('h2');
      heading.textContent = i18n.name(site.name);
      group.appendChild(heading);
      counters.filter((c) => c.siteId === site.id).forEach((c) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'counter-choice';
        button.id = 'choose-counter-' + c.id;
        button.dataset.state = c.state;
        const state = t('choose.state.' + c.state, { user: c.openedBy || '' });
        button.innerHTML = '<strong></strong><span></span>';
        button.firstChild.textContent = t('word.counter', { counter: c.id });
        button.lastChild.textContent = state;
        button.addEventListener('click', () => chooseCounter(c));
        group.appendChild(button);
      });
      list.appendChild(group);
    }
    const previous = ws.chosen && counters.find((c) => c.id === ws.chosen.id);
    chooseCounter(previous || null);
  }

  /** Shows the counter's site's services, ticked as the counter has them (configuration or manager). */
  function chooseCounter(counter) {
    ws.chosen = counter;
    document.querySelectorAll('.counter-choice').forEach((b) =>
      b.classList.toggle('selected', counter !== null && b.id === 'choose-counter-' + counter.id));
    const list = $('service-list');
    list.textContent = '';
    $('service-heading').hidden = !counter;   // no heading over an empty list
    if (!counter) return;
    const site = ws.catalogue.site[counter.siteId];
    site.services.forEach((serviceId) => {
      const label = document.createElement('label');
      label.className = 'service-choice';
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = serviceId;
      box.id = 'service-' + serviceId;
      box.checked = counter.services.includes(serviceId);
      label.appendChild(box);
      label.appendChild(document.createTextNode(' ' + serviceName(serviceId)));
      list.appendChild(label);
    });
  }

  function openChosenCounter() {
    const counter = ws.chosen;
    if (!counter) {
      $('chooser-message').textContent = t('choose.pickCounter');
      return;
    }
    const services = Array.from(document.querySelectorAll('#service-list input:checked')).map((b) => b.value);
    if (services.length === 0) {
      $('chooser-message').textContent = t('choose.pickServices');
      return;
    }
    enterDesk(counter);
    queue('open', { services });
  }

  function enterDesk(counter) {
    if (!ws.actions || ws.counterId !== counter.id) {
      ws.actions = new PendingActions({
        storageKey: storageKey(counter.id), resolve, onDone, onDropped, onChange: render,
      });
    }
    ws.counterId = counter.id;
    ws.counter = null;
    applyCounter(counter);
    sessionStorage.setItem(COUNTER_KEY, counter.id);
    $('chooser').hidden = true;
    $('desk').hidden = false;
    $('connection').hidden = false;
    $('counter-title').textContent = t('word.counter', { counter: counter.id });
    $('site-name').textContent = i18n.name(ws.catalogue.site[counter.siteId].name);
    startStream(counter.siteId);
    refreshStats();
    ws.actions.retryNow();
    render();
  }

  // ---- the live stream ---------------------------------------------------------------------------

  function startStream(siteId) {
    stopStream();
    ws.stream = new SiteStream(siteId, {
      onSnapshot(snapshot) {
        Staff.syncClock(snapshot.at);
        ws.queues = {};
        snapshot.queues.forEach((q) => { ws.queues[q.serviceId] = q; });
        snapshot.counters.forEach(applyCounter);
        refreshStats();
        render();
      },
      onEvent(event) {
        Staff.syncClock(event.at);
        (event.queues || []).forEach((q) => { ws.queues[q.serviceId] = q; });
        if (event.ticket && (ws.tickets[event.ticket.id] || event.ticket.counterId === ws.counterId)) {
          applyTicket(event.ticket);
        }
        if (event.counter) applyCounter(event.counter);
        const mine = event.counter && event.counter.id === ws.counterId;
        if (mine && (event.type === 'ticket.completed' || event.type === 'ticket.no_show')) refreshStats();
        render();
      },
      onStatus(status) {
        ws.connection = status;
        if (status === 'online' && ws.actions) ws.actions.retryNow();
        render();
      },
    }).start();
  }

  function stopStream() {
    if (ws.stream) ws.stream.stop();
    ws.stream = null;
  }

  // ---- the state we know -------------------------------------------------------------------------

  /** Takes a counter from an answer or the stream, unless we already know a newer version of it. */
  function applyCounter(counter) {
    if (counter) ws.siteCounters[counter.id] = counter;
    if (!counter || counter.id !== ws.counterId) return;
    const before = ws.counter;
    if (before && counter.version < before.version) return;
    ws.counter = counter;
    if (counter.current) {
      const c = counter.current;
      applyTicket({
        id: c.ticketId, number: c.number, serviceId: c.serviceId, priority: c.priority, status: c.status,
        issuedAt: c.issuedAt, calledAt: c.calledAt, servingAt: c.servingAt, callCount: c.callCount,
      }, true);   // no note here: public views never carry it; it comes with the staff answers and the details
    }
    if (before && before.state !== 'closed' && counter.state === 'closed' && !pendingKinds().includes('close')) {
      leaveDesk(t('message.closed', { counter: counter.id }));
      return;
    }
    if (ws.me && counter.state !== 'closed' && counter.openedBy && counter.openedBy !== ws.me.username
        && ws.me.role === 'operator') {
      showMessage(t('message.takenOver', { counter: counter.id, user: counter.openedBy }));
    }
    loadDetails();
  }

  /** Merges what we learn about a ticket; a partial view (from a counter) never overrides a newer full one. */
  function applyTicket(ticket, partial) {
    const known = ws.tickets[ticket.id];
    if (known && !partial && known.version !== undefined && ticket.version !== undefined
        && ticket.version < known.version) {
      return;
    }
    ws.tickets[ticket.id] = Object.assign({}, known || {}, ticket);
  }

  function currentTicket() {
    const id = ws.counter && ws.counter.currentTicketId;
    return id ? ws.tickets[id] || null : null;
  }

  /** The booking, channel and original issue time of the current ticket: one staff request per ticket. */
  function loadDetails() {
    const id = ws.counter && ws.counter.currentTicketId;
    if (!id || ws.details[id] !== undefined) return;
    ws.details[id] = null;
    Staff.get('/api/v1/tickets/' + id + '/details')
      .then((details) => {
        ws.details[id] = details;
        applyTicket(details);
        render();
      })
      .catch(() => { delete ws.details[id]; });
  }

  function refreshStats() {
    const id = ws.counterId;
    if (!id) return;
    Staff.get('/api/v1/counters/' + id + '/stats')
      .then((stats) => {
        if (id === ws.counterId) ws.stats = stats;
        render();
      })
      .catch(() => {});
  }

  function refreshCounter() {
    Staff.get('/api/v1/counters/' + ws.counterId).then((c) => { applyCounter(c); render(); }).catch(() => {});
  }

  function confirmedMode() {
    const c = ws.counter;
    if (!c || c.state === 'closed') return 'closed';
    if (c.currentTicketId) return c.current && c.current.status === 'serving' ? 'serving' : 'called';
    return c.state === 'paused' ? 'paused' : 'idle';
  }

  function pendingKinds() {
    return ws.actions ? ws.actions.kinds() : [];
  }

  /** The counter's mode once the actions still on their way are done (the server's table): what the buttons follow. */
  function mode() {
    return pendingKinds().reduce((m, kind) => (ws.rules && ws.rules[m] && ws.rules[m].leadsTo[kind]) || m,
      confirmedMode());
  }

  /** Whether the server's rules allow this action now, counting the presses still on their way. */
  function permitted(kind) {
    if (pendingKinds().length === 0 && ws.counter && ws.counter.allowedActions) {
      return ws.counter.allowedActions.includes(kind);
    }
    const row = ws.rules && ws.rules[mode()];
    return !!row && row.allowed.includes(kind);
  }

  // ---- actions -------------------------------------------------------------------------------------

  function run(command) {
    if (!ws.counter) return;
    const m = mode();
    switch (command) {
      case 'pause-resume':
        queue(m === 'paused' ? 'resume' : 'pause');
        break;
      case 'transfer':
        if (allowed('transfer')) openTransfer();
        break;
      case 'call':
        if (allowed('call')) openCallNumber();
        break;
      case 'close':
        if (allowed('close')) show('overlay-close');
        break;
      default:
        queue(command);
    }
  }

  function allowed(kind) {
    if (permitted(kind)) return true;
    const noTicket = ON_CURRENT_TICKET.has(kind) && !['called', 'serving'].includes(mode());
    showMessage(noTicket ? t('message.noTicket') : t('message.notNow', { action: t(LABEL[kind]) }));
    return false;
  }

  /** One click, one action: queued with its own idempotency key and sent as soon as it can be. */
  function queue(kind, params) {
    if (!allowed(kind)) return;
    const ticket = ON_CURRENT_TICKET.has(kind) ? currentTicket() : null;
    const label = t(LABEL[kind]) + (ticket ? ' ' + ticket.number : params && params.number ? ' ' + params.number : '');
    showMessage('');
    ws.actions.add(kind, '/api/v1/counters/' + ws.counterId + '/' + kind, params, label);
    render();
  }

  /** The body of an action, decided when it is about to be sent, then kept for all its retries. */
  function resolve(action) {
    if (!ON_CURRENT_TICKET.has(action.kind)) return action.params;
    const id = ws.counter && ws.counter.currentTicketId;
    if (!id) throw new PendingActions.Dropped(t('message.noTicket'));
    return Object.assign({ ticketId: id }, action.params);
  }

  function onDone(action, status, body) {
    if (status === 204 || !body) {
      if (action.kind === 'call-next') showMessage(t('message.nobodyWaiting'));
    } else if (body.counter && body.number) {
      const ticket = Object.assign({}, body);
      delete ticket.counter;
      delete ticket.event;
      applyTicket(ticket);
      applyCounter(body.counter);
    } else {
      applyCounter(body);
    }
    if (action.kind === 'complete' || action.kind === 'no-show') refreshStats();
    render();
    if (action.kind === 'close') leaveDesk(t('message.closed', { counter: ws.counterId }));
  }

  function onDropped(action, reason, after) {
    let text = t('message.dropped', { action: action.label, reason: reason.message });
    if (after.length > 0) text += ' ' + t('message.droppedAfter', { count: after.length });
    if (action.kind === 'open') {
      leaveDesk(text);
      return;
    }
    showMessage(text, true);
    refreshCounter();
  }

  function leaveDesk(note) {
    sessionStorage.removeItem(COUNTER_KEY);
    ws.counter = null;
    hideOverlays();
    showChooser(note);
  }

  // ---- dialogs ---------------------------------------------------------------------------------------

  const transfer = { options: [], selected: 0 };
  const callNumber = { candidates: [], selected: 0 };

  /** Destinations in a fixed order: other services here, the other site, then the other counters. */
  function openTransfer() {
    const ticket = currentTicket();
    const here = ws.catalogue.site[ws.counter.siteId];
    const options = [];
    here.services.filter((s) => !ticket || s !== ticket.serviceId).forEach((serviceId) =>
      options.push({ label: t('transfer.service', { service: serviceName(serviceId) }), body: { serviceId } }));
    ws.catalogue.sites.filter((s) => s.id !== here.id && (!ticket || s.services.includes(ticket.serviceId)))
      .forEach((site) => options.push({ label: t('transfer.site', { site: i18n.name(site.name) }), body: { siteId: site.id } }));
    here.counters.filter((id) => id !== ws.counterId).forEach((counterId) =>
      options.push({
        label: t('transfer.counter', { counter: counterId, services: counterServicesText(counterId) }),
        body: { counterId },
      }));
    transfer.options = options;
    transfer.selected = 0;
    $('transfer-title').textContent = t('transfer.title', { number: ticket ? ticket.number : '' });
    $('transfer-note').value = '';
    renderTransfer();
    show('overlay-transfer');
    $('transfer-options').focus();
  }

  function renderTransfer() {
    const list = $('transfer-options');
    list.textContent = '';
    transfer.options.forEach((option, i) => {
      const item = document.createElement('li');
      item.className = i === transfer.selected ? 'selected' : '';
      item.dataset.index = i;
      item.innerHTML = '<kbd></kbd><span></span>';
      item.firstChild.textContent = i < 9 ? String(i + 1) : '';
      item.lastChild.textContent = option.label;
      item.addEventListener('click', () => { transfer.selected = i; renderTransfer(); });
      item.addEventListener('dblclick', sendTransfer);
      list.appendChild(item);
    });
  }

  function sendTransfer() {
    const option = transfer.options[transfer.selected];
    if (!option) return;
    const note = $('transfer-note').value.trim();
    hideOverlays();
    queue('transfer', Object.assign({}, option.body, note ? { note } : {}));
  }

  function openCallNumber() {
    $('call-number-input').value = '';
    callNumber.selected = 0;
    renderCallNumber();
    show('overlay-call');
    $('call-number-input').focus();
  }

  /** "17" means A017 or H017 at a counter for A and H; "h17" means H017. */
  function renderCallNumber() {
    const typed = $('call-number-input').value.trim().toUpperCase().replace(/[\s-]/g, '');
    const match = typed.match(/^([A-Z]{0,3})0*([0-9]{1,7})$/);
    let candidates = [];
    if (match && Number(match[2]) > 0) {
      const digits = match[2].padStart(3, '0');
      const prefixes = match[1] ? [match[1]]
        : ws.counter.services.map((s) => ws.catalogue.service[s] && ws.catalogue.service[s].prefix).filter(Boolean);
      candidates = prefixes.map((p) => p + digits);
    }
    callNumber.candidates = candidates;
    callNumber.selected = Math.min(callNumber.selected, Math.max(0, candidates.length - 1));
    const list = $('call-candidates');
    list.textContent = '';
    candidates.forEach((number, i) => {
      const item = document.createElement('li');
      item.className = i === callNumber.selected ? 'selected' : '';
      item.textContent = number;
      item.addEventListener('click', () => { callNumber.selected = i; renderCallNumber(); });
      list.appendChild(item);
    });
    const chosen = candidates[callNumber.selected];
    $('call-send-label').textContent = t('callNumber.call', { number: chosen || '' });
    $('call-send').disabled = !chosen;
  }

  function sendCallNumber() {
    const number = callNumber.candidates[callNumber.selected];
    if (!number) return;
    hideOverlays();
    queue('call', { number });
  }

  function show(id) {
    hideOverlays();
    $(id).hidden = false;
  }

  function hideOverlays() {
    document.querySelectorAll('.overlay').forEach((o) => { o.hidden = true; });
  }

  function openOverlay() {
    return Array.from(document.querySelectorAll('.overlay')).find((o) => !o.hidden) || null;
  }

  // ---- keys and buttons ------------------------------------------------------------------------------

  function onKey(e) {
    if (e.ctrlKey || e.altKey || e.metaKey) return;
    const overlay = openOverlay();
    if (overlay) {
      overlayKey(overlay.id, e);
      return;
    }
    if ($('desk').hidden || !ws.counter) return;
    const tag = e.target && e.target.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return;
    const command = KEYS[e.key];
    if (!command) return;
    e.preventDefault();
    run(command);
  }

  function overlayKey(id, e) {
    const inNote = e.target && e.target.id === 'transfer-note';
    if (e.key === 'Escape') {
      e.preventDefault();
      hideOverlays();
      return;
    }
    if (id === 'overlay-close' && (e.key === 'Enter' || e.key === 'Backspace')) {
      e.preventDefault();
      hideOverlays();
      if (e.key === 'Enter') queue('close');
    } else if (id === 'overlay-transfer') {
      if (e.key === 'Enter') {
        e.preventDefault();
        sendTransfer();
      } else if (!inNote && /^[1-9]$/.test(e.key) && Number(e.key) <= transfer.options.length) {
        e.preventDefault();
        transfer.selected = Number(e.key) - 1;
        renderTransfer();
      } else if (!inNote && (e.key === '+' || e.key === 'ArrowDown' || e.key === '-' || e.key === 'ArrowUp')) {
        e.preventDefault();
        const step = e.key === '+' || e.key === 'ArrowDown' ? 1 : -1;
        transfer.selected = (transfer.selected + step + transfer.options.length) % transfer.options.length;
        renderTransfer();
      } else if (!inNote && e.key === 'Backspace') {
        e.preventDefault();
        hideOverlays();
      }
    } else if (id === 'overlay-call') {
      if (e.key === 'Enter') {
        e.preventDefault();
        sendCallNumber();
      } else if (e.key === 'Backspace' && $('call-number-input').value === '') {
        e.preventDefault();
        hideOverlays();
      } else if (['+', '-', 'ArrowDown', 'ArrowUp'].includes(e.key) && callNumber.candidates.length > 0) {
        e.preventDefault();
        const step = e.key === '+' || e.key === 'ArrowDown' ? 1 : -1;
        const n = callNumber.candidates.length;
        callNumber.selected = (callNumber.selected + step + n) % n;
        renderCallNumber();
      }
    }
  }

  function wireButtons() {
    document.querySelectorAll('[data-command]').forEach((button) => {
      button.addEventListener('click', () => {
        button.blur(); // so that Enter afterwards means "call next", not "press this button again"
        run(button.dataset.command);
      });
    });
    $('open-counter').addEventListener('click', openChosenCounter);
    $('transfer-send').addEventListener('click', sendTransfer);
    $('transfer-cancel').addEventListener('click', hideOverlays);
    $('call-send').addEventListener('click', sendCallNumber);
    $('call-cancel').addEventListener('click', hideOverlays);
    $('call-number-input').addEventListener('input', renderCallNumber);
    $('close-send').addEventListener('click', () => { hideOverlays(); queue('close'); });
    $('close-cancel').addEventListener('click', hideOverlays);
    $('logout').addEventListener('click', () => {
      Staff.logout();
      stopStream();
      window.location.reload();
    });
  }

  // ---- drawing ---------------------------------------------------------------------------------------

  function serviceName(serviceId) {
    const service = ws.catalogue && ws.catalogue.service[serviceId];
    return service ? i18n.name(service.name) : serviceId;
  }

  /** "Hộ tịch, Chính sách xã hội", or "Đang đóng" for a closed counter, from the live stream. */
  function counterServicesText(counterId) {
    const counter = ws.siteCounters[counterId];
    if (!counter) return '';
    if (counter.state === 'closed') return t('choose.state.closed');
    return counter.services.map(serviceName).join(', ');
  }

  function showMessage(text, isError) {
    const message = $('message');
    message.textContent = text || '';
    message.classList.toggle('error', Boolean(isError));
  }

  function render() {
    if (!ws.counter || $('desk').hidden) return;
    const m = mode();
    document.body.dataset.mode = m;
    document.body.dataset.pending = String(pendingKinds().length);
    renderTicket();
    renderButtons(m);
    renderFigures();
    renderPending();
    renderConnection();
  }

  function renderTicket() {
    const ticket = currentTicket();
    const card = $('ticket-card');
    card.dataset.status = ticket ? ticket.status : 'none';
    // A press that ends this ticket is on its way: the ticket stays shown, dimmed, until the server agrees.
    card.classList.toggle('leaving', Boolean(ticket) && ['idle', 'paused', 'closed'].includes(mode()));
    if (!ticket) {
      $('ticket-number').textContent = '–';
      $('ticket-service').textContent = t('ticket.none');
      ['ticket-priority', 'ticket-status', 'ticket-issued', 'ticket-waited', 'ticket-channel'].forEach((id) => {
        $(id).textContent = '';
      });
      $('ticket-priority').hidden = true;
      $('booking').hidden = true;
      $('ticket-note').hidden = true;
      renderElapsed();
      return;
    }
    const details = ws.details[ticket.id];
    $('ticket-number').textContent = ticket.number;
    $('ticket-service').textContent = serviceName(ticket.serviceId);
    const group = ticket.priority && ws.catalogue.priorityGroup[ticket.priority];
    $('ticket-priority').hidden = false;
    $('ticket-priority').classList.toggle('priority', Boolean(ticket.priority));
    $('ticket-priority').textContent = ticket.priority
      ? t('ticket.priority', { group: group ? i18n.name(group.name) : ticket.priority }) : t('ticket.normal');
    $('ticket-status').textContent = t('ticket.status.' + (ticket.status === 'serving' ? 'serving' : 'called'));
    $('ticket-issued').textContent = t('ticket.issued', { time: Staff.time(ticket.issuedAt) });
    const since = ticket.queuedSince || ticket.issuedAt;
    const waited = ticket.calledAt ? Staff.minutesBetween(since, Date.parse(ticket.calledAt)) : null;
    $('ticket-waited').textContent = waited === null ? '' : '· ' + t('ticket.waited', { minutes: waited });
    $('ticket-channel').textContent = ticket.channel ? t('ticket.channel.' + ticket.channel) : '';
    const booking = details && details.booking;
    $('booking').hidden = !booking;
    if (booking) {
      $('booking-name').textContent = booking.name;
      $('booking-procedure').textContent = booking.procedure || '–';
      $('booking-code').textContent = booking.code;
      $('booking-slot').textContent = Staff.time(booking.slotStart);
    }
    $('ticket-note').hidden = !ticket.note;
    $('ticket-note-text').textContent = ticket.note || '';
    renderElapsed();
  }

  function renderElapsed() {
    const ticket = currentTicket();
    $('ticket-elapsed').textContent = ticket && ticket.calledAt
      ? Staff.clock((Staff.now() - Date.parse(ticket.calledAt)) / 1000) : '–';
  }

  function renderButtons(m) {
    document.querySelectorAll('[data-command]').forEach((button) => {
      const command = button.dataset.command;
      const kind = command === 'pause-resume' ? (m === 'paused' ? 'resume' : 'pause') : command;
      button.disabled = !permitted(kind);
    });
    $('pause-label').textContent = t(m === 'paused' ? 'word.resume' : 'word.pause');
  }

  function renderFigures() {
    const services = ws.counter.services || [];
    const lines = services.map((s) => ws.queues[s]).filter(Boolean);
    $('waiting-count').textContent = lines.length ? String(lines.reduce((n, q) => n + q.waiting, 0)) : '–';
    renderOldest();
    $('served-today').textContent = ws.stats ? String(ws.stats.served) : '–';
    $('average-service').textContent = ws.stats ? serviceTimeWords(ws.stats) : '–';
    $('counter-state').textContent = t('panel.state.' + ws.counter.state);
    $('counter-state').parentElement.dataset.state = ws.counter.state;
    const list = $('counter-services');
    list.textContent = '';
    services.forEach((s) => {
      const item = document.createElement('li');
      item.textContent = serviceName(s);
      list.appendChild(item);
    });
  }

  /** "4 phút 30 giây", with its unit; "chưa có" before the first ticket is served. */
  function serviceTimeWords(stats) {
    if (!stats.served || stats.averageServiceSeconds === null || stats.averageServiceSeconds === undefined) {
      return t('panel.noneYet');
    }
    const seconds = Math.round(stats.averageServiceSeconds);
    return t('panel.minutesSeconds', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });
  }

  function renderOldest() {
    const oldest = (ws.counter.services || []).map((s) => ws.queues[s] && ws.queues[s].oldestQueuedSince)
      .filter(Boolean).sort()[0];
    $('oldest-wait').textContent = oldest
      ? t('panel.minutes', { minutes: Staff.minutesBetween(oldest, Staff.now()) }) : '–';
  }

  function renderPending() {
    const list = ws.actions ? ws.actions.list() : [];
    const head = list[0];
    const box = $('pending');
    // A click answered within half a second never shows here: the screen stays calm.
    const visible = head && (head.attempts > 0 || Date.now() - head.createdAt > 500);
    box.hidden = !visible;
    if (!visible) return;
    let text = head.attempts > 0
      ? t('pending.retrying', { action: head.label, attempt: head.attempts })
      : t('pending.sending', { action: head.label });
    if (list.length > 1) text += ' ' + t('pending.more', { count: list.length - 1 });
    box.textContent = text;
  }

  function renderConnection() {
    const el = $('connection');
    el.dataset.status = ws.connection;
    el.textContent = ws.connection === 'online' ? t('status.online')
      : ws.connection === 'offline' ? t('word.connectionLost') : t('status.connecting');
  }

  function tick() {
    if (!ws.counter || $('desk').hidden) return;
    renderElapsed();
    renderOldest();
    renderPending();
  }

  boot();
})();
