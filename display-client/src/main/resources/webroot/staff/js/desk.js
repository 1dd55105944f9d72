/*
 * The guidance desk (/staff/desk.html?site=hac-thanh&printer=desk-hac-thanh): staff take a number on a
 * citizen's behalf (and print it on the desk's printer), check bookings in, look a number up, and tell
 * the citizen which site is faster for the service, from both sites' live streams. Issuing and check-in
 * go through Luot.PendingActions: a press is sent again after a dropped connection, never done twice.
 */
(function () {
  'use strict';

  const { Staff, i18n, PendingActions, SiteStream } = window.Luot;
  const t = i18n.t;
  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(window.location.search);
  const BOOKING_CODE = /^[2-9A-HJKMNP-Z]{6}$/;

  const desk = {
    catalogue: null,
    siteId: null,
    printerId: null,
    serviceId: null,
    issueSiteId: null,
    queues: {},
    status: {},
    streams: [],
    actions: null,
  };

  async function boot() {
    await i18n.load('staff');
    i18n.apply();
    document.title = t('staff.deskTitle') + ' – ' + t('app.name');
    Staff.languageLink($('language'));
    $('issue-submit').addEventListener('click', issue);
    $('booking-form').addEventListener('submit', (e) => { e.preventDefault(); findBookings(); });
    $('lookup-form').addEventListener('submit', (e) => { e.preventDefault(); lookUp(); });
    $('logout').addEventListener('click', () => { Staff.logout(); window.location.reload(); });
    Staff.mountLogin(onLoggedIn);
  }

  async function onLoggedIn(member) {
    const me = member || Staff.who();
    $('who').textContent = me ? (me.displayName || me.username) : '';
    if (desk.actions) {
      desk.actions.retryNow();
      return;
    }
    try {
      desk.catalogue = await Staff.catalogue();
    } catch (e) {
      if (e.status !== 401) setTimeout(() => onLoggedIn(member), 2000);
      return;
    }
    const wanted = params.get('site');
    desk.siteId = desk.catalogue.site[wanted] ? wanted : desk.catalogue.sites[0].id;
    desk.issueSiteId = desk.siteId;
    desk.printerId = params.get('printer') || 'desk-' + desk.siteId;
    $('site-name').textContent = i18n.name(desk.catalogue.site[desk.siteId].name);
    renderServices();
    renderPriorities();
    window.Luot.DeskHours.follow(desk.siteId, me);
    desk.catalogue.sites.forEach(follow);
    desk.actions = new PendingActions({
      storageKey: 'luot.desk.actions', resolve, onDone, onDropped, onChange: renderPending,
    });
    $('desk').hidden = false;
    $('connection').hidden = false;
    renderConnection();
    desk.actions.retryNow();
    renderEstimates();
  }

  // ---- both sites' lines, live -----------------------------------------------------------------------

  function follow(site) {
    desk.queues[site.id] = {};
    desk.status[site.id] = 'connecting';
    desk.streams.push(new SiteStream(site.id, {
      onSnapshot(snapshot) {
        Staff.syncClock(snapshot.at);
        desk.queues[site.id] = {};
        snapshot.queues.forEach((q) => { desk.queues[site.id][q.serviceId] = q; });
        renderEstimates();
      },
      onEvent(event) {
        Staff.syncClock(event.at);
        (event.queues || []).forEach((q) => { desk.queues[site.id][q.serviceId] = q; });
        renderEstimates();
      },
      onStatus(status) {
        desk.status[site.id] = status;
        if (status === 'online' && desk.actions) desk.actions.retryNow();
        renderConnection();
      },
    }).start());
  }

  function renderConnection() {
    const all = Object.values(desk.status);
    const status = all.includes('offline') ? 'offline' : all.every((s) => s === 'online') ? 'online' : 'connecting';
    $('connection').dataset.status = status;
    $('connection').textContent = status === 'online' ? t('status.online')
      : status === 'offline' ? t('word.connectionLost') : t('status.connecting');
  }

  // ---- taking a number for a citizen ---------------------------------------------------------------

  function renderServices() {
    const box = $('service-buttons');
    box.textContent = '';
    const offered = new Set(desk.catalogue.sites.flatMap((s) => s.services));
    desk.catalogue.services.filter((s) => offered.has(s.id)).forEach((service) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.id = 'issue-service-' + service.id;
      button.textContent = i18n.name(service.name);
      button.addEventListener('click', () => chooseService(service.id));
      box.appendChild(button);
    });
  }

  function chooseService(serviceId) {
    desk.serviceId = serviceId;
    if (!desk.catalogue.site[desk.issueSiteId].services.includes(serviceId)) {
      desk.issueSiteId = desk.catalogue.sites.find((s) => s.services.includes(serviceId)).id;
    }
    document.querySelectorAll('#service-buttons button').forEach((b) =>
      b.classList.toggle('selected', b.id === 'issue-service-' + serviceId));
    $('issue-message').textContent = '';
    renderEstimates();
  }

  function renderPriorities() {
    const select = $('issue-priority');
    select.textContent = '';
    const none = document.createElement('option');
    none.value = '';
    none.textContent = t('desk.issue.noPriority');
    select.appendChild(none);
    desk.catalogue.priorityGroups.forEach((group) => {
      const option = document.createElement('option');
      option.value = group.id;
      option.textContent = i18n.name(group.name);
      select.appendChild(option);
    });
  }

  /** Each site's estimated wait for the chosen service; the faster one is marked. */
  function renderEstimates(answered) {
    const box = $('site-estimates');
    if (!desk.catalogue || !box) return;
    box.textContent = '';
    const serviceId = desk.serviceId;
    const estimates = {};
    desk.catalogue.sites.forEach((site) => {
      const line = serviceId && site.services.includes(serviceId) ? desk.queues[site.id][serviceId] : null;
      if (line && line.estimatedWaitMinutes !== null && line.estimatedWaitMinutes !== undefined) {
        estimates[site.id] = line.estimatedWaitMinutes;
      }
    });
    // Which site is worth it is the server's rule (GET /api/v1/recommendation, travel time included).
    const rec = desk.recommendation && desk.recommendation.serviceId === serviceId ? desk.recommendation : null;
    const fastest = rec && rec.verdict === 'go_elsewhere' ? rec.recommendedSiteId : null;
    desk.catalogue.sites.forEach((site) => {
      const card = document.createElement('div');
      card.className = 'site-estimate';
      card.id = 'estimate-' + site.id;
      card.classList.toggle('selected', site.id === desk.issueSiteId);
      card.classList.toggle('faster', site.id === fastest);
      const offers = !serviceId || site.services.includes(serviceId);
      const line = serviceId && offers ? desk.queues[site.id][serviceId] : null;
      const name = document.createElement('div');
      name.textContent = i18n.name(site.name);
      const estimate = document.createElement('strong');
      estimate.className = 'estimate';
      const waiting = document.createElement('div');
      waiting.className = 'waiting';
      if (!serviceId) {
        estimate.textContent = '–';
      } else if (!offers) {
        estimate.textContent = t('desk.sites.notOffered');
      } else if (!line || line.estimatedWaitMinutes === null || line.estimatedWaitMinutes === undefined) {
        estimate.textContent = t('desk.sites.noCounter');
        waiting.textContent = line ? t('desk.sites.waiting', { count: line.waiting }) : '';
      } else {
        estimate.textContent = Staff.aboutMinutes(line.estimatedWaitMinutes);
        waiting.textContent = t('desk.sites.waiting', { count: line.waiting });
      }
      const tag = document.createElement('span');
      tag.className = 'faster-tag';
      tag.textContent = t('desk.sites.faster');
      card.append(name, estimate, waiting, tag);
      if (serviceId && offers) {
        card.addEventListener('click', () => { desk.issueSiteId = site.id; renderEstimates(); });
      }
      box.appendChild(card);
    });
    $('other-site-faster').hidden = !fastest || fastest === desk.siteId;
    $('other-site-reason').textContent = rec && fastest && fastest !== desk.siteId ? i18n.name(rec.reason) : '';
    if (!answered) askRecommendation();
  }

  /** Asks the server's recommendation for the chosen service from this desk's site (after the lines settle). */
  function askRecommendation() {
    clearTimeout(desk.recommendationTimer);
    desk.recommendationTimer = setTimeout(async () => {
      const serviceId = desk.serviceId;
      if (!serviceId) return;
      try {
        const answer = await Staff.get('/api/v1/recommendation?serviceId=' + encodeURIComponent(serviceId)
          + '&from=' + encodeURIComponent(desk.siteId));
        if (answer.serviceId === desk.serviceId) {
          desk.recommendation = answer;
          renderEstimates(true);
        }
      } catch (e) {
        // keep the last answer; the next change asks again
      }
    }, 200);
  }

  function issue() {
    if (!desk.serviceId) {
      $('issue-message').textContent = t('desk.issue.pickService');
      return;
    }
    if (desk.actions.kinds().includes('issue')) return; // one press, one ticket
    const body = {
      siteId: desk.issueSiteId, serviceId: desk.serviceId, channel: 'desk', printerId: desk.printerId,
    };
    const priority = $('issue-priority').value;
    const phone = $('issue-phone').value.trim();
    const note = $('issue-note').value.trim();
    if (priority) body.priority = priority;
    if (phone) body.phone = phone;
    if (note) body.note = note;
    $('issue-message').textContent = '';
    desk.actions.add('issue', '/api/v1/tickets', body, t('desk.issue.submit'));
  }

  function showIssued(ticket) {
    $('issue-result').hidden = false;
    $('issue-number').textContent = ticket.number;
    $('issue-what').textContent = serviceName(ticket.serviceId);
    $('issue-where').textContent = t('desk.lookup.waiting', {
      site: i18n.name(desk.catalogue.site[ticket.siteId].name), ahead: ticket.position,
      estimate: Staff.aboutMinutes(ticket.estimatedWaitMinutes),
    });
    $('issue-printer').textContent = t('desk.issue.printed', { printer: desk.printerId });
    // The next citizen starts afresh; a failed press keeps everything typed (see onDropped).
    $('issue-priority').value = '';
    $('issue-phone').value = '';
    $('issue-note').value = '';
  }

  // ---- bookings ----------------------------------------------------------------------------------------

  async function findBookings() {
    const query = $('booking-query').value.trim();
    $('booking-message').textContent = '';
    $('booking-result').hidden = true;
    if (!query) return;
    const code = query.replace(/[\s-]/g, '').toUpperCase();
    const path = BOOKING_CODE.test(code)
      ? '/api/v1/bookings?code=' + encodeURIComponent(code)
      : '/api/v1/bookings?phone=' + encodeURIComponent(query);
    try {
      renderBookings((await Staff.get(path)).bookings);
    } catch (e) {
      renderBookings([]);
      $('booking-message').textContent = e.message;
    }
  }

  function renderBookings(bookings) {
    const list = $('booking-list');
    list.textContent = '';
    if (bookings.length === 0) $('booking-message').textContent = t('desk.booking.none');
    bookings.forEach((b) => {
      const item = document.createElement('li');
      item.id = 'booking-' + b.code;
      const text = document.createElement('span');
      text.textContent = [b.code, b.name, serviceName(b.serviceId), Staff.dateTime(b.slotStart),
        t('desk.booking.status.' + b.status)].join(' · ');
      item.appendChild(text);
      if (b.status === 'booked') {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'primary';
        button.id = 'check-in-' + b.code;
        button.textContent = t('desk.booking.checkIn');
        button.addEventListener('click', () => {
          if (desk.actions.list().some((a) => a.kind === 'check-in' && a.params.code === b.code)) return;
          button.disabled = true;
          desk.actions.add('check-in', '/api/v1/bookings/' + encodeURIComponent(b.code) + '/check-in',
            { printerId: desk.printerId, code: b.code }, t('desk.booking.checkIn') + ' ' + b.code);
        });
        item.appendChild(button);
      }
      list.appendChild(item);
    });
  }

  // ---- looking a number up -------------------------------------------------------------------------

  async function lookUp() {
    const number = $('lookup-number').value.trim();
    $('lookup-message').textContent = '';
    $('lookup-result').hidden = true;
    if (!number) return;
    try {
      const ticket = await Staff.get('/api/v1/tickets?number=' + encodeURIComponent(number));
      $('lookup-result').hidden = false;
      $('lookup-ticket').textContent = ticket.number;
      $('lookup-service').textContent = serviceName(ticket.serviceId)
        + (ticket.booking ? ' · ' + ticket.booking.name : '');
      $('lookup-where').textContent = whereIs(ticket);
    } catch (e) {
      $('lookup-message').textContent = e.message;
    }
  }

  function whereIs(ticket) {
    const site = i18n.name(desk.catalogue.site[ticket.siteId].name);
    if (ticket.status === 'waiting') {
      return t('desk.lookup.waiting', { site, ahead: ticket.position, estimate: Staff.aboutMinutes(ticket.estimatedWaitMinutes) });
    }
    if (ticket.status === 'serving') return t('desk.lookup.atCounter', { counter: ticket.servingCounterId });
    if (ticket.status === 'called') return t('desk.lookup.calledAt', { counter: ticket.servingCounterId });
    return t('desk.lookup.finished', { status: t('desk.status.' + ticket.status) });
  }

  // ---- answers ---------------------------------------------------------------------------------------

  /** The body sent, frozen for every retry: the press's own values, not what the form holds later. */
  function resolve(action) {
    return action.kind === 'check-in' ? { printerId: action.params.printerId } : action.params;
  }

  function onDone(action, status, body) {
    if (action.kind === 'issue') {
      showIssued(body);
    } else if (action.kind === 'check-in') {
      const result = $('booking-result');
      result.hidden = false;
      result.textContent = t('desk.booking.checkedIn', { number: body.ticket.number, service: serviceName(body.ticket.serviceId) })
        + ' · ' + whereIs(Object.assign({ servingCounterId: body.ticket.counterId }, body.ticket));
      const item = $('booking-' + body.booking.code);
      if (item) renderBookings([body.booking]);
      $('booking-message').textContent = '';
    }
  }

  function onDropped(action, reason, after) {
    const text = t('message.dropped', { action: action.label, reason: reason.message })
      + (after.length ? ' ' + t('message.droppedAfter', { count: after.length }) : '');
    if (action.kind === 'issue') $('issue-message').textContent = text;
    else $('booking-message').textContent = text;
    document.querySelectorAll('.booking-list button').forEach((b) => { b.disabled = false; });
  }

  function renderPending(list) {
    const issuing = list.find((a) => a.kind === 'issue');
    $('issue-submit').disabled = Boolean(issuing);
    if (issuing && (issuing.attempts > 0 || Date.now() - issuing.createdAt > 500)) {
      $('issue-message').textContent = t('desk.issue.pending');
    } else if (!issuing && $('issue-message').textContent === t('desk.issue.pending')) {
      $('issue-message').textContent = '';
    }
    const checking = list.find((a) => a.kind === 'check-in');
    if (checking && checking.attempts > 0) $('booking-message').textContent = t('desk.booking.pending');
  }

  function serviceName(serviceId) {
    const service = desk.catalogue.service[serviceId];
    return service ? i18n.name(service.name) : serviceId;
  }

  boot();
})();
