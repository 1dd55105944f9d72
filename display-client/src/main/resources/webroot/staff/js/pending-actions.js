/*
 * Luot.PendingActions: staff clicks that must happen exactly once, even over a network that drops.
 *
 * Every click becomes one action with its own Idempotency-Key. Actions go to the server one at a time,
 * in the order they were made. An action that gets no answer (network down, timeout, 502/503/504) is
 * sent again with the SAME key and the SAME body until the server answers, with a growing pause: the
 * server does it once and answers every retry with the first outcome. A refusal (4xx) drops the
 * action, and the ones queued behind it, since they assumed it would work. The queue is kept in
 * sessionStorage, so even a reload of the page neither loses a click nor repeats it.
 *
 * The body of an action is decided when it reaches the head of the queue (by the page's resolve
 * function, e.g. "the ticket now at my counter"), then frozen for all its retries.
 */
(function (global) {
  'use strict';

  const RETRY_MS = [300, 1000, 2000, 4000, 8000];
  const TIMEOUT_MS = 8000;
  const RETRYABLE = new Set([0, 502, 503, 504]);

  /** Thrown by a resolve function when an action no longer makes sense (say, no ticket to start). */
  class Dropped extends Error {
    constructor(message) {
      super(message);
      this.dropped = true;
    }
  }

  class PendingActions {
    /**
     * @param {{storageKey: string, resolve: function(object): object,
     *          onDone: function(object, number, object), onDropped: function(object, Error),
     *          onChange?: function(Array)}} options
     */
    constructor(options) {
      this.options = options;
      this.queue = this.load();
      this.busy = false;
      this.paused = false;
      this.timer = null;
    }

    load() {
      try {
        const saved = JSON.parse(global.sessionStorage.getItem(this.options.storageKey));
        return Array.isArray(saved) ? saved.map((a) => Object.assign(a, { sending: false })) : [];
      } catch (e) {
        return [];
      }
    }

    save() {
      global.sessionStorage.setItem(this.options.storageKey, JSON.stringify(this.queue));
    }

    list() {
      return this.queue.slice();
    }

    kinds() {
      return this.queue.map((a) => a.kind);
    }

    /** Records one click. Returns the action; it is sent as soon as those before it are done. */
    add(kind, path, params, label) {
      const action = {
        key: global.Luot.newIdempotencyKey(), kind, path, params: params || {}, label: label || kind,
        payload: null, attempts: 0, nextAttemptAt: null, sending: false, createdAt: Date.now(),
      };
      this.queue.push(action);
      this.save();
      this.changed();
      this.pump();
      return action;
    }

    /** After a new login, or when the connection is back: try the head now. */
    retryNow() {
      this.paused = false;
      clearTimeout(this.timer);
      this.timer = null;
      if (this.queue[0]) this.queue[0].nextAttemptAt = null;
      this.pump();
    }

    changed() {
      if (this.options.onChange) this.options.onChange(this.list());
    }

    async pump() {
      if (this.busy || this.paused || this.timer) return;
      const action = this.queue[0];
      if (!action) return;
      if (action.payload === null) {
        try {
          action.payload = JSON.stringify(this.options.resolve(action) || {});
          this.save();
        } catch (reason) {
          this.dropFromHead(reason);
          this.pump();
          return;
        }
      }
      this.busy = true;
      action.sending = true;
      this.changed();
      let status = 0;
      let body = null;
      try {
        const response = await this.send(action);
        body = await global.Luot.Staff.readBody(response);
        status = response.status;
        // A success must carry its answer (only 204 has none): a broken one counts as no answer.
        if (status !== 204 && status >= 200 && status < 300 && body === null) status = 0;
      } catch (e) {
        status = 0; // no answer: the network is down, the connection dropped mid-answer, or it timed out
      }
      this.busy = false;
      action.sending = false;
      if (status >= 200 && status < 300) {
        this.queue.shift();
        this.save();
        this.options.onDone(action, status, body);
        this.changed();
        this.pump();
      } else if (status === 401) {
        this.paused = true;
        this.changed();
        global.Luot.Staff.unauthorized();
      } else if (RETRYABLE.has(status)) {
        this.scheduleRetry(action);
      } else {
        this.dropFromHead(new global.Luot.Staff.ApiError(status, body));
        this.pump();
      }
    }

    send(action) {
      const abort = new AbortController();
      const timeout = setTimeout(() => abort.abort(), TIMEOUT_MS);
      return fetch(action.path, {
        method: 'POST',
        headers: global.Luot.Staff.headers({ 'Idempotency-Key': action.key }),
        body: action.payload,
        signal: abort.signal,
        cache: 'no-store',
      }).finally(() => clearTimeout(timeout));
    }

    scheduleRetry(action) {
      const delay = RETRY_MS[Math.min(action.attempts, RETRY_MS.length - 1)];
      action.attempts++;
      action.nextAttemptAt = Date.now() + delay;
      this.save();
      this.changed();
      this.timer = setTimeout(() => {
        this.timer = null;
        this.pump();
      }, delay);
    }

    /** The head failed for good: it and everything queued behind it (which assumed it) are dropped. */
    dropFromHead(reason) {
      const dropped = this.queue.splice(0, this.queue.length);
      this.save();
      this.options.onDropped(dropped[0], reason, dropped.slice(1));
      this.changed();
    }
  }

  global.Luot = global.Luot || {};
  global.Luot.PendingActions = PendingActions;
  global.Luot.PendingActions.Dropped = Dropped;
})(window);
