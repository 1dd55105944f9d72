/*
 * Luot.Staff: what both staff pages share: the login (token kept in sessionStorage), authorised API
 * calls, the server's clock, times in the centre's zone, and idempotency keys.
 */
(function (global) {
  'use strict';

  const TOKEN_KEY = 'luot.staff.token';
  const WHO_KEY = 'luot.staff.who';
  const t = (key, params) => global.Luot.i18n.t(key, params);

  /** An answer the server refused, with its {error, message}. */
  class ApiError extends Error {
    constructor(status, body) {
      super((body && body.message) || ('HTTP ' + status));
      this.status = status;
      this.error = body && body.error;
    }
  }

  const state = {
    zone: 'Asia/Ho_Chi_Minh',
    clockOffsetMs: 0,
    onUnauthorized: null,
  };

  function token() { return global.sessionStorage.getItem(TOKEN_KEY); }
  function who() {
    try { return JSON.parse(global.sessionStorage.getItem(WHO_KEY)) || null; } catch (e) { return null; }
  }

  function headers(extra) {
    const h = { 'Accept-Language': global.Luot.i18n.lang(), 'Content-Type': 'application/json' };
    if (token()) h.Authorization = 'Bearer ' + token();
    return Object.assign(h, extra || {});
  }

  async function readBody(response) {
    const text = await response.text();
    if (!text) return null;
    try { return JSON.parse(text); } catch (e) { return null; }
  }

  /** GET a JSON answer; a 401 sends the person back to the login form. */
  async function get(path) {
    const response = await fetch(path, { headers: headers(), cache: 'no-store' });
    const body = await readBody(response);
    if (response.status === 401) unauthorized();
    if (!response.ok) throw new ApiError(response.status, body);
    return body;
  }

  function unauthorized() {
    global.sessionStorage.removeItem(TOKEN_KEY);
    if (state.onUnauthorized) state.onUnauthorized();
  }

  async function login(username, password) {
    const response = await fetch('/api/v1/auth/login', {
      method: 'POST', headers: headers(), body: JSON.stringify({ username, password }),
    });
    const body = await readBody(response);
    if (!response.ok) throw new ApiError(response.status, body);
    global.sessionStorage.setItem(TOKEN_KEY, body.token);
    global.sessionStorage.setItem(WHO_KEY, JSON.stringify(body.staff));
    return body.staff;
  }

  /** Ends the account's sessions on the server too (keepalive: the page may reload at once), then here. */
  function logout() {
    if (token()) {
      fetch('/api/v1/auth/logout', { method: 'POST', headers: headers(), keepalive: true }).catch(() => {});
    }
    global.sessionStorage.removeItem(TOKEN_KEY);
    global.sessionStorage.removeItem(WHO_KEY);
  }

  /**
   * Wires the login form (#login) of a page: shows it when there is no token, and calls onLoggedIn
   * after a successful login (and at once when already logged in).
   */
  function mountLogin(onLoggedIn) {
    const section = document.getElementById('login');
    const form = document.getElementById('login-form');
    const error = document.getElementById('login-error');
    state.onUnauthorized = () => {
      section.hidden = false;
      document.getElementById('login-username').focus();
    };
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      error.textContent = '';
      try {
        const member = await login(form.username.value.trim(), form.password.value);
        form.password.value = '';
        section.hidden = true;
        onLoggedIn(member);
      } catch (err) {
        error.textContent = err.message;
      }
    });
    if (token()) {
      section.hidden = true;
      onLoggedIn(who());
    } else {
      state.onUnauthorized();
    }
  }

  /** Follows the server's clock from the times its messages carry, so waits count in its time. */
  function syncClock(iso) {
    if (!iso) return;
    const at = Date.parse(iso);
    if (!Number.isNaN(at)) state.clockOffsetMs = at - Date.now();
  }

  function now() { return Date.now() + state.clockOffsetMs; }

  function setZone(zone) { if (zone) state.zone = zone; }

  /** 24-hour time in the centre's zone: "14:05". */
  function time(iso) {
    if (!iso) return '';
    return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: state.zone })
      .format(new Date(iso));
  }

  /** Date and time: "09:00 27/11/2026". */
  function dateTime(iso) {
    if (!iso) return '';
    const d = new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: state.zone })
      .format(new Date(iso));
    return time(iso) + ' ' + d;
  }

  /** Whole minutes between two moments (never negative). */
  function minutesBetween(fromIso, toMs) {
    if (!fromIso) return null;
    return Math.max(0, Math.floor((toMs - Date.parse(fromIso)) / 60000));
  }

  /** "m:ss" (or "h:mm:ss") for a duration in seconds. */
  function clock(seconds) {
    if (seconds === null || seconds === undefined) return '–';
    const s = Math.max(0, Math.floor(seconds));
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const ss = String(s % 60).padStart(2, '0');
    return h > 0 ? h + ':' + String(m).padStart(2, '0') + ':' + ss : m + ':' + ss;
  }

  /** "khoảng 15 phút", or "–" when there is no estimate. */
  function aboutMinutes(minutes) {
    return minutes === null || minutes === undefined ? '–' : t('word.aboutMinutes', { minutes });
  }

  /** The catalogue every staff page needs: sites, services and priority groups, by id. */
  async function catalogue() {
    const [sites, services] = await Promise.all([get('/api/v1/sites'), get('/api/v1/services')]);
    setZone(sites.timeZone);
    const byId = (list) => Object.fromEntries(list.map((x) => [x.id, x]));
    return {
      centre: sites.centre,
      sites: sites.sites,
      site: byId(sites.sites),
      services: services.services,
      service: byId(services.services),
      priorityGroups: services.priorityGroups,
      priorityGroup: byId(services.priorityGroups),
    };
  }

  /** Switches ?lang= and keeps the rest of the address. */
  function languageLink(anchor) {
    const params = new URLSearchParams(global.location.search);
    params.set('lang', global.Luot.i18n.lang() === 'en' ? 'vi' : 'en');
    anchor.href = global.location.pathname + '?' + params.toString();
  }

  global.Luot = global.Luot || {};
  global.Luot.Staff = {
    ApiError, token, who, headers, readBody, get, login, logout, mountLogin, unauthorized,
    syncClock, now, time, dateTime, minutesBetween, clock, aboutMinutes, catalogue, languageLink,
  };
})(window);
