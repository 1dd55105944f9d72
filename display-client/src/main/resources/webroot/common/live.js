/*
 * Luot.SiteStream: follows a hall's live stream, /ws/sites/{siteId}.
 *
 * The server sends a snapshot (with a sequence number), then every event with a sequence number one
 * higher than the last, and a heartbeat every 10 seconds carrying the latest number. This client:
 *  - hands the snapshot and each in-order event to the page;
 *  - on a gap (or a heartbeat ahead of what it has) asks for a fresh snapshot and ignores events until it comes;
 *  - when the connection drops or goes silent, reports "offline" and reconnects with backoff;
 *    every reconnection starts again from a snapshot, so the page never keeps stale state;
 *  - when a snapshot it asked for does not come within a few seconds, starts over on a new socket.
 *
 * Luot.TicketStream: follows one ticket, /ws/tickets/{ticketId}, for a citizen's phone. Each message
 * is the ticket's whole standing, so there is nothing to resynchronise: it reconnects with backoff when
 * the connection drops, and also when the phone wakes up or gets its network back (a sleeping phone's
 * socket can be dead without having been closed). A ticket that does not exist ends the stream.
 */
(function (global) {
  'use strict';

  const SILENCE_MS = 25000;          // two missed heartbeats: the connection is dead even if not closed
  const RESYNC_MS = 5000;            // a snapshot asked for and not come by then: start over on a new socket
  const BACKOFF_MS = [500, 1000, 2000, 4000, 8000];

  /** The wait before reconnection attempt number `attempt` (0, 1, ...): growing, with jitter. */
  function backoff(attempt) {
    const base = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)];
    return base / 2 + Math.random() * base / 2;
  }

  function socketUrl(options, path) {
    const base = (options && options.baseUrl) || global.location.origin;
    return base.replace(/^http/, 'ws') + path;
  }

  /**
   * What both streams share: one WebSocket at a time, a watchdog that closes it after a silence (the
   * server sends a heartbeat every 10 seconds), reconnection with backoff, and a status for the page.
   * A stream gives url() and handle(message), and may add to connect(), closed() and stop().
   * A stream that was stopped on purpose reports nothing more.
   */
  class LiveSocket {
    constructor(handlers, options) {
      this.handlers = handlers;
      this.options = options || {};
      this.attempt = 0;
      this.stopped = false;
      this.socket = null;
      this.watchdog = null;
    }

    start() {
      this.stopped = false;
      this.connect();
      return this;
    }

    stop() {
      this.stopped = true;
      clearTimeout(this.watchdog);
      if (this.socket) this.socket.close();
    }

    connect() {
      this.status('connecting');
      let socket;
      try {
        socket = new WebSocket(this.url());
      } catch (e) {
        this.scheduleReconnect();
        return;
      }
      this.socket = socket;
      socket.onmessage = (m) => this.receive(socket, m.data);
      socket.onclose = () => this.lost(socket);
      socket.onerror = () => socket.close();
      this.armWatchdog(socket);
    }

    receive(socket, data) {
      if (socket !== this.socket) return;
      this.armWatchdog(socket);
      let message;
      try {
        message = JSON.parse(data);
      } catch (e) {
        return;
      }
      this.handle(message);
    }

    lost(socket) {
      if (socket !== this.socket) return;
      this.socket = null;
      clearTimeout(this.watchdog);
      this.closed();
      if (this.stopped) return;
      this.status('offline');
      this.scheduleReconnect();
    }

    /** What a stream forgets when its socket closes. */
    closed() {
    }

    scheduleReconnect() {
      const delay = backoff(this.attempt++);
      setTimeout(() => { if (!this.stopped && !this.socket) this.connect(); }, delay);
    }

    armWatchdog(socket) {
      clearTimeout(this.watchdog);
      this.watchdog = setTimeout(() => socket.close(), this.options.silenceMs || SILENCE_MS);
    }

    status(value) {
      if (this.handlers.onStatus) this.handlers.onStatus(value);
    }
  }

  class SiteStream extends LiveSocket {
    /**
     * @param {string} siteId
     * @param {{onSnapshot: function(object), onEvent: function(object), onStatus?: function(string),
     *          onHeartbeat?: function(object)}} handlers
     *        onStatus receives 'connecting', 'online' (after a snapshot) or 'offline';
     *        onHeartbeat an in-step heartbeat (it carries the server's time).
     */
    constructor(siteId, handlers, options) {
      super(handlers, options);
      this.siteId = siteId;
      this.seq = null;
      this.synced = false;
      this.resyncTimer = null;
    }

    stop() {
      clearTimeout(this.resyncTimer);
      super.stop();
    }

    url() {
      return socketUrl(this.options, '/ws/sites/' + encodeURIComponent(this.siteId));
    }

    connect() {
      this.synced = false;
      super.connect();
    }

    handle(message) {
      if (message.type === 'snapshot') {
        clearTimeout(this.resyncTimer);
        this.seq = message.seq;
        this.synced = true;
        this.attempt = 0;
        this.handlers.onSnapshot(message);
        this.status('online');
        return;
      }
      if (!this.synced) return;
      if (message.type === 'heartbeat') {
        if (message.seq !== this.seq) this.resync();
        else if (this.handlers.onHeartbeat) this.handlers.onHeartbeat(message);
        return;
      }
      if (typeof message.seq !== 'number' || message.seq <= this.seq) return;
      if (message.seq !== this.seq + 1) {
        this.resync();
        return;
      }
      this.seq = message.seq;
      this.handlers.onEvent(message);
    }

    /** Asks for a fresh snapshot; events are ignored until it arrives. */
    resync() {
      this.synced = false;
      const socket = this.socket;
      if (socket && socket.readyState === WebSocket.OPEN) {
        socket.send(JSON.stringify({ type: 'resync' }));
        clearTimeout(this.resyncTimer);
        this.resyncTimer = setTimeout(() => { if (!this.synced) socket.close(); }, this.options.resyncMs || RESYNC_MS);
      }
    }

    closed() {
      clearTimeout(this.resyncTimer);
      this.synced = false;
    }
  }

  class TicketStream extends LiveSocket {
    /**
     * @param {string} ticketId
     * @param {{onTicket: function(object), onStatus?: function(string), onMissing?: function(string)}} handlers
     *        onTicket receives each {type:'ticket', ticket, position, estimatedWaitMinutes, countersOpen};
     *        onStatus 'connecting', 'online' (after the first message) or 'offline';
     *        onMissing the error code when the server says the ticket does not exist (no reconnection then).
     */
    constructor(ticketId, handlers, options) {
      super(handlers, options);
      this.ticketId = ticketId;
      this.wake = () => {
        if (!this.stopped && global.document.visibilityState !== 'hidden') this.reconnectNow();
      };
    }

    start() {
      global.document.addEventListener('visibilitychange', this.wake);
      global.addEventListener('online', this.wake);
      return super.start();
    }

    stop() {
      global.document.removeEventListener('visibilitychange', this.wake);
      global.removeEventListener('online', this.wake);
      super.stop();
    }

    url() {
      return socketUrl(this.options, '/ws/tickets/' + encodeURIComponent(this.ticketId));
    }

    /** Drops the current socket (perhaps silently dead) and opens a fresh one at once. */
    reconnectNow() {
      const old = this.socket;
      this.socket = null;
      if (old) old.close();
      this.attempt = 0;
      this.connect();
    }

    handle(message) {
      if (message.type === 'error') {
        this.stopped = true;
        if (this.handlers.onMissing) this.handlers.onMissing(message.error);
        return;
      }
      // A manager moved the ticket to the other site (issue 10): where to go now, Vietnamese first.
      if (message.type === 'moved') {
        if (this.handlers.onMoved) this.handlers.onMoved(message);
        return;
      }
      if (message.type !== 'ticket') return;
      this.attempt = 0;
      this.handlers.onTicket(message);
      this.status('online');
    }
  }

  global.Luot = global.Luot || {};
  global.Luot.SiteStream = SiteStream;
  global.Luot.TicketStream = TicketStream;
})(window);
