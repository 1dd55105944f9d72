/*
 * The counter display (display/counter.html?counter=5): the number this counter is calling or serving,
 * or that it is closed or paused. It follows its site's live stream like the hall does (Luot.HallModel),
 * greys itself and says so in a corner while the connection is lost, and never announces: the voice is
 * the hall's.
 *
 * window.LuotCounterDisplay reads the page's state for tests: status, snapshots, shown (what it shows).
 */
(async function (global) {
  'use strict';

  const FLASH_MS = 8000;
  const $ = (id) => document.getElementById(id);
  const t = (key, params) => Luot.i18n.t(key, params);

  const params = new URLSearchParams(global.location.search);
  const counterId = Number(params.get('counter'));
  const state = { status: 'connecting', snapshots: 0, shown: 'loading' };
  let flashUntil = 0;

  global.LuotCounterDisplay = Object.freeze({
    get status() { return state.status; },
    get snapshots() { return state.snapshots; },
    get shown() { return state.shown; },
  });

  await Luot.i18n.load('display');
  Luot.i18n.apply();
  document.title = t('display.counterTitle');

  const centre = await Luot.Centre.load(() => showConnection(false));
  const site = Number.isInteger(counterId) ? centre.siteOfCounter(counterId) : null;
  if (!site) {
    // A wrong address is a set-up mistake: say what to fix, for the technician at the screen.
    const given = (params.get('counter') || '').trim();
    show('unknown', given ? t('display.unknownCounter', { counter: given }) : t('display.missingCounter'));
    return;
  }
  $('counter-name').textContent = t('word.counter', { counter: counterId });
  const clock = new Luot.Clock(centre.timeZone);
  const tick = () => { $('clock-time').textContent = clock.time(); };
  tick();
  setInterval(tick, 1000);

  const model = new Luot.HallModel({ siteId: site.id, counters: [counterId] });
  new Luot.SiteStream(site.id, {
    onSnapshot(snapshot) {
      state.snapshots++;
      clock.sync(snapshot.at);
      tick();
      model.load(snapshot);
      render();
    },
    onEvent(event) {
      const call = model.apply(event);
      if (call && call.counterId === counterId) {
        flashUntil = Date.now() + FLASH_MS;
        setTimeout(render, FLASH_MS + 50);
      }
      render();
    },
    onHeartbeat(heartbeat) {
      clock.sync(heartbeat.at);
      tick();
    },
    onStatus(status) {
      state.status = status;
      if (status === 'online') showConnection(true);
      else if (status === 'offline') showConnection(false);
    },
  }).start();

  function render() {
    const counter = model.counter(counterId);
    const current = counter && counter.current;
    if (!counter || counter.state === 'closed') {
      show('closed', t('word.counterClosed'));
    } else if (current && current.status === 'called') {
      show('called', t('counter.calling'), current);
    } else if (current) {
      show('serving', t('word.nowServing'), current);
    } else if (counter.state === 'paused') {
      show('paused', t('word.pause'));
    } else {
      show('ready', t('counter.ready'));
    }
  }

  function show(what, label, ticket) {
    state.shown = what;
    document.body.dataset.state = what;
    $('counter-label').textContent = label;
    $('counter-number').hidden = !ticket;
    $('counter-service').hidden = !ticket;
    $('counter-number').textContent = ticket ? ticket.number : '';
    $('counter-service').textContent = ticket ? centre.serviceName(ticket.serviceId) : '';
    $('counter-number').classList.toggle('flash', !!ticket && Date.now() < flashUntil);
  }

  function showConnection(online) {
    document.body.classList.toggle('offline', !online);
    $('connection').hidden = online;
  }
})(window);
