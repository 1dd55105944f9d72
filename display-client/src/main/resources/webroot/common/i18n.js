/*
 * Luot.i18n: the words on every page come from message bundles, never from the code.
 *
 * Bundles are JSON files: /common/i18n/{lang}.json for the words every page shares (the glossary),
 * and /{area}/i18n/{lang}.json for one page's own words. Vietnamese ("vi") is the default;
 * "?lang=en" switches to English. Elements with data-i18n="key" get their text from the bundle.
 */
(function (global) {
  'use strict';

  const state = { lang: 'vi', words: {} };

  async function fetchBundle(url) {
    const response = await fetch(url, { cache: 'no-cache' });
    return response.ok ? response.json() : {};
  }

  /** Loads the shared bundle and the area's bundle for the page's language. */
  async function load(area, lang) {
    state.lang = lang || new URLSearchParams(global.location.search).get('lang') || 'vi';
    if (state.lang !== 'en') state.lang = 'vi';
    const [common, own] = await Promise.all([
      fetchBundle('/common/i18n/' + state.lang + '.json'),
      area ? fetchBundle('/' + area + '/i18n/' + state.lang + '.json') : Promise.resolve({}),
    ]);
    state.words = Object.assign({}, common, own);
    document.documentElement.lang = state.lang;
    return state.lang;
  }

  /**
   * The words for a key, with {name} placeholders filled from params. A key whose words are an object
   * ({"one": "{count} person", "other": "{count} people"}) is chosen by the language's plural rule for
   * params.count (Intl.PluralRules); Vietnamese needs none.
   */
  function t(key, params) {
    let pattern = Object.prototype.hasOwnProperty.call(state.words, key) ? state.words[key] : key;
    if (pattern && typeof pattern === 'object') {
      const count = params && typeof params.count === 'number' ? params.count : 0;
      const form = new Intl.PluralRules(state.lang).select(count);
      pattern = pattern[form] !== undefined ? pattern[form] : pattern.other;
    }
    return String(pattern).replace(/\{(\w+)\}/g, (all, name) =>
      params && params[name] !== undefined && params[name] !== null ? params[name] : all);
  }

  /** Fills every [data-i18n] element under root. */
  function apply(root) {
    (root || document).querySelectorAll('[data-i18n]').forEach((el) => {
      el.textContent = t(el.getAttribute('data-i18n'));
    });
  }

  /** A {vi, en} name from the API, in the page's language. */
  function name(localized) {
    if (!localized) return '';
    return localized[state.lang] || localized.vi || '';
  }

  global.Luot = global.Luot || {};
  global.Luot.i18n = { load, t, apply, name, lang: () => state.lang };
})(window);
