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

export function tokenise(text: string): Token[] {
  const out: Token[] = [];
  let prevEnd = 0;
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index ?? 0;
    const t = m[0];
    const gap = text.slice(prevEnd, start);
    const prev = out[out.length - 1];
    const sentenceStart =
      !prev ||
      /[!?\n\u201c"(\[:;]|\.\s|--|—/.test(gap) ||
      (/^\s*$/.test(gap) && prev.text.endsWith('.') && !prev.dotted) ||
      /\.\s*['"\u2019\u201d]?\s+$/.test(gap);
    out.push({
      start,
      end: start + t.length,
      text: t,
      cap: /^\p{Lu}/u.test(t),
      upper: t.length >= 2 && /^[\p{Lu}.'’-]+$/u.test(t) && /\p{Lu}.*\p{Lu}/u.test(t),
      sentenceStart,
      dotted: t.endsWith('.'),
    });
    prevEnd = start + t.length;
  }
  return out;
}
