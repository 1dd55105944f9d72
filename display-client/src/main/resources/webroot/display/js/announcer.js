/*
 * Luot.Announcer: the hall's voice. A call becomes a chime, then the sentence read by Luot.Reading and
 * played clip by clip from audio/manifest.json.
 *
 * - One queue, one <audio> element: announcements play one after another and can never overlap.
 * - Every clip is fetched once when the page starts and kept in memory, so a call is announced even
 *   when the network is gone by then; nothing comes from the internet.
 * - A first call says the sentence `firstCall` times, a recall `recall` times (from /api/v1/sites).
 * - The voice keeps up with a busy hall (every call said within 20 s at 10 calls a minute): when a call
 *   arrives while another is being said, the one being said stops after its current sentence; and calls
 *   that wait are said together, once, after one chime: "Xin mời công dân có số thứ tự A017 đến quầy số
 *   năm, B003 đến quầy số hai" (up to MAX_JOINED calls; other voices are left out then). An
 *   announcement that follows the previous one at once continues the series without a new chime.
 * - When its turn comes, an announcement whose ticket has left the counter meanwhile is skipped.
 * - If the browser refuses to play sound without a tap (autoplay policy), announcements are marked
 *   "blocked" and dropped, never piled up, and onBlocked lets the page ask for a tap.
 *
 * log() returns a copy of every announcement with the words and clips it played, for tests and for
 * a technician: {ticketId, number, counter, recall, sentences: [text], clips: [file], state, queuedAt,
 * startedAt, saidAt (when its number and counter had been said), endedAt, joinedWith, shortened}.
 */
