// Date expressions in a stretch of text, resolved against the article date with
// chrono-node plus the news idioms chrono does not know ("overnight", "Day 2 of
// the swap", "hours after"). Every result is a UTC calendar day: chrono gets the
// article date at noon UTC and a zero time-zone offset, and only its calendar
// components are read, never a Date in the machine's zone.
import * as chrono from 'chrono-node';
import type { DatePrecision } from '../../events/types.ts';
import { addDays, isoFromParts, weekday } from './iso.ts';

export type DateKind =
  /** Names its own day, month or year ("May 24", "in February 2022"). */
  | 'explicit'
  /** Relative to the article date ("yesterday", "overnight", "on Friday"). */
  | 'relative'
  /** Relative to the event around it ("hours after", "the next day"): resolve with `offset` from the anchor. */
  | 'anchored'
  /** "Day N of the swap": day N of a multi-day event; the caller finds its first day. */
  | 'day-of'
  /** A stretch of time ("the past two years"): found only so chrono does not read it as a date; dropped. */
  | 'span';

export interface DateMention {
  start: number;
  end: number;
  text: string;
  kind: DateKind;
  /** Resolved date (for 'anchored' and 'day-of' a fallback from the article date). */
  date: string;
  precision: DatePrecision;
  /** 'anchored': days from the anchor; 'day-of': N. */
  offset?: number;
  /** A vague span ("last week", "earlier this month") pinned to one day or period start. */
  approximate?: boolean;
}

const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
};

interface Rule {
  re: RegExp;
  make: (m: RegExpExecArray, articleDate: string) => Omit<DateMention, 'start' | 'end' | 'text'>;
}

// Checked before chrono; where they match, chrono's reading of the same words is dropped.
const RULES: Rule[] = [
  {
    // The night before publication: news dates an overnight attack by the morning it ends.
    re: /\b(?:overnight|last night|during the night|in the early hours)\b/gi,
    make: (_m, d) => ({ kind: 'relative', date: d, precision: 'day' }),
  },
  {
    re: /\b(?:day|phase)\s+(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s+of\b/gi,
    make: (m, d) => ({ kind: 'day-of', date: d, precision: 'day', offset: num(m[1]!) }),
  },
  {
    re: /\b(?:for|on)\s+(?:a|the)\s+(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(?:straight\s+|consecutive\s+)?day\b/gi,
    make: (m, d) => ({ kind: 'day-of', date: d, precision: 'day', offset: num(m[1]!) }),
  },
  {
    re: /\b(?:(?:hours|minutes|moments|shortly)\s+(?:after|before|later|earlier)|later that day|earlier that day|the same day|that day|that night)\b/gi,
    make: (_m, d) => ({ kind: 'anchored', date: d, precision: 'day', offset: 0 }),
  },
  {
    re: /\b(?:the\s+(?:next|following)\s+day|a\s+day\s+later|the\s+day\s+after)\b/gi,
    make: (_m, d) => ({ kind: 'anchored', date: addDays(d, 1), precision: 'day', offset: 1 }),
  },
  {
    // "two days later", "a week earlier": counted from the event around it.
    re: /\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(days?|weeks?)\s+(later|earlier|after|before)\b/gi,
    make: (m, d) => {
      const n = /^an?$/i.test(m[1]!) ? 1 : num(m[1]!);
      const days = n * (/^week/i.test(m[2]!) ? 7 : 1) * (/later|after/i.test(m[3]!) ? 1 : -1);
      return { kind: 'anchored', date: addDays(d, days), precision: 'day', offset: days };
    },
  },
  {
    // A span, not a point in time: "over the past two years", "the last three months".
    re: /\b(?:the\s+)?(?:past|last|previous|next|coming)\s+(?:few|several|\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?:days|weeks|months|years|decades)\b/gi,
    make: (_m, d) => ({ kind: 'span', date: d, precision: 'day' }),
  },
  {
    re: /\b(?:the\s+(?:previous|preceding)\s+day|a\s+day\s+(?:earlier|before)|the\s+day\s+before)\b/gi,
    make: (_m, d) => ({ kind: 'anchored', date: addDays(d, -1), precision: 'day', offset: -1 }),
  },
  {
    // A bare year, which chrono leaves alone: "in 2014", "since 2022".
    re: /\b(?:in|since|by|until|from|of|early|late|mid-?)\s+((?:19|20)\d\d)\b(?!\s*[-–]|\s+\p{L}+\s+\d)/giu,
    make: (m) => ({ kind: 'explicit', date: `${m[1]}-01-01`, precision: 'year' }),
  },
];

function num(s: string): number {
  return /^\d+$/.test(s) ? Number(s) : (WORD_NUMBERS[s.toLowerCase()] ?? 1);
}

/** Anything chrono could read as a date: digits, month or weekday names, relative words. */
const MAY_HOLD_DATE =
  /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)|\b(?:today|tonight|yesterday|tomorrow|ago|week|month|year|weekend|morning|afternoon|evening|night|noon|midnight|now|last|next|this|earlier|later|past|coming|fortnight|decade|century|christmas|easter)\b/i;

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/**
 * Where `s` goes in `sorted` (non-overlapping spans in text order), or -1 when it
 * overlaps one of them. Binary search: a text listing thousands of dates took
 * quadratic time with a linear overlap check (100 KB of "May 24, " ran 42 s).
 */
function slot(sorted: readonly { start: number; end: number }[], s: { start: number; end: number }): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.end <= s.start) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && overlaps(sorted[lo]!, s) ? -1 : lo;
}

