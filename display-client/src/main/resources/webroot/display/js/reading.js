/*
 * Luot.Reading: how a voice call reads a ticket number and a counter (the glossary's rules).
 *
 * - The ticket number is read sign by sign, because a hall is noisy: "A017" is "a – không – một – bảy".
 * - The counter is read as a number: 5 "năm", 15 "mười lăm", 21 "hai mươi mốt", 105 "một trăm linh năm".
 *
 * The rules are here; the words are not. Every word comes from a voice of audio/manifest.json
 * (its letters, digits and counting words), and each word is played from the clip the manifest names.
 * Pure functions, no page and no sound, so tests can call them directly.
 */
(function (global) {
  'use strict';

  /** The words for a ticket number, one letter or digit at a time. */
  function numberWords(number, voice) {
    const words = [];
    for (const sign of String(number).toUpperCase()) {
      if (sign >= '0' && sign <= '9') {
        words.push(voice.digits[Number(sign)]);
      } else if (Object.prototype.hasOwnProperty.call(voice.letters, sign)) {
        words.push(voice.letters[sign]);
      } else {
        throw new Error('no reading for "' + sign + '" in ticket number ' + number);
      }
    }
    return words;
  }

  /** The words for a counter number, read as a number (0 to 999). */
  function counterWords(counter, voice) {
    const n = Number(counter);
    if (!Number.isInteger(n) || n < 0 || n > 999) {
      throw new Error('cannot read counter ' + counter);
    }
    const rule = COUNTING[voice.counting.rule];
    if (!rule) throw new Error('unknown counting rule ' + voice.counting.rule);
    return rule(n, voice);
  }

  const COUNTING = {
    /** Vietnamese: mười (10), mười lăm (15), hai mươi (20), hai mươi mốt (21), một trăm linh năm (105). */
    vi(n, voice) {
      const c = voice.counting;
      const digit = (d) => voice.digits[d];
      function belowHundred(m) {
        const tens = Math.floor(m / 10);
        const unit = m % 10;
        if (tens === 0) return [digit(unit)];
        const words = tens === 1 ? [c.ten] : [digit(tens), c.tens];
        if (unit === 0) return words;
        if (unit === 5) return words.concat(c.fiveAfterTens);
        if (unit === 1 && tens >= 2) return words.concat(c.oneAfterTens);
        return words.concat(digit(unit));
      }
      if (n < 100) return belowHundred(n);
      const words = [digit(Math.floor(n / 100)), c.hundred];
      const rest = n % 100;
      if (rest === 0) return words;
      if (rest < 10) return words.concat(c.zeroTens, digit(rest));
      return words.concat(belowHundred(rest));
    },

    /** English: five, fifteen, twenty, twenty one, one hundred five. */
    en(n, voice) {
      const c = voice.counting;
      function belowHundred(m) {
        if (m < 20) return [c.ones[m]];
        const words = [c.tens[Math.floor(m / 10)]];
        return m % 10 === 0 ? words : words.concat(c.ones[m % 10]);
      }
      if (n < 100) return belowHundred(n);
      const words = [c.ones[Math.floor(n / 100)], c.hundred];
      return n % 100 === 0 ? words : words.concat(belowHundred(n % 100));
    },
  };

  /** The whole sentence, in words: the voice's template with {number} and {counter} read out. */
  function sentenceWords(number, counter, voice) {
    const words = [];
    voice.sentence.forEach((part) => {
      if (part === '{number}') words.push(...numberWords(number, voice));
      else if (part === '{counter}') words.push(...counterWords(counter, voice));
      else words.push(part);
    });
    return words;
  }

  /**
   * The words that add one more call to a sentence already begun: the template from its first
   * placeholder on ("A017 đến quầy số năm"), so joined calls share one "Xin mời công dân có số thứ tự".
   */
  function continuationWords(number, counter, voice) {
    const from = voice.sentence.findIndex((part) => part.startsWith('{'));
    return sentenceWords(number, counter, Object.assign({}, voice, { sentence: voice.sentence.slice(Math.max(0, from)) }));
  }

  /** The clip that says each word; a word without a clip is an error in the manifest. */
  function clipsFor(words, voice) {
    return words.map((word) => {
      if (!Object.prototype.hasOwnProperty.call(voice.clips, word)) {
        throw new Error('no clip for the word "' + word + '"');
      }
      return voice.clips[word];
    });
  }

  global.Luot = global.Luot || {};
  global.Luot.Reading = { numberWords, counterWords, sentenceWords, continuationWords, clipsFor };
})(window);