(function (global) {
  'use strict';

  const CLIP_LIMIT_MS = 6000;   // a clip that neither ends nor fails by then is given up on
  const MAX_JOINED = 3;         // calls said in one breath at most: more would be hard to follow
  const SERIES_MS = 1500;       // an announcement starting this soon after the last one continues a series

  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  class Announcer {
    /**
     * @param {{baseUrl?: string, voices?: string[], repeats?: {firstCall: number, recall: number},
     *          stillCurrent?: function(object): boolean, onBlocked?: function()}} options
     */
    constructor(options) {
      this.baseUrl = options.baseUrl || '/display/audio/';
      this.voiceNames = options.voices || ['vi'];
      this.repeats = options.repeats || { firstCall: 2, recall: 1 };
      this.stillCurrent = options.stillCurrent || (() => true);
      this.onBlocked = options.onBlocked || (() => {});
      this.sources = new Map();
      /** One ready <audio> per clip: switching sources costs a few hundred milliseconds a word. */
      this.elements = new Map();
      this.lastEndedAt = 0;
      this.queue = [];
      this.entries = [];
      this.busy = false;
      this.manifest = null;
    }

    /** Loads the manifest and every clip the chosen voices use. */
    async load() {
      const response = await fetch(this.baseUrl + 'manifest.json', { cache: 'no-cache' });
      if (!response.ok) throw new Error('audio manifest: HTTP ' + response.status);
      this.manifest = await response.json();
      this.voiceNames = this.voiceNames.filter((name) => this.manifest.voices[name]);
      const files = new Set([this.manifest.chime]);
      this.voiceNames.forEach((name) => Object.values(this.manifest.voices[name].clips).forEach((f) => files.add(f)));
      await Promise.all(Array.from(files).map((file) => this.keep(file)));
      return this;
    }

    /** Keeps a clip in memory; if it cannot be fetched now, it is played from the server later. */
    async keep(file) {
      try {
        const response = await fetch(this.baseUrl + file);
        if (!response.ok) throw new Error('HTTP ' + response.status);
        this.sources.set(file, URL.createObjectURL(await response.blob()));
      } catch (e) {
        this.sources.set(file, this.baseUrl + file);
      }
    }

    /** Queues the announcement of a call {ticketId, number, counterId, recall}; returns its log entry. */
    announce(call) {
      const entry = {
        ticketId: call.ticketId,
        number: call.number,
        counter: call.counterId,
        recall: !!call.recall,
        repeats: call.recall ? this.repeats.recall : this.repeats.firstCall,
        sentences: [],
        clips: [],
        played: [],
        state: 'queued',
        queuedAt: Date.now(),
        startedAt: null,
        endedAt: null,
      };
      try {
        this.plan(entry);
      } catch (e) {
        entry.state = 'unreadable';
        entry.error = String(e.message || e);
        this.entries.push(entry);
        return copy(entry);
      }
      this.entries.push(entry);
      this.queue.push(entry);
      this.next();
      return copy(entry);
    }

    /** The chime, then the sentence in the first voice `repeats` times, then once in each other voice. */
    plan(entry) {
      if (!this.manifest) throw new Error('the voice is not loaded');
      entry.clips.push(this.manifest.chime);
      this.voiceNames.forEach((name, i) => {
        const voice = this.manifest.voices[name];
        const words = Luot.Reading.sentenceWords(entry.number, entry.counter, voice);
        const clips = Luot.Reading.clipsFor(words, voice);
        for (let r = 0; r < (i === 0 ? entry.repeats : 1); r++) {
          entry.sentences.push(words.join(' '));
          entry.clips.push(...clips);
          sentenceClips(entry).push(clips.length);
        }
      });
    }

    async next() {
      if (this.busy) return;
      const group = [];
      while (this.queue.length > 0 && group.length < MAX_JOINED) {
        const entry = this.queue.shift();
        if (this.stillCurrent(entry)) {
          group.push(entry);
        } else {
          entry.state = 'skipped';
          entry.endedAt = Date.now();
        }
      }
      if (group.length === 0) return;
      this.busy = true;
      const startedAt = Date.now();
      group.forEach((entry) => {
        entry.state = 'playing';
        entry.startedAt = startedAt;
        if (group.length > 1) entry.joinedWith = group.filter((other) => other !== entry).map((other) => other.number);
      });
      try {
        await (group.length === 1 ? this.speak(group[0]) : this.speakJoined(group));
        group.forEach((entry) => { entry.state = 'done'; });
      } catch (e) {
        const state = e && e.name === 'NotAllowedError' ? 'blocked' : 'failed';
        group.forEach((entry) => {
          entry.state = state;
          entry.error = String((e && e.message) || e);
        });
        if (state === 'blocked') this.onBlocked();
      } finally {
        const endedAt = Date.now();
        group.forEach((entry) => { entry.endedAt = endedAt; });
        this.lastEndedAt = endedAt;
        this.busy = false;
      }
      this.next();
    }

    /**
     * One call: the chime, then its sentences. When another call comes in meanwhile, it stops after the
     * sentence it is saying (the call is on the screen, and the next citizen should not wait).
     */
    async speak(entry) {
      const pauses = this.manifest.pauses || {};
      const lengths = sentenceClips(entry);
      await this.chime(entry);
      let at = 1;
      if (entry.chimeSkipped) {
        entry.clips = entry.clips.slice(1);
        at = 0;
      }
      for (let s = 0; s < lengths.length; s++) {
        if (s > 0 && this.queue.length > 0) {
          entry.shortened = true;
          entry.sentences = entry.sentences.slice(0, s);
          entry.clips = entry.clips.slice(0, at);
          return;
        }
        if (s > 0) await sleep(pauses.betweenSentencesMs || 0);
        for (let i = 0; i < lengths[s]; i++) {
          await this.play(entry.clips[at + i], entry);
          if (i < lengths[s] - 1) await sleep(pauses.betweenWordsMs || 0);
        }
        if (s === 0) entry.saidAt = Date.now();
        at += lengths[s];
      }
    }

    /** Several waiting calls after one chime, in one sentence said once, in the first voice. */
    async speakJoined(group) {
      const pauses = this.manifest.pauses || {};
      const voice = this.manifest.voices[this.voiceNames[0]];
      const first = Luot.Reading.sentenceWords(group[0].number, group[0].counter, voice);
      const rest = group.slice(1).map((entry) => Luot.Reading.continuationWords(entry.number, entry.counter, voice));
      const words = first.concat(...rest);
      const clips = Luot.Reading.clipsFor(words, voice);
      const text = [first.join(' ')].concat(rest.map((r) => r.join(' '))).join(', ');
      const log = { played: [] };
      await this.chime(log);
      group.forEach((entry) => {
        entry.sentences = [text];
        entry.clips = (log.chimeSkipped ? [] : [this.manifest.chime]).concat(clips);
        if (log.chimeSkipped) entry.chimeSkipped = true;
      });
      const ends = new Set();
      let count = 0;
      [first].concat(rest).forEach((call) => { count += call.length; ends.add(count); });
      const calls = [first].concat(rest).map((call) => call.length);
      let call = 0;
      let callEnd = calls[0];
      for (let i = 0; i < clips.length; i++) {
        await this.play(clips[i], log);
        if (i + 1 === callEnd) {
          group[call].saidAt = Date.now();   // this call's number and counter have been said
          call++;
          callEnd += calls[call] || 0;
        }
        if (i + 1 < clips.length) {
          await sleep(ends.has(i + 1) ? (pauses.betweenSentencesMs || 0) / 2 : (pauses.betweenWordsMs || 0));
        }
      }
      group.forEach((entry) => { entry.played = log.played.slice(); });
    }

    /**
     * The chime that makes the hall look up, unless the voice has just finished another call: in a
     * series of calls the hall is already listening, and the chime would only make the next citizen wait.
     */
    async chime(log) {
      if (Date.now() - this.lastEndedAt < SERIES_MS) {
        log.chimeSkipped = true;
        return;
      }
      await this.play(this.manifest.chime, log);
      await sleep((this.manifest.pauses || {}).afterChimeMs || 0);
    }

    /** Plays one clip to its end. Resolves on end, error or time limit; rejects when sound is not allowed. */
    play(file, entry) {
      let audio = this.elements.get(file);
      if (!audio) {
        audio = new Audio(this.sources.get(file) || this.baseUrl + file);
        audio.preload = 'auto';
        this.elements.set(file, audio);
      }
      audio.currentTime = 0;
      return new Promise((resolve, reject) => {
        let settled = false;
        const finish = (outcome) => {
          if (settled) return;
          settled = true;
          clearTimeout(limit);
          audio.onended = null;
          audio.onerror = null;
          entry.played.push({ clip: file, outcome });
          resolve(outcome);
        };
        const limit = setTimeout(() => { audio.pause(); finish('timeout'); }, CLIP_LIMIT_MS);
        audio.onended = () => finish('ended');
        audio.onerror = () => finish('error');
        const started = audio.play();
        if (started && started.catch) {
          started.catch((e) => {
            if (settled) return;
            if (e && e.name === 'NotAllowedError') {
              settled = true;
              clearTimeout(limit);
              reject(e);
            } else {
              finish('error');
            }
          });
        }
      });
    }

    /** A read-only copy of every announcement so far, oldest first. */
    log() {
      return this.entries.map(copy);
    }
  }

  function copy(entry) {
    const copied = JSON.parse(JSON.stringify(entry));
    delete copied.sentenceClips;
    return copied;
  }

  /** How many clips each planned sentence has (kept with the entry, not shown in the log). */
  function sentenceClips(entry) {
    if (!entry.sentenceClips) Object.defineProperty(entry, 'sentenceClips', { value: [], enumerable: false });
    return entry.sentenceClips;
  }

  global.Luot = global.Luot || {};
  global.Luot.Announcer = Announcer;
})(window);
