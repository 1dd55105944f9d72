/*
 * The reports page (manager/reports.html): the figures of a date range as the server computes them
 * (GET /api/v1/reports/summary: every figure with its name and one-line definition in the page's
 * language), split by the grouping chosen, four charts drawn with uPlot (served from the jar), and the
 * exports as jobs whose progress the page follows (POST /api/v1/reports/exports, then GET its state,
 * then its file). The page computes no figure of its own.
 *
 * window.LuotReports reads the page's state for tests: loaded (reports drawn), charts (drawn), lastExport.
 */
(async function (global) {
  'use strict';

  const S = Luot.Staff;
  const i18n = Luot.i18n;
  const t = (key, params) => i18n.t(key, params);
  const $ = (id) => document.getElementById(id);
  const GROUPS = ['day', 'hour', 'service', 'counter', 'staff'];
  /** The columns of the groups' table; every figure is in the figures' table and the exports. */
  const GROUP_COLUMNS = ['issued', 'served', 'noShows', 'abandoned', 'waitMeanMinutes', 'waitP90Minutes',
    'serviceMeanMinutes', 'withinTargetShare', 'estimateWithin5Share', 'ratings', 'ratingMean', 'timeOpenMinutes',
    'idleWhileCitizensWaitedMinutes'];
  const POLL_MS = 400;
  const state = { loaded: 0, charts: 0, lastExport: null };
  let catalogue = null;
  const plots = [];

  global.LuotReports = Object.freeze({
    get loaded() { return state.loaded; },
    get charts() { return state.charts; },
    get lastExport() { return state.lastExport ? Object.assign({}, state.lastExport) : null; },
  });

  await i18n.load('manager/reports');
  i18n.apply();
  document.title = t('reports.title');
  S.languageLink($('language'));
  $('logout').addEventListener('click', () => {
    S.logout();
    global.location.reload();
  });
  async function start(member) {
    $('who').textContent = member ? (member.displayName || member.username || '') : '';
    catalogue = await S.catalogue();
    $('centre-name').textContent = i18n.name(catalogue.centre.name);
    fillFilters();
    $('filters').addEventListener('submit', (e) => {
      e.preventDefault();
      load();
    });
    document.querySelectorAll('.export-buttons button').forEach((button) => {
      button.addEventListener('click', () => exportFile(button.dataset.kind, button.dataset.format));
    });
    await load();
  }

  function fillFilters() {
    const params = new URLSearchParams(global.location.search);
    const today = dayIn(S.now());
    $('from').value = params.get('from') || today;
    $('to').value = params.get('to') || today;
    option($('site'), '', t('reports.all'));
    catalogue.sites.forEach((s) => option($('site'), s.id, i18n.name(s.name)));
    option($('service'), '', t('reports.all'));
    catalogue.services.forEach((s) => option($('service'), s.id, i18n.name(s.name)));
    GROUPS.forEach((g) => option($('group-by'), g, t('reports.groupBy.' + g)));
    $('site').value = params.get('siteId') || '';
    $('service').value = params.get('serviceId') || '';
    $('group-by').value = GROUPS.includes(params.get('groupBy')) ? params.get('groupBy') : 'service';
  }

  function option(select, value, text) {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = text;
    select.appendChild(o);
  }

  /** The date (yyyy-mm-dd) of a moment in the centre's time zone. */
  function dayIn(ms) {
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit',
      day: '2-digit' }).formatToParts(new Date(ms));
    const get = (type) => parts.find((p) => p.type === type).value;
    return get('year') + '-' + get('month') + '-' + get('day');
  }

  function query(groupBy) {
    const q = new URLSearchParams({ from: $('from').value, to: $('to').value, groupBy, lang: i18n.lang() });
    if ($('site').value) q.set('siteId', $('site').value);
    if ($('service').value) q.set('serviceId', $('service').value);
    return '/api/v1/reports/summary?' + q.toString();
  }

  async function load() {
    $('report-error').textContent = '';
    const groupBy = $('group-by').value;
    let main;
    let byHour;
    let byService;
    let byDay;
    try {
      [main, byHour, byService, byDay] = await Promise.all([query(groupBy), query('hour'), query('service'),
        query('day')].map((path) => S.get(path)));
    } catch (err) {
      if (err.status === 403) {
        $('not-manager').hidden = false;
        $('reports').hidden = true;
        document.body.dataset.state = 'refused';
      } else {
        $('reports').hidden = false;
        $('report-error').textContent = err.message;
      }
      return;
    }
    $('not-manager').hidden = true;
    $('reports').hidden = false;
    renderFigures(main);
    renderGroups(main);
    renderHours(main);
    drawCharts(byHour, main.hours, byService, byDay);
    state.loaded++;
    document.body.dataset.state = 'ready';
  }

  // ---- numbers in the page's language ----
  function number(value, digits) {
    return new Intl.NumberFormat(i18n.lang() === 'en' ? 'en-GB' : 'vi-VN',
      { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
  }

  function format(key, value) {
    if (value === null || value === undefined) return t('reports.none');
    if (key.endsWith('Share')) return number(value * 100, 1) + ' %';
    if (key.endsWith('Minutes')) return t('reports.minutes', { value: number(value, 2) });
    if (key === 'ratingMean') return number(value, 2);
    return number(value, 0);
  }

  function cell(row, text, className, header) {
    const c = document.createElement(header ? 'th' : 'td');
    if (header) c.scope = header;
    c.textContent = text;
    if (className) c.className = className;
    row.appendChild(c);
    return c;
  }

  function renderFigures(report) {
    const body = $('figures').querySelector('tbody');
    body.textContent = '';
    Object.keys(report.total).filter((key) => key !== 'ratingReasons').forEach((key) => {
      const row = document.createElement('tr');
      row.dataset.figure = key;
      cell(row, report.labels[key], null, 'row');
      cell(row, format(key, report.total[key]), 'value');
      cell(row, report.definitions[key], 'definition');
      body.appendChild(row);
    });
    Object.entries(report.total.ratingReasons || {}).forEach(([reason, count]) => {
      const row = document.createElement('tr');
      row.dataset.figure = 'ratingReasons.' + reason;
      cell(row, report.labels.ratingReasons + ': ' + reasonName(reason), null, 'row');
      cell(row, number(count, 0), 'value');
      cell(row, report.definitions.ratingReasons, 'definition');
      body.appendChild(row);
    });
  }

  let reasonNames = {};
  S.get('/api/v1/rating-options').then((options) => {
    reasonNames = Object.fromEntries(options.reasons.map((r) => [r.id, i18n.name(r.name)]));
  }).catch(() => { reasonNames = {}; });

  function reasonName(id) {
    return reasonNames[id] || id;
  }

  function groupName(groupBy, key) {
    if (groupBy === 'service') return catalogue.service[key] ? i18n.name(catalogue.service[key].name) : key;
    if (groupBy === 'counter') return t('reports.counter', { counter: key });
    if (groupBy === 'hour') return key + ':00';
    return key;
  }

  function renderGroups(report) {
    $('groups-title').textContent = t('reports.groupsTitle', { group: t('reports.groupBy.' + report.groupBy).toLowerCase() });
    const head = $('groups').querySelector('thead');
    const body = $('groups').querySelector('tbody');
    head.textContent = '';
    body.textContent = '';
    const top = document.createElement('tr');
    cell(top, t('reports.groupBy.' + report.groupBy), null, 'col');
    GROUP_COLUMNS.forEach((key) => cell(top, report.labels[key], null, 'col'));
    head.appendChild(top);
    report.groups.forEach((group) => {
      const row = document.createElement('tr');
      row.dataset.group = group.key;
      cell(row, groupName(report.groupBy, group.key), null, 'row');
      GROUP_COLUMNS.forEach((key) => cell(row, format(key, group.figures[key]), 'value'));
      body.appendChild(row);
    });
  }

  function renderHours(report) {
    $('hours-definition').textContent = report.definitions.hours;
    const head = $('hours').querySelector('thead');
    const body = $('hours').querySelector('tbody');
    head.textContent = '';
    body.textContent = '';
    const top = document.createElement('tr');
    [t('reports.groupBy.hour'), t('reports.series.arrivals'), t('reports.series.counters')]
      .forEach((text) => cell(top, text, null, 'col'));
    head.appendChild(top);
    report.hours.forEach((h) => {
      const row = document.createElement('tr');
      cell(row, String(h.hour).padStart(2, '0') + ':00', null, 'row');
      cell(row, number(h.arrivals, 0), 'value');
      cell(row, number(h.counterHoursOpen, 2), 'value');
      body.appendChild(row);
    });
  }

  // ---- charts (uPlot) ----
  const INK = '#102a43';
  const ACCENT = '#c62828';
  const OK = '#2e7d32';

  function drawCharts(byHour, hours, byService, byDay) {
    plots.splice(0).forEach((p) => p.destroy());
    const hourKeys = byHour.groups.map((g) => Number(g.key));
    plot('chart-waits', [hourKeys, byHour.groups.map((g) => g.figures.waitMeanMinutes),
      byHour.groups.map((g) => g.figures.waitP90Minutes)], [
      { label: t('reports.series.waitMean'), stroke: INK, width: 2 },
      { label: t('reports.series.waitP90'), stroke: ACCENT, width: 2, dash: [6, 4] },
    ], hourAxis(), [], HOURS, t('reports.groupBy.hour'));
    plot('chart-load', [hours.map((h) => h.hour), hours.map((h) => h.arrivals), hours.map((h) => h.counterHoursOpen)], [
      { label: t('reports.series.arrivals'), stroke: INK, width: 2, fill: 'rgba(16, 42, 67, 0.08)' },
      { label: t('reports.series.counters'), stroke: OK, width: 2, scale: 'counters' },
    ], hourAxis(), [{ scale: 'counters', side: 1, grid: { show: false } }], HOURS, t('reports.groupBy.hour'));
    const services = byService.groups;
    plot('chart-target', [services.map((g, i) => i), services.map((g) => share(g.figures.withinTargetShare))], [
      { label: t('reports.series.withinTarget'), stroke: OK, fill: 'rgba(46, 125, 50, 0.35)',
        paths: uPlot.paths.bars({ size: [0.6, 60] }), points: { show: false } },
    ], { space: 40, values: (u, values) => values.map((v) => (Number.isInteger(v) && services[v]
      ? shortName(groupName('service', services[v].key)) : '')) }, [], { x: { time: false, range: [-0.5,
      Math.max(services.length - 0.5, 0.5)] }, y: { range: [0, 100] } }, t('reports.groupBy.service'));
    plot('chart-ratings', [byDay.groups.map((g) => Date.parse(g.key + 'T00:00:00+07:00') / 1000),
      byDay.groups.map((g) => g.figures.ratingMean)], [
      { label: t('reports.series.rating'), stroke: ACCENT, width: 2, points: { show: true, size: 8 } },
    ], {}, [], { x: { time: true }, y: { range: [1, 4] } }, t('reports.groupBy.day'));
  }

  function share(value) {
    return value === null || value === undefined ? null : Math.round(value * 1000) / 10;
  }

  function shortName(name) {
    return name.length > 14 ? name.slice(0, 13) + '…' : name;
  }

  /** The hour charts show at least the working day, 06:00 to 18:00, even for a single busy hour. */
  const HOURS = { x: { time: false, range: (u, min, max) => [Math.min(6, min), Math.max(18, max)] } };

  function hourAxis() {
    return { values: (u, values) => values.map((v) => (Number.isInteger(v) ? v + ':00' : '')) };
  }

  function plot(id, data, series, xAxis, extraAxes, scales, xLabel) {
    const target = $(id);
    target.textContent = '';
    const width = Math.max(280, target.clientWidth || 600);
    const options = {
      width,
      height: 240,
      scales: Object.assign({ x: { time: false } }, scales || {}),
      series: [{ label: xLabel }].concat(series),
      axes: [Object.assign({ stroke: INK }, xAxis), { stroke: INK }].concat(extraAxes || []),
      legend: { show: true },
      cursor: { show: true },
    };
    plots.push(new uPlot(options, data, target));
    state.charts++;
  }

  // ---- exports ----
  async function exportFile(kind, format) {
    const buttons = document.querySelectorAll('.export-buttons button');
    buttons.forEach((b) => { b.disabled = true; });
    $('export-status').textContent = '';
    const body = { kind, format, lang: i18n.lang() };
    if (kind === 'monthly') {
      body.month = $('from').value.slice(0, 7);
    } else {
      body.from = $('from').value;
      body.to = $('to').value;
      body.groupBy = $('group-by').value;
    }
    if ($('site').value) body.siteId = $('site').value;
    if ($('service').value) body.serviceId = $('service').value;
    try {
      // One key per press: a retried request (a dropped connection) gets the same export, not a second one.
      const started = await post('/api/v1/reports/exports', body, Luot.newIdempotencyKey());
      let job = started;
      $('export-progress').hidden = false;
      while (job.state === 'running') {
        showProgress(job);
        await new Promise((r) => setTimeout(r, POLL_MS));
        job = await S.get('/api/v1/reports/exports/' + started.id);
      }
      if (job.state !== 'done') throw new Error(t('reports.exports.failed'));
      showProgress(job);
      await download(job);
      state.lastExport = { fileName: job.fileName, state: job.state, rowsWritten: job.rowsWritten, kind, format };
      $('export-status').textContent = t('reports.exports.done', { file: job.fileName });
    } catch (err) {
      state.lastExport = { state: 'failed', kind, format };
      $('export-status').textContent = err.message || t('reports.exports.failed');
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
    }
  }

  function showProgress(job) {
    $('export-bar').value = job.progress;
    $('export-label').textContent = t('reports.exports.progress', {
      file: job.fileName, written: number(job.rowsWritten, 0), total: number(job.rowsTotal, 0) });
  }

  async function post(path, body, key) {
    const headers = Object.assign(S.headers(), { 'Idempotency-Key': key });
    const response = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body) });
    const answer = await S.readBody(response);
    if (response.status === 401) S.unauthorized();
    if (!response.ok) throw new S.ApiError(response.status, answer);
    return answer;
  }

  async function download(job) {
    const response = await fetch(job.file, { headers: S.headers(), cache: 'no-store' });
    if (!response.ok) throw new S.ApiError(response.status, await S.readBody(response));
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = job.fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  // Last, once every constant above is defined: start() may run at once when a login is kept in the tab.
  S.mountLogin(start);
})(window);
