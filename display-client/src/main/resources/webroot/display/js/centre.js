/*
 * Luot.Centre and Luot.Clock: what every display needs besides the live stream.
 *
 * Luot.Centre.load() reads the centre's description (GET /api/v1/sites and /api/v1/services): names in
 * both languages, sites with their counters and opening hours, announcement settings. A screen that
 * boots before the server keeps trying, with backoff, and says so through onWaiting.
 *
 * Luot.Clock tells the time in the centre's time zone, set by the server's own clock (each snapshot and
 * heartbeat carries it), so a TV with a wrong clock still shows the hall's time.
 */
(function (global) {
  'use strict';

  const RETRY_MS = [1000, 2000, 4000, 8000];

  async function getJson(path) {
    const response = await fetch(path, { cache: 'no-cache' });
    if (!response.ok) throw new Error(path + ': HTTP ' + response.status);
    return response.json();
  }

  async function load(onWaiting) {
    for (let attempt = 0; ; attempt++) {
      try {
        const [sites, services] = await Promise.all([getJson('/api/v1/sites'), getJson('/api/v1/services')]);
        return new Centre(sites, services);
      } catch (e) {
        if (onWaiting) onWaiting(e);
        await new Promise((r) => setTimeout(r, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]));
      }
    }
  }

  class Centre {
    constructor(sites, services) {
      this.name = sites.centre.name;
      this.timeZone = sites.timeZone;
      this.announcements = sites.announcements || {};
      this.sites = sites.sites;
      this.services = new Map(services.services.map((s) => [s.id, s]));
      this.priorityGroups = services.priorityGroups || [];
    }

    site(id) {
      return this.sites.find((s) => s.id === id) || null;
    }

    /** The site a counter belongs to. */
    siteOfCounter(counterId) {
      return this.sites.find((s) => s.counters.map(Number).includes(Number(counterId))) || null;
    }

    serviceName(id) {
      const service = this.services.get(id);
      return service ? Luot.i18n.name(service.name) : id;
    }
  }

  const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

  class Clock {
    constructor(timeZone) {
      this.offsetMs = 0;
      const options = { timeZone: timeZone || 'Asia/Ho_Chi_Minh', hourCycle: 'h23' };
      this.parts = new Intl.DateTimeFormat('en-GB', Object.assign({
        year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short',
      }, options));
    }

    /** Takes the server's time from an ISO string, such as a snapshot's or a heartbeat's "at". */
    sync(iso) {
      const server = Date.parse(iso);
      if (!Number.isNaN(server)) this.offsetMs = server - Date.now();
    }

    now() {
      return new Date(Date.now() + this.offsetMs);
    }

    fields(date) {
      const f = {};
      this.parts.formatToParts(date || this.now()).forEach((p) => { f[p.type] = p.value; });
      return f;
    }

    /** "14:05" */
    time(date) {
      const f = this.fields(date);
      return f.hour + ':' + f.minute;
    }

    /** "27/11/2026" */
    date(date) {
      const f = this.fields(date);
      return f.day + '/' + f.month + '/' + f.year;
    }

    /** "mon" ... "sun", as the keys of a site's openingHours. */
    weekday(date) {
      const index = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(this.fields(date).weekday);
      return DAYS[index];
    }
  }

  /** The URL's comma list, such as services=a,b: null when absent or empty. */
  function listParam(params, name) {
    const raw = params.get(name);
    if (!raw) return null;
    const list = raw.split(',').map((s) => s.trim()).filter(Boolean);
    return list.length ? list : null;
  }

  global.Luot = global.Luot || {};
  global.Luot.Centre = { load, listParam };
  global.Luot.Clock = Clock;
})(window);
