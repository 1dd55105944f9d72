/*
 * Luot.Announcer: the hall's voice. A call becomes a chime, then the sentence read by Luot.Reading and
 * played clip by clip from audio/manifest.json.
 *
 * - One queue, one <audio> element: announcements play one after another and can never overlap.
 * - Every clip is fetched once when the page starts and kept in memory, so a call is announced even
 *   when the network is gone by then; nothing comes from the internet.
 * - A first call says the sentence `firstCall` times, a recall `recall` times (from /api/v1/sites).
 *   When two or more announcements are already waiting, a new one says it once, so the voice never
 *   falls minutes behind the screen.
 * - When its turn comes, an announcement whose ticket has left the counter meanwhile is skipped.
 * - If the browser refuses to play sound without a tap (autoplay policy), announcements are marked
 *   "blocked" and dropped, never piled up, and onBlocked lets the page ask for a tap.
 *
 * log() returns a copy of every announcement with the words and clips it played, for tests and for
 * a technician: {ticketId, number, counter, recall, sentences: [text], clips: [file], state, ...}.
 */
(function (global) {
  'use strict';

  const CLIP_LIMIT_MS = 6000;   // a clip that neither ends nor fails by then is given up on

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
      this.audio = new Audio();
      this.audio.preload = 'auto';
      this.sources = new Map();
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
      if (this.queue.length >= 2) entry.repeats = 1;
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
        }
      });
    }

    async next() {
      if (this.busy) return;
      const entry = this.queue.shift();
      if (!entry) return;
      this.busy = true;
      try {
        if (!this.stillCurrent(entry)) {
          entry.state = 'skipped';
        } else {
          entry.state = 'playing';
          entry.startedAt = Date.now();
          await this.speak(entry);
          entry.state = 'done';
        }
      } catch (e) {
        entry.state = e && e.name === 'NotAllowedError' ? 'blocked' : 'failed';
        entry.error = String((e && e.message) || e);
        if (entry.state === 'blocked') this.onBlocked();
      } finally {
        entry.endedAt = Date.now();
        this.busy = false;
      }
      this.next();
    }

    async speak(entry) {
      const pauses = this.manifest.pauses || {};
      const sentenceLength = (entry.clips.length - 1) / entry.sentences.length;
      await this.play(this.manifest.chime, entry);
      await sleep(pauses.afterChimeMs || 0);
      for (let i = 1; i < entry.clips.length; i++) {
        await this.play(entry.clips[i], entry);
        const endOfSentence = i % sentenceLength === 0;
        await sleep(endOfSentence ? (pauses.betweenSentencesMs || 0) : (pauses.betweenWordsMs || 0));
      }
    }

    /** Plays one clip to its end. Resolves on end, error or time limit; rejects when sound is not allowed. */
    play(file, entry) {
      const audio = this.audio;
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
        audio.src = this.sources.get(file) || this.baseUrl + file;
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
    return JSON.parse(JSON.stringify(entry));
  }

  global.Luot = global.Luot || {};
  global.Luot.Announcer = Announcer;
})(window);
