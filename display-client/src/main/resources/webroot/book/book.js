/*
 * The citizens' phone pages (body data-page): "book" (/book/), "manage" (/book/manage.html: check in,
 * move or cancel a booking held by its code and phone number) and "now" (/book/now/: today's number
 * from a distance). Every choice comes from the server (GET /api/v1/booking-info, /api/v1/slots); the
 * rules stay there. What was typed is kept in localStorage, on the citizen's own phone, so that a reload
 * or a dropped connection never makes them type it again; nothing personal is put into a URL.
 *
 * window.LuotBook reads the page's state for tests: ready, the last answer.
 */
(async function (global) {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const t = (key, params) => Luot.i18n.t(key, params);
  const page = document.body.dataset.page;
  const FORM = 'luot.book.form.' + page;
  const ANSWER = 'luot.book.answer.' + page;
  const LAST = 'luot.book.last';
  const state = { ready: false, answer: null };
  global.LuotBook = Object.freeze({
    get ready() { return state.ready; },
    get answer() { return state.answer; },
  });

  const lang = await Luot.i18n.load('book');
  Luot.i18n.apply();
  document.title = t(page + '.title');
  const params = new URLSearchParams(global.location.search);
  params.set('lang', lang === 'en' ? 'vi' : 'en');
  $('language').href = '?' + params.toString();
  if (lang === 'en') {
    document.querySelectorAll('a[href^="/book/"]').forEach((a) => { a.href = a.getAttribute('href') + '?lang=en'; });
  }

  const info = await api('GET', '/api/v1/booking-info').catch(() => null);
  if (!info) {
    showError($(page === 'manage' ? 'm-error' : 'form-error'), t('book.offline'));
    return;
  }
  const service = (id) => info.services.find((s) => s.id === id);
  const site = (id) => info.sites.find((s) => s.id === id);

  if (page === 'book') await bookPage();
  else if (page === 'manage') managePage();
  else if (page === 'now') await nowPage();
  state.ready = true;

  // ---- shared ----

  /** A JSON request; a refusal rejects with {status, error, message, body}. */
  async function api(method, path, body, headers) {
    const response = await fetch(path, {
      method,
      headers: Object.assign({ 'Content-Type': 'application/json', 'Accept-Language': lang }, headers || {}),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json().catch(() => ({}));
    if (!response.ok) throw Object.assign({ status: response.status }, json, { body: json });
    return json;
  }

  function saved(key, storage) {
    try { return JSON.parse((storage || global.localStorage).getItem(key)) || {}; } catch (e) { return {}; }
  }

  function save(key, value, storage) {
    try { (storage || global.localStorage).setItem(key, JSON.stringify(value)); } catch (e) { /* private mode: nothing kept */ }
  }

  function forget(key, storage) {
    try { (storage || global.localStorage).removeItem(key); } catch (e) { /* nothing kept */ }
  }

  /** Keeps the form's fields (by id) as they are typed, and brings them back on the next load. */
  function keepTyped(ids, extra) {
    const kept = saved(FORM);
    ids.forEach((id) => {
      if (kept[id] !== undefined && $(id).tagName !== 'SELECT') $(id).value = kept[id];
      $(id).addEventListener('input', store);
      $(id).addEventListener('change', store);
    });
    function store() {
      const value = Object.assign(saved(FORM), extra ? extra() : {});
      ids.forEach((id) => { value[id] = $(id).value; });
      save(FORM, value);
    }
    return { kept, store };
  }

  function showError(element, text) {
    element.textContent = text;
    element.hidden = !text;
  }

  function errorText(e) {
    return e && e.message ? e.message : t('book.offline');
  }

  function time(iso) {
    const d = new Date(iso);
    return d.toLocaleTimeString(lang === 'en' ? 'en-GB' : 'vi-VN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' });
  }

  function dayText(isoDay) {
    const d = new Date(isoDay + 'T12:00:00+07:00');
    return d.toLocaleDateString(lang === 'en' ? 'en-GB' : 'vi-VN',
      { weekday: 'long', day: 'numeric', month: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' });
  }

  function when(iso) {
    return time(iso) + ', ' + dayText(iso.slice(0, 10));
  }

  function option(select, value, text) {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = text;
    select.append(o);
  }

  /** The service and site choosers, with what to bring and each site's wait now. */
  function fillChoosers(kept, onChange) {
    info.services.forEach((s) => option($('service'), s.id, Luot.i18n.name(s.name)));
    if (kept.service && service(kept.service)) $('service').value = kept.service;
    const fillSites = () => {
      const chosen = $('service').value;
      const before = $('site').value || kept.site;
      $('site').replaceChildren();
      info.sites.filter((s) => s.services.includes(chosen)).forEach((s) => option($('site'), s.id, Luot.i18n.name(s.name)));
      if (before && [...$('site').options].some((o) => o.value === before)) $('site').value = before;
      const bring = service(chosen) && service(chosen).whatToBring;
      $('bring').textContent = bring ? t('book.bringLine', { what: Luot.i18n.name(bring) }) : '';
    };
    fillSites();
    $('service').addEventListener('change', () => { fillSites(); siteWait(); onChange(); });
    $('site').addEventListener('change', () => { siteWait(); onChange(); });
    siteWait();
  }

  /** The wait at the chosen site for the chosen service, as the server estimates it now. */
  async function siteWait() {
    const siteId = $('site').value;
    const serviceId = $('service').value;
    if ($('site-usual')) usualWait();
    $('site-wait').textContent = '';
    try {
      const queues = await api('GET', '/api/v1/sites/' + encodeURIComponent(siteId) + '/queues');
      const line = queues.queues.find((q) => q.serviceId === serviceId);
      if (siteId !== $('site').value || serviceId !== $('service').value) return;
      if (!line || line.estimatedWaitMinutes === null || line.estimatedWaitMinutes === undefined) {
        $('site-wait').textContent = t('book.waitUnknown');
      } else {
        $('site-wait').textContent = t('book.waitNow', { waiting: line.waiting, minutes: line.estimatedWaitMinutes });
      }
    } catch (e) {
      $('site-wait').textContent = '';
    }
    if ($('site-advice')) advise(siteId, serviceId);
  }

  /** Each site's usual waits per hour, as GET /api/v1/usual-waits gave them (they change once a day). */
  const usualWaits = {};

  /**
   * The booking page's usual wait at the chosen site for the chosen service (GET /api/v1/usual-waits, the
   * median of past days' waits): at the hour of the chosen slot, or before one is chosen, for the hours of
   * the day that have a figure. An hour with too few past tickets has none, and the page says so.
   */
  async function usualWait() {
    const siteId = $('site').value;
    const serviceId = $('service').value;
    const key = siteId + '|' + serviceId;
    if (!siteId || !serviceId) { $('site-usual').textContent = ''; return; }
    if (!usualWaits[key]) {
      try {
        usualWaits[key] = (await api('GET', '/api/v1/usual-waits?serviceId=' + encodeURIComponent(serviceId)
          + '&siteId=' + encodeURIComponent(siteId))).hours;
      } catch (e) {
        $('site-usual').textContent = '';
        return;
      }
    }
    if (siteId !== $('site').value || serviceId !== $('service').value) return;
    const hours = usualWaits[key];
    const slot = chosenSlot($('slots'));
    if (slot) {
      const hour = Number(new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone: 'Asia/Ho_Chi_Minh' })
        .format(new Date(slot)));
      const at = hours.find((h) => h.hour === hour);
      $('site-usual').textContent = at && at.usualWaitMinutes !== null
        ? t('book.usualAtHour', { minutes: at.usualWaitMinutes }) : t('book.usualNoneAtHour');
      return;
    }
    const known = hours.filter((h) => h.usualWaitMinutes !== null);
    $('site-usual').textContent = known.length === 0 ? t('book.usualNone') : t('book.usualByHour',
      { hours: known.map((h) => t('book.usualHour', { hour: h.hour, minutes: h.usualWaitMinutes })).join('; ') });
  }

  /**
   * Today's number: when another site would be much sooner for the service, the balancing rule's reason
   * (GET /api/v1/recommendation, the same rule as the kiosk's hint), so the citizen may choose it.
   */
  async function advise(siteId, serviceId) {
    $('site-advice').hidden = true;
    try {
      const answer = await api('GET', '/api/v1/recommendation?serviceId=' + encodeURIComponent(serviceId));
      if (siteId !== $('site').value || serviceId !== $('service').value) return;
      const elsewhere = answer.recommendedSiteId && answer.recommendedSiteId !== siteId && answer.minutesSaved
        && (answer.verdict === 'fastest' || answer.verdict === 'go_elsewhere');
      if (elsewhere && answer.reason) {
        $('site-advice').textContent = t('now.elsewhere', { reason: Luot.i18n.name(answer.reason) });
        $('site-advice').hidden = false;
      }
    } catch (e) {
      // no advice without the recommendation: the choice stays the citizen's
    }
  }

  /** The days open for booking in a chooser, and the free slots of the chosen day as radio buttons. */
  function slotChooser(daySelect, slotsBox, noSlots, prefix, siteId, serviceId, keptDay, keptSlot, onPick, onShown) {
    const today = info.today;
    daySelect.replaceChildren();
    for (let i = 0; i <= info.openDaysAhead; i++) {
      const d = new Date(today + 'T12:00:00+07:00');
      d.setUTCDate(d.getUTCDate() + i);
      const iso = d.toISOString().slice(0, 10);
      option(daySelect, iso, dayText(iso));
    }
    if (keptDay && [...daySelect.options].some((o) => o.value === keptDay)) daySelect.value = keptDay;
    async function load(pick) {
      slotsBox.replaceChildren();
      noSlots.hidden = true;
      const day = daySelect.value;
      let answer;
      try {
        answer = await api('GET', '/api/v1/slots?siteId=' + encodeURIComponent(siteId()) + '&serviceId='
          + encodeURIComponent(serviceId()) + '&from=' + day + '&to=' + day);
      } catch (e) {
        noSlots.textContent = errorText(e);
        noSlots.hidden = false;
        return;
      }
      if (day !== daySelect.value) return;
      answer.slots.forEach((s, i) => {
        const input = document.createElement('input');
        input.type = 'radio';
        input.name = prefix + 'slot';
        input.id = prefix + 'slot-' + i;
        input.value = s.start;
        input.disabled = s.free === 0;
        input.checked = s.start === pick && s.free > 0;
        input.addEventListener('change', () => onPick(s.start));
        const label = document.createElement('label');
        label.htmlFor = input.id;
        label.textContent = s.free === 0 ? t('book.slotFull', { time: time(s.start) }) : time(s.start);
        slotsBox.append(input, label);
      });
      noSlots.textContent = t('book.noSlots');
      noSlots.hidden = answer.slots.length > 0;
      if (onShown) onShown();
    }
    daySelect.addEventListener('change', () => load(null));
    load(keptSlot);
    return { reload: (pick) => load(pick) };
  }

  function chosenSlot(box) {
    const checked = box.querySelector('input:checked');
    return checked ? checked.value : null;
  }

  // ---- /book/ ----

  async function bookPage() {
    const typed = keepTyped(['name', 'phone'], () => ({ service: $('service').value, site: $('site').value,
      day: $('day').value, slot: chosenSlot($('slots')) }));
    const kept = typed.kept;
    let key = kept.key || Luot.newIdempotencyKey();
    const newKey = () => { key = Luot.newIdempotencyKey(); save(FORM, Object.assign(saved(FORM), { key })); };
    fillChoosers(kept, () => { slots.reload(null); typed.store(); newKey(); });
    const slots = slotChooser($('day'), $('slots'), $('no-slots'), '', () => $('site').value, () => $('service').value,
      kept.day, kept.slot, () => { typed.store(); newKey(); usualWait(); }, usualWait);
    $('day').addEventListener('change', typed.store);
    ['name', 'phone'].forEach((id) => $(id).addEventListener('change', newKey));

    const earlier = saved(ANSWER);
    if (earlier.code) showAnswer(earlier);

    $('book-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      showError($('form-error'), '');
      const slot = chosenSlot($('slots'));
      if (!slot) return showError($('form-error'), t('book.chooseSlot'));
      if (!$('name').value.trim() || !$('phone').value.trim()) return showError($('form-error'), t('book.namePhone'));
      save(FORM, Object.assign(saved(FORM), { key }));
      $('book-submit').disabled = true;
      try {
        const booking = await api('POST', '/api/v1/bookings', { siteId: $('site').value, serviceId: $('service').value,
          slotStart: slot, name: $('name').value.trim(), phone: $('phone').value.trim() }, { 'Idempotency-Key': key });
        const answer = { code: booking.code, slotStart: booking.slotStart, siteId: booking.siteId, serviceId: booking.serviceId };
        save(ANSWER, answer);
        save(LAST, { code: booking.code, phone: $('phone').value.trim() });
        newKey();
        showAnswer(answer);
      } catch (e) {
        let text = errorText(e);
        if (e.error === 'slot_full' && e.nearestFreeSlots && e.nearestFreeSlots.length) {
          text += ' ' + t('book.nearest', { times: e.nearestFreeSlots.map((s) => when(s.start)).join('; ') });
          slots.reload(null);
        }
        showError($('form-error'), text);
      } finally {
        $('book-submit').disabled = false;
      }
    });
    $('book-another').addEventListener('click', () => {
      forget(ANSWER);
      $('answer').hidden = true;
      $('book-form').hidden = false;
      state.answer = null;
      slots.reload(null);
    });
  }

  function showAnswer(answer) {
    state.answer = answer;
    $('book-form').hidden = true;
    $('answer').hidden = false;
    $('answer-code').textContent = answer.code;
    // The kiosk's scanner types what the QR code holds: the code alone, nothing personal.
    Luot.Qr.draw($('answer-qr'), answer.code);
    $('answer-qr').setAttribute('aria-label', t('book.qrLabel', { code: answer.code }));
    $('answer-when').textContent = when(answer.slotStart);
    $('answer-where').textContent = site(answer.siteId) ? Luot.i18n.name(site(answer.siteId).name) : answer.siteId;
    $('answer-service').textContent = service(answer.serviceId) ? Luot.i18n.name(service(answer.serviceId).name) : '';
    const bring = service(answer.serviceId) && service(answer.serviceId).whatToBring;
    $('answer-bring').textContent = bring ? Luot.i18n.name(bring) : '';
  }

  // ---- /book/manage.html ----

  function managePage() {
    const last = saved(LAST);
    const typed = keepTyped(['m-code', 'm-phone']);
    if (!typed.kept['m-code'] && last.code) { $('m-code').value = last.code; $('m-phone').value = last.phone || ''; }
    let booking = null;
    let mover = null;
    const own = () => ({ code: $('m-code').value.trim(), phone: $('m-phone').value.trim() });

    async function act(path, body, done) {
      showError($('m-error'), '');
      $('m-message').hidden = true;
      try {
        const answer = await api('POST', path, body);
        done(answer);
      } catch (e) {
        let text = errorText(e);
        if (e.error === 'slot_full' && e.nearestFreeSlots && e.nearestFreeSlots.length) {
          text += ' ' + t('book.nearest', { times: e.nearestFreeSlots.map((s) => when(s.start)).join('; ') });
          if (mover) mover.reload(null);
        }
        showError($('m-error'), text);
      }
    }

    function message(text) {
      $('m-message').textContent = text;
      $('m-message').hidden = false;
    }

    function show(found) {
      booking = found;
      state.answer = { code: found.code, status: found.status, slotStart: found.slotStart };
      $('m-booking').hidden = false;
      $('m-when').textContent = when(found.slotStart);
      $('m-where').textContent = site(found.siteId) ? Luot.i18n.name(site(found.siteId).name) : found.siteId;
      $('m-service').textContent = service(found.serviceId) ? Luot.i18n.name(service(found.serviceId).name) : '';
      $('m-status').textContent = t('manage.state.' + found.status);
      $('m-actions').hidden = found.status !== 'booked' && found.status !== 'checked_in';
      $('m-cancel-confirm').hidden = true;
      if (!mover) {
        mover = slotChooser($('m-day'), $('m-slots'), $('m-no-slots'), 'm-', () => booking.siteId, () => booking.serviceId,
          found.slotStart.slice(0, 10), null, () => {});
      } else {
        mover.reload(null);
      }
    }

    $('find-form').addEventListener('submit', (event) => {
      event.preventDefault();
      act('/api/v1/bookings/find', own(), (found) => {
        save(LAST, own());
        show(found);
      });
    });
    $('m-checkin').addEventListener('click', () => act('/api/v1/bookings/check-in', own(), (answer) => {
      show(Object.assign({}, booking, { status: answer.booking.status }));
      $('m-ticket').hidden = false;
      $('m-ticket-text').textContent = t('manage.ticket', { number: answer.ticket.number });
      $('m-track').href = '/track/?ticket=' + encodeURIComponent(answer.ticket.id) + (lang === 'en' ? '&lang=en' : '');
      state.answer = Object.assign({}, state.answer, { ticketId: answer.ticket.id });
    }));
    $('m-move').addEventListener('click', () => {
      const slot = chosenSlot($('m-slots'));
      if (!slot) return showError($('m-error'), t('book.chooseSlot'));
      act('/api/v1/bookings/move', Object.assign(own(), { slotStart: slot }), (moved) => {
        show(moved);
        message(t('manage.moved', { when: when(moved.slotStart) }));
      });
    });
    $('m-cancel').addEventListener('click', () => { $('m-cancel-confirm').hidden = false; $('m-cancel-confirm').focus(); });
    $('m-cancel-confirm').addEventListener('click', () => act('/api/v1/bookings/cancel', own(), (cancelled) => {
      show(cancelled);
      message(t('manage.cancelled'));
    }));
  }

  // ---- /book/now/ ----

  async function nowPage() {
    [0, 10, 20, 30, 45, 60, 90].forEach((m) => option($('travel'), String(m), t(m === 0 ? 'now.travelHere' : 'now.travelMinutes', { minutes: m })));
    const typed = keepTyped(['phone', 'travel'], () => ({ service: $('service').value, site: $('site').value }));
    const kept = typed.kept;
    if (kept.travel) $('travel').value = kept.travel;
    let key = kept.key || Luot.newIdempotencyKey();
    const newKey = () => { key = Luot.newIdempotencyKey(); save(FORM, Object.assign(saved(FORM), { key })); };
    fillChoosers(kept, () => { typed.store(); newKey(); });
    ['phone', 'travel'].forEach((id) => $(id).addEventListener('change', newKey));
    const earlier = saved(ANSWER);
    if (earlier.id && earlier.day === info.today) showTicket(earlier);

    $('now-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      showError($('form-error'), '');
      if (!$('phone').value.trim()) return showError($('form-error'), t('book.namePhone'));
      save(FORM, Object.assign(saved(FORM), { key }));
      $('now-submit').disabled = true;
      try {
        const ticket = await api('POST', '/api/v1/remote-tickets', { siteId: $('site').value, serviceId: $('service').value,
          phone: $('phone').value.trim(), travelMinutes: Number($('travel').value) }, { 'Idempotency-Key': key });
        const answer = { id: ticket.id, number: ticket.number, arriveBy: ticket.arriveBy, leaveBy: ticket.leaveBy, day: info.today };
        save(ANSWER, answer);
        newKey();
        showTicket(answer);
      } catch (e) {
        showError($('form-error'), errorText(e));
      } finally {
        $('now-submit').disabled = false;
      }
    });
    $('now-another').addEventListener('click', () => {
      forget(ANSWER);
      state.answer = null;
      $('answer').hidden = true;
      $('now-form').hidden = false;
    });
  }

  function showTicket(answer) {
    state.answer = answer;
    $('now-form').hidden = true;
    $('answer').hidden = false;
    $('now-number').textContent = answer.number;
    $('now-arrive').textContent = t('now.arriveBy', { time: time(answer.arriveBy) });
    $('now-leave').textContent = t('now.leaveBy', { time: time(answer.leaveBy) });
    $('now-track').href = '/track/?ticket=' + encodeURIComponent(answer.id) + (lang === 'en' ? '&lang=en' : '');
  }
})(window);