/**
 * All date expressions in `text` (offsets relative to `text`), in text order.
 * `future` says the surrounding clause speaks of the future; it decides which way a
 * bare weekday points ("on Friday" is the past Friday unless the verb is future).
 */
export function findDates(text: string, articleDate: string, opts: { future?: boolean } = {}): DateMention[] {
  if (text.length <= CHUNK_MAX) return findDatesIn(text, articleDate, opts);
  // chrono's end-of-period refiner tests the whole text before every date it finds
  // (a regex ending in `$` over text.slice(0, index)): quadratic on a long article
  // (400 KB took seconds). Read a long text in chunks cut at paragraph breaks, else
  // line breaks, sentence ends or spaces; offsets are shifted back to the text's.
  const out: DateMention[] = [];
  for (const [start, end] of dateChunks(text)) {
    for (const d of findDatesIn(text.slice(start, end), articleDate, opts)) out.push({ ...d, start: d.start + start, end: d.end + start });
  }
  return out;
}

/** Texts up to this many characters are read whole; longer ones in chunks of at most this size. */
export const CHUNK_MAX = 16_384;

// Where a chunk may end, best first: after a blank line, a line break, a sentence end, a space.
const CUTS = [/\n[ \t]*\r?\n\s*/g, /\n\s*/g, /[.!?]["”’')\]]*\s+/g, /\s+/g];

/**
 * [start, end) chunks covering `text` in order, each at most CHUNK_MAX long and cut in
 * its second half at the best kind of boundary found there (a hard cut only in a run
 * of CHUNK_MAX / 2 characters without a space). Linear in the text's length.
 */
export function dateChunks(text: string): [number, number][] {
  const out: [number, number][] = [];
  let p = 0;
  while (text.length - p > CHUNK_MAX) {
    const lo = p + CHUNK_MAX / 2;
    const hi = p + CHUNK_MAX;
    let cut = hi;
    // Searched in a slice of the window only: a search running on past it could
    // scan the rest of the text for every chunk.
    const window = text.slice(lo, hi);
    for (const re of CUTS) {
      let last = -1;
      re.lastIndex = 0;
      for (let m; (m = re.exec(window)); ) last = m.index + m[0].length;
      if (last > 0) {
        cut = lo + last;
        break;
      }
    }
    out.push([p, cut]);
    p = cut;
  }
  out.push([p, text.length]);
  return out;
}

function findDatesIn(text: string, articleDate: string, opts: { future?: boolean }): DateMention[] {
  const found: DateMention[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m; (m = rule.re.exec(text)); ) {
      const mention = { start: m.index, end: m.index + m[0].length, text: m[0], ...rule.make(m, articleDate) };
      const at = slot(found, mention);
      if (at >= 0) found.splice(at, 0, mention);
    }
  }
  // chrono is the slow part of the build; skip it where no date word could match.
  if (!MAY_HOLD_DATE.test(text)) return found.filter((f) => f.kind !== 'span').sort((a, b) => a.start - b.start);
  const ref = { instant: new Date(`${articleDate}T12:00:00Z`), timezone: 0 };
  for (const r of chrono.en.parse(text, ref)) {
    const span = { start: r.index, end: r.index + r.text.length };
    const at = slot(found, span);
    if (at < 0) continue;
    const m = fromChrono(r, articleDate, opts.future ?? false);
    if (m) found.splice(at, 0, { ...span, text: r.text, ...m });
  }
  return found.filter((f) => f.kind !== 'span').sort((a, b) => a.start - b.start);
}

function fromChrono(
  r: chrono.ParsedResult,
  articleDate: string,
  future: boolean,
): Omit<DateMention, 'start' | 'end' | 'text'> | null {
  const c = r.start;
  const certain = (k: 'year' | 'month' | 'day' | 'weekday') => c.isCertain(k);
  const y = c.get('year')!;
  const mo = c.get('month')!;
  const d = c.get('day')!;
  // "next 100000 years", "10000 years ago": no YYYY-MM-DD day (and past year 275760 no Date at all).
  if (!(y >= 1 && y <= 9999)) return null;
  const text = r.text.toLowerCase();
  // Times of day alone ("0:00:40" in a video caption, "at 3 pm") name no date.
  if (!certain('year') && !certain('month') && !certain('day') && !certain('weekday')) {
    return /\b(today|tonight|this (morning|afternoon|evening))\b/.test(text)
      ? { kind: 'relative', date: articleDate, precision: 'day' }
      : null;
  }
  const relative = /\b(today|tonight|yesterday|tomorrow|ago|last|next|this|earlier|later|past|coming)\b/.test(text);
  if (certain('weekday') && !certain('day') && !/\b(last|next|this|coming|past)\b/.test(text)) {
    // A bare weekday in news is the nearest one in the direction of the verb's tense.
    const want = c.get('weekday')!;
    const have = weekday(articleDate);
    const delta = future ? (want - have + 7) % 7 : -((have - want + 7) % 7);
    return { kind: 'relative', date: addDays(articleDate, delta), precision: 'day' };
  }
  const approximate = /\bweek\b/.test(text) || (/\b(this|last|next) (month|year)\b/.test(text) && !certain('day'));
  const precision: DatePrecision = certain('day') && !/\b(month|year)\b/.test(text) ? 'day' : certain('month') || /\bmonth\b/.test(text) ? 'month' : 'year';
  const date =
    precision === 'day' ? isoFromParts(y, mo, d) : precision === 'month' ? isoFromParts(y, mo, 1) : isoFromParts(y, 1, 1);
  return { kind: relative ? 'relative' : 'explicit', date, precision, ...(approximate ? { approximate } : {}) };
}

/** The future-tense markers that make a clause `planned` and point weekdays forward. */
export const FUTURE_RE =
  /\b(will|would (?:continue|resume|take place|be held|start|begin)|shall|is (?:expected|due|set|scheduled|planned|going) to|are (?:expected|due|set|scheduled|planned|going) to|plans? to|planning to|to be held|next (?:week|month|year)|tomorrow|upcoming)\b/i;
