// Sentence and clause spans over the article text. Spans are JavaScript string
// offsets into the original text, so a quote is always text.slice(start, end).

export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  /** 0-based paragraph index (paragraphs are separated by blank lines). */
  paragraph: number;
  /** 0-based index of the sentence in the article. */
  index: number;
}

// Words whose trailing period does not end a sentence.
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof gen lt col maj capt sgt st sen rep gov pres jr sr no vs etc inc ltd co corp dept ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mt ft approx e.g i.e u.s u.k u.n a.m p.m'
  ).split(' '),
);

const CLOSERS = '"”’\')]';

/** Trim whitespace off both ends of a span. */
function trimSpan(text: string, s: number, e: number): Span | null {
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return e > s ? { start: s, end: e } : null;
}

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  const push = (s: number, e: number) => {
    const span = trimSpan(text, s, e);
    if (span) out.push({ ...span, paragraph, index: out.length });
  };
  // Paragraphs, then lines (a line break inside a paragraph also ends a sentence:
  // captions and headlines have no final period), then sentence punctuation.
  const paraRe = /\r?\n[ \t]*\r?\n\s*/g; // Windows line ends too
  let pStart = 0;
  const paragraphs: Span[] = [];
  for (let m; (m = paraRe.exec(text)); ) {
    paragraphs.push({ start: pStart, end: m.index });
    pStart = m.index + m[0].length;
  }
  paragraphs.push({ start: pStart, end: text.length });
  for (const p of paragraphs) {
    if (!trimSpan(text, p.start, p.end)) continue;
    let lineStart = p.start;
    for (let i = p.start; i <= p.end; i++) {
      if (i === p.end || text[i] === '\n') {
        splitLine(text, lineStart, i, push);
        lineStart = i + 1;
      }
    }
    paragraph++;
  }
  return out;
}

function splitLine(text: string, start: number, end: number, push: (s: number, e: number) => void) {
  let s = start;
  for (let i = start; i < end; i++) {
    const c = text[i]!;
    if (c !== '.' && c !== '!' && c !== '?') continue;
    let j = i + 1;
    while (j < end && (text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
    while (j < end && CLOSERS.includes(text[j]!)) j++;
    if (j < end && !/\s/.test(text[j]!)) continue; // "3.5", "U.S.", "RFE/RL's"
    let k = j;
    while (k < end && /\s/.test(text[k]!)) k++;
    if (k >= end) break;
    const next = text[k]!;
    if (!/[\p{Lu}\d"“‘'(\[]/u.test(next)) continue; // "e.g. the", lowercase continues
    if (c === '.') {
      const word = /([\p{L}.]+)\.$/u.exec(text.slice(Math.max(start, i - 12), i + 1))?.[1]?.toLowerCase();
      if (word && (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word))) continue; // "Gen.", "J. Smith"
    }
    push(s, j);
    s = k;
    i = k - 1;
  }
  push(s, end);
}

// Clause boundaries inside a sentence: dashes, semicolons, and the "that" which
// opens reported speech ("the Defense Ministry reported on May 24 that ...").
// The reporting verb is checked on a short look-back slice: a variable-length
// lookbehind at every space was the slowest step of the build.
const CLAUSE_BREAK = /\s+(?:--|—|–)\s+|;\s+|\s+(?=that\b)/g;
const REPORTING_BEFORE =
  /\b(?:said|says|reported|reports|stated|states|announced|added|claimed|confirmed|warned|told [\p{L} ]{1,30}?)(?: on [\p{L}\d ]{1,20}?)?$/u;

export function splitClauses(text: string, sentence: Span): Span[] {
  const body = text.slice(sentence.start, sentence.end);
  const out: Span[] = [];
  let s = 0;
  for (const m of body.matchAll(CLAUSE_BREAK)) {
    if (!/[-—–;]/.test(m[0]) && !REPORTING_BEFORE.test(body.slice(Math.max(0, m.index! - 60), m.index!))) continue;
    const span = trimSpan(text, sentence.start + s, sentence.start + m.index!);
    if (span) out.push(span);
    s = m.index! + m[0].length;
  }
  const last = trimSpan(text, sentence.start + s, sentence.end);
  if (last) out.push(last);
  return out;
}

/** Spans of direct speech: “…”, "…" (paired within a paragraph). */
export function quotedSpans(text: string): Span[] {
  const out: Span[] = [];
  const re = /“[^”\n]*”?|"[^"\n]*"?/g;
  for (let m; (m = re.exec(text)); ) if (m[0].length > 2) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}
