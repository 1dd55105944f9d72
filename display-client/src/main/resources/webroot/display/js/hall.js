/*
 * The hall TV (display/index.html): draws Luot.HallModel and announces each new call.
 *
 * It follows the site's live stream (Luot.SiteStream): a snapshot replaces everything, each event
 * updates the model and the screen at once. When the connection drops, the board is greyed and a
 * corner says so until a fresh snapshot has replaced it all: a call shown in colour is always current.
 *
 * For tests and technicians, window.LuotDisplay reads (never changes) the page's state:
 * status, snapshots and events received, and the announcements made (see Luot.Announcer.log).
 */
(async function (global) {
  'use strict';

  const CURRENT_SHOWN = 4;
  const FLASH_MS = 8000;
  const $ = (id) => document.getElementById(id);
  const t = (key, params) => Luot.i18n.t(key, params);

  const params = new URLSearchParams(global.location.search);
  const state = { status: 'connecting', snapshots: 0, events: 0 };
  let announcer = null;

  global.LuotDisplay = Object.freeze({
    get status() { return state.status; },
    get snapshots() { return state.snapshots; },
    get events() { return state.events; },
    get announcements() { return announcer ? announcer.log() : []; },
  });

  await Luot.i18n.load('display');
  Luot.i18n.apply();
  document.title = t('display.title');

  const centre = await Luot.Centre.load(() => showConnection(false));
  const siteId = params.get('site') || centre.sites[0].id;
  const site = centre.site(siteId);
  if (!site) {
    showError(t('display.unknownSite', { site: siteId }));
    return;
  }

  const clock = new Luot.Clock(centre.timeZone);
  const model = new Luot.HallModel({
    siteId,
    historySize: centre.announcements.recentCallsShown || 8,
    services: Luot.Centre.listParam(params, 'services'),
    counters: Luot.Centre.listParam(params, 'counters'),
  });
  const flashing = new Map();
  const managerNotices = new Luot.Notices($('manager-notices'));

  $('centre-name').textContent = Luot.i18n.name(centre.name);
  $('site-name').textContent = Luot.i18n.name(site.name);
  $('site-name').hidden = Luot.i18n.name(site.name) === Luot.i18n.name(centre.name);   // said once is enough
  let noticesDay = null;
  tick();
  setInterval(tick, 1000);

  announcer = await startVoice();

  new Luot.SiteStream(siteId, {
    onSnapshot(snapshot) {
      state.snapshots++;
      syncClock(snapshot.at);
      managerNotices.load(snapshot);
      const missed = model.load(snapshot);
      missed.forEach(flash);
      render();
      missed.forEach(announce);
    },
    onEvent(event) {
      state.events++;
      managerNotices.apply(event);
      const call = model.apply(event);
      if (call) flash(call);
      render();
      if (call) announce(call);
    },
    onHeartbeat(heartbeat) {
      syncClock(heartbeat.at);
    },
    onStatus(status) {
      state.status = status;
      if (status === 'online') showConnection(true);
      else if (status === 'offline') showConnection(false);
    },
  }).start();

  /** The voice, unless voice=off: the URL's voices, Vietnamese first by default. */
  async function startVoice() {
    const voices = Luot.Centre.listParam(params, 'voice') || ['vi'];
    if (voices.includes('off')) return null;
    const voice = new Luot.Announcer({
      voices,
      repeats: {
        firstCall: centre.announcements.firstCallRepeats || 1,
        recall: centre.announcements.recallRepeats || 1,
      },
      stillCurrent: (entry) => model.isCurrent({ ticketId: entry.ticketId, counterId: entry.counter }),
      onBlocked: () => { $('enable-sound').hidden = false; },
    });
    $('enable-sound').addEventListener('click', () => { $('enable-sound').hidden = true; });
    try {
      await voice.load();
    } catch (e) {
      console.warn('voice calls unavailable:', e);
    }
    return voice;
  }

  function flash(call) {
    flashing.forEach((until, ticketId) => { if (until < Date.now()) flashing.delete(ticketId); });
    flashing.set(call.ticketId, Date.now() + FLASH_MS);
    setTimeout(render, FLASH_MS + 50);
  }

  function announce(call) {
    if (announcer) announcer.announce(call);
  }

  function syncClock(serverTime) {
    clock.sync(serverTime);
    tick();
  }

  function render() {
    renderCurrent();
    renderHistory();
    renderQueues();
  }

  function renderCurrent() {
    const calls = model.currentCalls().slice(0, CURRENT_SHOWN);
    const list = $('current-calls');
    list.replaceChildren(...calls.map((call, i) => {
      const li = document.createElement('li');
      li.className = 'call' + (i === 0 ? ' call--newest' : '') + (isFlashing(call) ? ' flash' : '');
      li.dataset.ticket = call.ticketId;
      li.dataset.counter = call.counterId;
      li.dataset.status = call.status;
      li.append(span('number', call.number), span('arrow', '→'),
        span('counter', t('word.counter', { counter: call.counterId })));
      if (call.recall) li.append(span('badge', t('word.recall')));
      return li;
    }));
    $('no-calls').hidden = calls.length > 0;
  }

  function renderHistory() {
    $('history-rows').replaceChildren(...model.history().map((call) => {
      const tr = document.createElement('tr');
      tr.className = model.isCurrent(call) ? 'current' : 'past';
      tr.dataset.ticket = call.ticketId;
      const number = cell('number', call.number);
      if (call.recall) number.append(span('badge', t('word.recall')));
      tr.append(number, cell('counter', String(call.counterId)), cell('time', clock.time(new Date(call.at))));
      return tr;
    }));
  }

  function renderQueues() {
    $('queue-lines').replaceChildren(...model.queues(site.services).map((line) => {
      const li = document.createElement('li');
      li.className = 'queue-line';
      li.dataset.service = line.serviceId;
      li.append(span('service', centre.serviceName(line.serviceId)),
        span('waiting', t('display.people', { count: line.waiting })),
        span('estimate', estimate(line)));
      return li;
    }));
  }

  function estimate(line) {
    if (line.notBeforeClosing) return t('display.notBeforeClosing');
    if (line.estimatedWaitMinutes === null || line.estimatedWaitMinutes === undefined) {
      return t('display.noCounterOpen');
    }
    if (line.estimatedWaitMinutes === 0) return t('display.noWait');
    return t('word.aboutMinutes', { minutes: line.estimatedWaitMinutes });
  }

  function isFlashing(call) {
    const until = flashing.get(call.ticketId);
    if (until && until < Date.now()) flashing.delete(call.ticketId);
    return !!until && until >= Date.now();
  }

  function tick() {
    $('clock-time').textContent = clock.time();
    $('clock-date').textContent = clock.date();
    const day = clock.date();
    if (day !== noticesDay) {
      noticesDay = day;
      const text = notices().join('     •     ');
      $('notices').replaceChildren(span('notice', text), span('notice', text));
      $('notices').style.animationDuration = Math.max(20, Math.round(text.length / 6)) + 's';
    }
  }

  /** The notice line: today's opening hours, who has priority, and the bundle's standing notices. */
  function notices() {
    const periods = (site.openingHours && site.openingHours[clock.weekday()]) || [];
    const hours = periods.map((p) => p.replace('-', '–')).join(', ');
    const lines = [hours ? t('notice.hoursToday', { hours }) : t('notice.closedToday')];
    if (centre.priorityGroups.length) {
      lines.push(t('notice.priority', { groups: centre.priorityGroups.map((g) => Luot.i18n.name(g.name)).join(', ') }));
    }
    lines.push(t('notice.keepTicket'), t('notice.trackOnPhone'));
    return lines;
  }

  /** Online: colours back, corner gone. Offline: the board greyed as stale, and the corner says so. */
  function showConnection(online) {
    document.body.classList.toggle('offline', !online);
    $('connection').hidden = online;
  }

  function showError(message) {
    $('page-error').textContent = message;
    $('page-error').hidden = false;
    $('no-calls').hidden = true;
  }

  function span(cls, text) {
    const s = document.createElement('span');
    s.className = cls;
    s.textContent = text;
    return s;
  }

  function cell(cls, text) {
    const td = document.createElement('td');
    td.className = cls;
    td.textContent = text;
    return td;
  }
})(window);
