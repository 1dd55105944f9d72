/*
 * Luot.newIdempotencyKey(): a random UUID to send as the Idempotency-Key of one press or tap, so a
 * retry of that press is recognised and never done twice. crypto.randomUUID exists only in a secure
 * context, which a kiosk or a workstation on the centre's LAN (plain http) may not be; getRandomValues
 * works everywhere.
 */
(function (global) {
  'use strict';

  function newIdempotencyKey() {
    if (typeof global.crypto.randomUUID === 'function') return global.crypto.randomUUID();
    const b = global.crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;   // version 4
    b[8] = (b[8] & 0x3f) | 0x80;   // the RFC 4122 variant
    const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20);
  }

  global.Luot = global.Luot || {};
  global.Luot.newIdempotencyKey = newIdempotencyKey;
})(window);
