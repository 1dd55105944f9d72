/*
 * Luot.Notices: the managers' notices on a hall display or a kiosk (issue 10), kept from the site's
 * live stream: a snapshot carries the notices shown now (`notices`), then `notice.posted` adds one and
 * `notice.ended` takes it away (the server ends it at its end time, also after a restart). A
 * `tickets.leaving` message (tickets moved to the other site) is shown for two minutes.
 * Each is drawn in the page's language, Vietnamese first; nothing here decides what is shown.
 */
(function (global) {
  'use strict';

  const LEAVING_SHOWN_MS = 120000;

  class Notices {
    /** @param {HTMLElement} element where the notices are listed; hidden when there are none */
    constructor(element) {
      this.element = element;
      this.notices = new Map();
      this.leaving = [];
    }

    /** Replaces everything with a snapshot's notices. */
    load(snapshot) {
      this.notices = new Map((snapshot.notices || []).map((n) => [n.id, n]));
      this.render();
    }

    /** Applies one message of the stream; others are ignored. */
    apply(message) {
      if (message.type === 'notice.posted' && message.notice) {
        this.notices.set(message.notice.id, message.notice);
      } else if (message.type === 'notice.ended') {
        this.notices.delete(message.noticeId);
      } else if (message.type === 'tickets.leaving' && message.message) {
        const entry = { id: 'leaving-' + message.seq, text: message.message };
        this.leaving.push(entry);
        setTimeout(() => { this.leaving = this.leaving.filter((e) => e !== entry); this.render(); }, LEAVING_SHOWN_MS);
      } else {
        return;
      }
      this.render();
    }

    texts() {
      return [...this.notices.values()].map((n) => n.text).concat(this.leaving.map((e) => e.text));
    }

    render() {
      const items = [...this.notices.values()].map((n) => ({ id: n.id, text: n.text }))
        .concat(this.leaving.map((e) => ({ id: e.id, text: e.text, leaving: true })));
      this.element.replaceChildren(...items.map((item) => {
        const p = document.createElement('p');
        p.className = 'manager-notice' + (item.leaving ? ' leaving' : '');
        p.dataset.notice = item.id;
        p.textContent = global.Luot.i18n.name(item.text);
        return p;
      }));
      this.element.hidden = items.length === 0;
    }
  }

  global.Luot = global.Luot || {};
  global.Luot.Notices = Notices;
})(window);
