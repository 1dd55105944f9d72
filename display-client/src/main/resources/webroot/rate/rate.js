/*
 * The rating tablet at one counter (rate/?counter=5). It follows its site's live stream: when its counter
 * completes a ticket it asks how satisfied the citizen was, with the levels the server offers (GET
 * /api/v1/rating-options, best first); a level that asks for a reason shows the configured reasons, one
 * optional. The rating is sent once (the buttons are disabled after the first tap, and the server refuses
 * a second rating of a ticket anyway). It thanks the citizen and returns to idle after the configured time,
 * or at once when the counter calls the next number; a low rating whose reason was not picked by then is
 * sent without one. It logs in with the counter's device token, kept in the tablet's storage.
 *
 * window.LuotRate reads the page's state for tests: screen, status, recorded (ratings the server took).
 */
(async function (global) {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const t = (key, params) => Luot.i18n.t(key, params);
  const params = new URLSearchParams(global.location.search);
  const given = (params.get('counter') || '').trim();
  const counterId = Number(given);
  const tokenKey = 'luot.rate.token.' + counterId;
  const state = { screen: 'loading', status: 'connecting', recorded: 0 };
  let current = null;        // { ticket, level, sent } while a ticket is being rated
  let idleTimer = null;
  let stream = null;

  global.LuotRate = Object.freeze({
    get screen() { return state.screen; },
    get status() { return state.status; },
    get recorded() { return state.recorded; },
  });

  await Luot.i18n.load('rate');
  Luot.i18n.apply();
  document.title = t('rate.title');

  const centre = await Luot.Centre.load(() => showConnection(false));
  const site = given && Number.isInteger(counterId) ? centre.siteOfCounter(counterId) : null;
  if (!site) {
    $('error-text').textContent = given ? t('rate.unknownCounter', { counter: given }) : t('rate.missingCounter');
    show('error');
    return;
  }
  $('counter-name').textContent = t('word.counter', { counter: counterId });
  const options = await loadOptions();
  drawChoices();

  $('setup-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const token = $('setup-token').value.trim();
    if (!token) return;
    global.localStorage.setItem(tokenKey, token);
    $('setup-token').value = '';
    $('setup-error').hidden = true;
    start();
  });
  $('skip-reason').addEventListener('click', () => send(null));

  if (global.localStorage.getItem(tokenKey)) start();
  else show('setup');

  function start() {
    idle();
    if (stream) return;
    stream = new Luot.SiteStream(site.id, {
      onSnapshot() { },
      onEvent(event) {
        const ticket = event.ticket;
        if (!ticket || ticket.counterId !== counterId) return;
        if (event.type === 'ticket.completed') ask(ticket);
        else if (event.type === 'ticket.called') nextCitizen();
      },
      onStatus(status) {
        state.status = status;
        if (status === 'online') showConnection(true);
        else if (status === 'offline') showConnection(false);
      },
    }).start();
  }

  async function loadOptions() {
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await fetch('/api/v1/rating-options', { cache: 'no-cache' });
        if (response.ok) return response.json();
      } catch (e) {
        // the server is not up yet: try again below
      }
      showConnection(false);
      await new Promise((r) => setTimeout(r, Math.min(1000 * 2 ** attempt, 8000)));
    }
  }

  function drawChoices() {
    options.levels.forEach((level) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.level = level.id;
      button.textContent = t('rate.level.' + level.id);
      button.addEventListener('click', () => choose(level));
      $('levels').appendChild(button);
    });
    options.reasons.forEach((reason) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.reason = reason.id;
      button.textContent = Luot.i18n.name(reason.name);
      button.addEventListener('click', () => send(reason.id));
      $('reasons').appendChild(button);
    });
  }

  function ask(ticket) {
    clearTimeout(idleTimer);
    current = { ticket, level: null, sent: false };
    $('question-number').textContent = t('rate.ticket', { number: ticket.number });
    enable(true);
    show('question');
  }

  function choose(level) {
    if (!current || current.level) return;
    current.level = level;
    enable(false);
    if (level.asksReason && options.reasons.length > 0) {
      enableReasons(true);
      show('reasons');
    } else {
      send(null);
    }
  }

  /** The counter called the next citizen: a low rating still waiting for its reason goes without one. */
  function nextCitizen() {
    if (current && current.level && !current.sent) send(null, true);
    idle();
  }

  async function send(reason, quietly) {
    if (!current || !current.level || current.sent) return;
    const rating = current;
    rating.sent = true;
    enableReasons(false);
    let response;
    try {
      response = await fetch('/api/v1/counters/' + counterId + '/ratings', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: 'Bearer ' + global.localStorage.getItem(tokenKey),
        },
        body: JSON.stringify({ ticketId: rating.ticket.id, level: rating.level.id, reason }),
      });
    } catch (e) {
      response = null;
    }
    const body = response ? await response.json().catch(() => ({})) : {};
    if (response && (response.status === 201 || body.error === 'rating_already_given')) {
      if (response.status === 201) state.recorded++;
      if (!quietly && current === rating) thank();
    } else if (response && response.status === 401) {
      global.localStorage.removeItem(tokenKey);
      $('setup-error').textContent = t('rate.setupWrongToken');
      $('setup-error').hidden = false;
      show('setup');
    } else if (!quietly && current === rating) {
      // Not saved (the network or the server): let the citizen tap again.
      rating.level = null;
      rating.sent = false;
      $('question-number').textContent = t('rate.notSaved');
      enable(true);
      show('question');
    }
  }

  function thank() {
    show('thanks');
    clearTimeout(idleTimer);
    idleTimer = setTimeout(idle, options.thanksSeconds * 1000);
  }

  function idle() {
    clearTimeout(idleTimer);
    current = null;
    show('idle');
  }

  function enable(on) {
    $('levels').querySelectorAll('button').forEach((b) => { b.disabled = !on; });
  }

  function enableReasons(on) {
    $('reasons').querySelectorAll('button').forEach((b) => { b.disabled = !on; });
    $('skip-reason').disabled = !on;
  }

  function show(screen) {
    state.screen = screen;
    document.body.dataset.screen = screen;
    document.querySelectorAll('.screen').forEach((s) => { s.hidden = s.id !== 'screen-' + screen; });
  }

  function showConnection(online) {
    document.body.classList.toggle('offline', !online);
    $('connection').hidden = online;
  }
})(window);
