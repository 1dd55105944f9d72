/* The landing page: its words from the bundles, and the link to the other language. */
Luot.i18n.load(null).then((lang) => {
  Luot.i18n.apply();
  document.getElementById('language').href = lang === 'en' ? '?lang=vi' : '?lang=en';
});
