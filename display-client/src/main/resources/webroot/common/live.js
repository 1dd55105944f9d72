/*
 * Luot.SiteStream: follows a hall's live stream, /ws/sites/{siteId}.
 *
 * The server sends a snapshot (with a sequence number), then every event with a sequence number one
 * higher than the last, and a heartbeat every 10 seconds carrying the latest number. This client:
 *  - hands the snapshot and each in-order event to the page;
 *  - on a gap (or a heartbeat ahead of what it has) asks for a fresh snapshot and ignores events until it comes;
 *  - when the connection drops or goes silent, reports "offline" and reconnects with backoff;
 *    every reconnection starts again from a snapshot, so the page never keeps stale state.
 */
(function (global) {
  'use strict';

  const SILENCE_MS = 25000;          // two missed heartbeats: the connection is dead even if not closed
  const BACKOFF_MS = [500, 1000, 2000, 4000, 8000];

  class SiteStream {
    /**
     * @param {string} siteId
     * @param {{onSnapshot: function(object), onEvent: function(object), onStatus?: function(string)}} handlers
     *        onStatus receives 'connecting', 'online' (after a snapshot) or 'offline'.
     */
    constructor(siteId, handlers, options) {
      this.siteId = siteId;
      this.handlers = handlers;
      this.options = options || {};
      this.seq = null;
      this.synced = false;
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

    url() {
      const base = this.options.baseUrl || global.location.origin;
      return base.replace(/^http/, 'ws') + '/ws/sites/' + encodeURIComponent(this.siteId);
    }

    connect() {
      this.status('connecting');
      this.synced = false;
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
      if (message.type === 'snapshot') {
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
      if (this.socket && this.socket.readyState === WebSocket.OPEN) {
        this.socket.send(JSON.stringify({ type: 'resync' }));
      }
    }

    lost(socket) {
      if (socket !== this.socket) return;
      clearTimeout(this.watchdog);
      this.synced = false;
      this.status('offline');
      if (!this.stopped) this.scheduleReconnect();
    }

    scheduleReconnect() {
      const base = BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)];
      this.attempt++;
      const delay = base / 2 + Math.random() * base / 2;
      setTimeout(() => { if (!this.stopped) this.connect(); }, delay);
    }

    armWatchdog(socket) {
      clearTimeout(this.watchdog);
      this.watchdog = setTimeout(() => socket.close(), this.options.silenceMs || SILENCE_MS);
    }

    status(value) {
      if (this.handlers.onStatus) this.handlers.onStatus(value);
    }
  }

  global.Luot = global.Luot || {};
  global.Luot.SiteStream = SiteStream;
})(window);
