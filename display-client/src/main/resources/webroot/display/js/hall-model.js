/*
 * Luot.HallModel: what a hall display knows about one site, kept from the site's live stream.
 *
 * It holds the counters (with the ticket each one is calling or serving), the waiting lines and the
 * latest calls, exactly as the last snapshot and the events after it left them; events carry whole
 * states, so applying one is replacing what it names. The page only draws what this model answers.
 *
 * A call is "current" while its ticket is still at that counter. Calls that were current once but are
 * not any more (completed, transferred, sent back to the queue) stay in the history, never on top.
 * Pure logic, no page: tests can drive it directly.
 */
(function (global) {
  'use strict';

  const CALL_EVENTS = { 'ticket.called': false, 'ticket.recalled': true };
  const KEPT_CALLS = 50;

  class HallModel {
    /**
     * @param {{siteId: string, historySize?: number, services?: string[]|null, counters?: number[]|null}} options
     *        services and counters, when given, limit what the display shows (the URL's options).
     */
    constructor(options) {
      this.siteId = options.siteId;
      this.historySize = options.historySize || 8;
      this.services = options.services && options.services.length ? new Set(options.services) : null;
      this.counterFilter = options.counters && options.counters.length ? new Set(options.counters.map(Number)) : null;
      this.counters = new Map();
      this.lines = new Map();
      this.calls = [];
      this.seen = new Set();
      this.loaded = false;
    }

    /**
     * Replaces everything with a snapshot.
     * @return {object[]} the calls this snapshot shows that the model had not seen and that still wait for
     *         their citizen (made while the display was offline), oldest first; none on the first snapshot.
     */
    load(snapshot) {
      this.counters = new Map((snapshot.counters || []).map((c) => [Number(c.id), c]));
      this.lines = new Map((snapshot.queues || []).map((q) => [q.serviceId, q]));
      this.calls = (snapshot.recentCalls || []).map((c) => Object.assign({}, c, { counterId: Number(c.counterId) }));
      const first = !this.loaded;
      this.loaded = true;
      const missed = this.calls.filter((c) => !this.seen.has(key(c)));
      // A call can only come back in a later snapshot while it is among the latest: forget the others.
      this.seen = new Set(this.calls.map(key));
      if (first) return [];
      return missed.filter((c) => this.waitsForCitizen(c) && this.shows(c)).reverse();
    }

    /**
     * Applies one event of the stream.
     * @return {object|null} the call it made, if it is a call or recall this display shows
     */
    apply(event) {
      if (event.counter) this.counters.set(Number(event.counter.id), event.counter);
      (event.queues || []).forEach((q) => this.lines.set(q.serviceId, q));
      const ticket = event.ticket;
      if (!(event.type in CALL_EVENTS) || !ticket || ticket.siteId !== this.siteId || ticket.counterId == null) {
        return null;
      }
      const call = {
        ticketId: ticket.id,
        number: ticket.number,
        serviceId: ticket.serviceId,
        counterId: Number(ticket.counterId),
        at: event.at,
        recall: CALL_EVENTS[event.type],
      };
      if (!event.counter) this.seat(call, ticket);
      this.calls.unshift(call);
      this.calls.length = Math.min(this.calls.length, KEPT_CALLS);
      this.seen.add(key(call));
      if (this.seen.size > 4 * KEPT_CALLS) this.seen = new Set(this.calls.map(key));   // a TV runs for weeks
      return this.shows(call) ? call : null;
    }

    /** The calls whose ticket is still at the counter, newest first, one per ticket. */
    currentCalls() {
      const done = new Set();
      return this.calls.filter((c) => {
        if (done.has(c.ticketId) || !this.isCurrent(c) || !this.shows(c)) return false;
        done.add(c.ticketId);
        return true;
      }).map((c) => Object.assign({ status: this.counters.get(c.counterId).current.status }, c));
    }

    /** The latest calls, newest first, current or not. */
    history() {
      return this.calls.filter((c) => this.shows(c)).slice(0, this.historySize);
    }

    /** The waiting lines of the services shown, in the order given (the site's order). */
    queues(serviceOrder) {
      const ids = serviceOrder || Array.from(this.lines.keys());
      return ids.filter((id) => this.lines.has(id) && (!this.services || this.services.has(id)))
        .map((id) => this.lines.get(id));
    }

    counter(id) {
      return this.counters.get(Number(id)) || null;
    }

    isCurrent(call) {
      const counter = this.counters.get(call.counterId);
      return !!(counter && counter.current && counter.current.ticketId === call.ticketId);
    }

    /** Current, and still called rather than already being served: a citizen may be on the way. */
    waitsForCitizen(call) {
      return this.isCurrent(call) && this.counters.get(call.counterId).current.status === 'called';
    }

    shows(call) {
      return (!this.services || this.services.has(call.serviceId))
        && (!this.counterFilter || this.counterFilter.has(call.counterId));
    }

    /** A call event without its counter (not expected from the server): seat the ticket ourselves. */
    seat(call, ticket) {
      const counter = Object.assign({ id: call.counterId, state: 'open' }, this.counters.get(call.counterId));
      counter.current = { ticketId: ticket.id, number: ticket.number, serviceId: ticket.serviceId,
        status: ticket.status, calledAt: ticket.calledAt };
      this.counters.set(call.counterId, counter);
    }
  }

  /** One call of one ticket; to the second, because a restarted server reads times back from the database. */
  function key(call) {
    return call.ticketId + '@' + Math.floor(Date.parse(call.at) / 1000);
  }

  global.Luot = global.Luot || {};
  global.Luot.HallModel = HallModel;
})(window);
