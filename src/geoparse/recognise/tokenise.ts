// Splits text into word tokens with JavaScript string offsets and the facts the
// recogniser needs: capitalisation, sentence starts, and what separates tokens.

export interface Token {
  start: number;
  end: number;
  text: string;
  /** First letter upper case ("Kyiv", "KYIV", "McAllen"). */
  cap: boolean;
  /** Every letter upper case and at least two letters ("KYIV", "US"). */
  upper: boolean;
  /** First word of a sentence, a heading, a quote or a paragraph. */
  sentenceStart: boolean;
  /** Initialism written with dots ("U.S.", "D.C.", "W.Va."); the dots are part of the token. */
  dotted: boolean;
}

// Dotted initialisms and AP abbreviations first, then words with inner apostrophes/hyphens.
// Hyphenated words are split ("Egyptian-US", "D-Columbus", "London-based"); the recogniser
// joins the parts again where the whole is a name ("Winston-Salem").
const TOKEN = /(?:\p{Lu}\p{Ll}{0,2}\.){2,}|\p{L}[\p{L}\p{M}]*(?:['’][\p{L}\p{M}]+)*|\d+(?:[.,]\d+)*/gu;

const SENTENCE_GAP = /[!?\n\u201c"(\[:;]|\.\s|--|—/;
const UPPER_START = /^\p{Lu}/u;
const ALL_UPPER = /^[\p{Lu}.'’-]+$/u;

function isCap(t: string): boolean {
  const c = t.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER_START.test(t);
}

function isUpper(t: string): boolean {
  if (t.length < 2) return false;
  let letters = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 65 && c <= 90) letters++;
    else if (c >= 97 && c <= 122) return false;
    else if (c >= 128) return ALL_UPPER.test(t) && /\p{Lu}.*\p{Lu}/u.test(t);
  }
  return letters >= 2;
}

export function tokenise(text: string): Token[] {
  const out: Token[] = [];
  let prevEnd = 0;
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index ?? 0;
    const t = m[0];
    const prev = out[out.length - 1];
    let sentenceStart = !prev;
    if (prev) {
      // Most gaps are one space: only then can the previous word's own dot end a sentence.
      if (start - prevEnd === 1 && text.charCodeAt(prevEnd) === 32) sentenceStart = prev.text.endsWith('.') && !prev.dotted;
      else {
        const gap = text.slice(prevEnd, start);
        sentenceStart = SENTENCE_GAP.test(gap) || /\.\s*['"\u2019\u201d]?\s+$/.test(gap);
      }
    }
    out.push({
      start,
      end: start + t.length,
      text: t,
      cap: isCap(t),
      upper: isUpper(t),
      sentenceStart,
      dotted: t.endsWith('.'),
    });
    prevEnd = start + t.length;
  }
  return out;
}
