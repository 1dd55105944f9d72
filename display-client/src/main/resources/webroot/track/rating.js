/*
 * The tracking page's rating after service (track.js calls LuotTrackRating.update with every ticket it
 * shows). Once the ticket is completed it asks the server whether the ticket can be rated (GET
 * /api/v1/tickets/{id}/rating: served, within the window, not yet rated) and only then offers the levels
 * the server lists (GET /api/v1/rating-options), once; a level that asks for a reason offers the
 * configured reasons, optional. The server refuses a second rating of the ticket anyway. The rating is
 * offered only to the holder: a page opened from the ticket's link, with its holder secret.
 *
 * window.LuotTrackRating.state reads it for tests: hidden, offered, reasons, sending, thanked, or (not
 * offered) rated or closed.
 */
(function (global) {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const t = (key, params) => Luot.i18n.t(key, params);
  let state = 'hidden';
  let asked = false;
  let ticket = null;
  let chosen = null;
  // The holder secret from the ticket's link (/t/{id}?s=...): the server takes a phone's rating only with it.
  const secret = new URLSearchParams(global.location.search).get('s');

  global.LuotTrackRating = Object.freeze({
    get state() { return state; },
    update(shown) {
      if (asked || !secret || !shown || shown.status !== 'completed') return;
      asked = true;
      ticket = shown;
      offerIfOpen();
    },
  });

  async function getJson(path) {
    const response = await fetch(path, { cache: 'no-cache' });
    if (!response.ok) throw new Error(path + ': HTTP ' + response.status);
    return response.json();
  }

  async function offerIfOpen() {
    let status;
    let options;
    try {
      [status, options] = await Promise.all([getJson('/api/v1/tickets/' + ticket.id + '/rating'),
        getJson('/api/v1/rating-options')]);
    } catch (e) {
      return;   // no rating offered is better than a broken one
    }
    if (!status.open) {
      state = status.rated ? 'rated' : 'closed';
      return;
    }
    options.levels.forEach((level) => {
      $('rating-levels').appendChild(button(t('track.rating.level.' + level.id), () => choose(level), 'level', level.id));
    });
    options.reasons.forEach((reason) => {
      $('rating-reasons').appendChild(button(Luot.i18n.name(reason.name), () => send(reason.id), 'reason', reason.id));
    });
    $('rating-skip').addEventListener('click', () => send(null));
    $('rating').hidden = false;
    state = 'offered';
  }

  function button(text, onClick, kind, id) {
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset[kind] = id;
    b.textContent = text;
    b.addEventListener('click', onClick);
    return b;
  }

  function choose(level) {
    if (chosen) return;
    chosen = level;
    enable('rating-levels', false);
    if (level.asksReason && $('rating-reasons').children.length > 0) {
      $('rating-reasons-block').hidden = false;
      state = 'reasons';
    } else {
      send(null);
    }
  }

  async function send(reason) {
    if (!chosen || state === 'sending' || state === 'thanked') return;
    state = 'sending';
    enable('rating-reasons', false);
    $('rating-skip').disabled = true;
    let response = null;
    try {
      response = await fetch('/api/v1/tickets/' + ticket.id + '/rating', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Holder-Secret': secret },
        body: JSON.stringify({ level: chosen.id, reason }),
      });
    } catch (e) {
      response = null;
    }
    const body = response ? await response.json().catch(() => ({})) : {};
    if (response && (response.status === 201 || body.error === 'rating_already_given')) {
      $('rating-levels').hidden = true;
      $('rating-reasons-block').hidden = true;
      $('rating-message').textContent = t('track.rating.thanks');
      state = 'thanked';
    } else {
      chosen = null;
      enable('rating-levels', true);
      $('rating-reasons-block').hidden = true;
      enable('rating-reasons', true);
      $('rating-skip').disabled = false;
      $('rating-message').textContent = t('track.rating.notSaved');
      state = 'offered';
    }
  }

  function enable(id, on) {
    $(id).querySelectorAll('button').forEach((b) => { b.disabled = !on; });
  }
})(window);
