/*
 * Luot.Qr.draw(element, text): the QR code of a text as an SVG drawn into element, for a phone to scan
 * from the screen (the kiosk shows the ticket's tracking link when its printer cannot print it).
 * The encoding is qrcode-generator's (common/vendor/qrcode-generator, MIT), served from the jar.
 */
(function (global) {
  'use strict';

  const SVG = 'http://www.w3.org/2000/svg';
  const QUIET_ZONE = 4;   // modules of white around the code, as the standard asks

  function draw(element, text) {
    const code = global.qrcode(0, 'M');
    code.addData(text);
    code.make();
    const count = code.getModuleCount();
    const size = count + QUIET_ZONE * 2;
    let d = '';
    for (let row = 0; row < count; row++) {
      for (let col = 0; col < count; col++) {
        if (code.isDark(row, col)) d += 'M' + (col + QUIET_ZONE) + ',' + (row + QUIET_ZONE) + 'h1v1h-1z';
      }
    }
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 ' + size + ' ' + size);
    svg.setAttribute('shape-rendering', 'crispEdges');
    svg.setAttribute('aria-hidden', 'true');
    const background = document.createElementNS(SVG, 'rect');
    background.setAttribute('width', String(size));
    background.setAttribute('height', String(size));
    background.setAttribute('fill', '#fff');
    const modules = document.createElementNS(SVG, 'path');
    modules.setAttribute('d', d);
    modules.setAttribute('fill', '#000');
    svg.append(background, modules);
    element.replaceChildren(svg);
    element.dataset.text = text;
    element.dataset.modules = String(count);
  }

  global.Luot = global.Luot || {};
  global.Luot.Qr = { draw };
})(window);
