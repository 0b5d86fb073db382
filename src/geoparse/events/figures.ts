// Numbers a sentence states about the event: "14 ballistic missiles and 250
// drones" → { missiles: 14, drones: 250 }. A number counts only when a known noun
// follows it within a few words; ages, durations, dates, times and model codes
// ("KN-23") are skipped. The verb around the noun decides what is counted:
// "shot down six missiles" is missilesShotDown, "15 people had been injured" injured.

const UNITS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60,
  seventy: 70, eighty: 80, ninety: 90, dozen: 12, a_dozen: 12,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };

const NUMBER_WORD = `(?:${Object.keys(UNITS).filter((w) => !w.includes('_')).join('|')})`;
// "1,000", "250", "1.5 million", "twenty-five", "three hundred", "a dozen".
const NUMBER = new RegExp(
  `(?<![\\p{L}\\d\\-/.,:])(?:(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)(?:\\s+(million|thousand))?|(a\\s+dozen|${NUMBER_WORD}(?:-${NUMBER_WORD})?(?:\\s+(?:hundred|thousand|million))?(?:\\s+and\\s+${NUMBER_WORD})?))(?![\\p{L}\\d]|-(?!for-)\\p{L}|:\\d|,\\d)`,
  'giu',
);

/** The value of a number as written, or null. */
export function parseNumber(s: string): number | null {
  const t = s.toLowerCase().trim().replace(/\s+/g, ' ');
  const digits = /^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?: (million|thousand))?$/.exec(t);
  if (digits) {
    // "999…9" (hundreds of digits) overflows to Infinity, which is no figure (JSON and the schema reject it).
    const v = Math.round(Number(digits[1]!.replace(/,/g, '')) * (digits[2] ? SCALES[digits[2]]! : 1));
    return Number.isFinite(v) ? v : null;
  }
  if (t === 'a dozen') return 12;
  let total = 0;
  let current = 0;
  for (const w of t.split(/[\s-]+/)) {
    if (w === 'and') continue;
    if (w in UNITS) current += UNITS[w]!;
    else if (w in SCALES) {
      current = (current || 1) * SCALES[w]!;
      if (SCALES[w]! >= 1000) {
        total += current;
        current = 0;
      }
    } else return null;
  }
  return total + current || null;
}

type Noun = 'missiles' | 'drones' | 'people' | 'prisoners';
const NOUNS: [RegExp, Noun][] = [
  [/^(ballistic|cruise|guided)?\s*(missiles?|rockets?)$/i, 'missiles'],
  [/^(drones?|uavs?|shaheds?)$/i, 'drones'],
  [/^(prisoners?|pows?|captives?|detainees?)$/i, 'prisoners'],
  [/^(people|persons?|civilians?|residents?|children|soldiers?|servicemen|troops|men|women|ukrainians|russians|citizens|police(?:men)?|officers?|workers?|bodies|others)$/i, 'people'],
];

const MONTHS = /\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\s*$/i;
const SHOT_DOWN = /\b(shot|shoot(?:ing)?|brought|bringing)\s+down\b|\b(intercept(?:ed|ing)?|destroy(?:ed|ing)?|downed|neutrali[sz]ed|repelled)\b/i;
const KILLED = /\b(killed|killing|dead|died|deaths?|lost their lives|fatalities)\b/i;
const INJURED = /\b(injur(?:ed|ing|ies)|wound(?:ed|ing)|hurt|hospitali[sz]ed)\b/i;
const RETURNED = /\b(returned|return(?:ing)?|brought back|released|freed|swapped|exchanged|repatriated|came home)\b/i;
const WORDS_BETWEEN = 4;
const NUMBER_AT_END = new RegExp(`(?:\\d|\\b${NUMBER_WORD})$`, 'i');

export type Figures = Record<string, number>;

/** Figures stated in one sentence. Repeated figures of one kind add up. */
export function extractFigures(sentence: string): Figures {
  const out: Figures = {};
  const add = (k: string, v: number) => (out[k] = (out[k] ?? 0) + v);
  // "1,000-for-1,000": a swap of N prisoners on each side.
  const perSide = /\b(\d{1,3}(?:,\d{3})*|\d+)[- ]for[- ](\d{1,3}(?:,\d{3})*|\d+)\b/i.exec(sentence);
  if (perSide && perSide[1] === perSide[2]) add('perSide', parseNumber(perSide[1]!)!);
  NUMBER.lastIndex = 0;
  for (let m; (m = NUMBER.exec(sentence)); ) {
    const start = m.index;
    const end = start + m[0].length;
    if (perSide && start >= perSide.index && start < perSide.index + perSide[0].length) continue;
    const before = sentence.slice(Math.max(0, start - 60), start);
    if (MONTHS.test(before)) continue; // "May 24"
    if (/\b(day|phase|no\.?|number|page)\s*$/i.test(before)) continue; // "Day 2"
    if (/^(19|20)\d\d$/.test(m[0]) && !/\s(people|drones|missiles)/.test(sentence.slice(end, end + 12))) continue; // a year
    const value = parseNumber(m[0]);
    if (value === null) continue;
    const after = sentence.slice(end);
    const bare = /^\s+(injured|wounded|hurt|killed|dead)\b/i.exec(after);
    if (bare) {
      add(KILLED.test(bare[1]!) ? 'killed' : 'injured', value); // "15 injured", "3 dead"
      continue;
    }
    // "30 of the 40 drones": the first number counts the same noun as the second.
    const partOf = /^\s+of\s+(?:the\s+)?(?:\d[\d,]*|[a-z]+(?:-[a-z]+)?)(?=\s)/i.exec(after);
    const afterNoun = partOf && parseNumber(partOf[0].replace(/^\s+of\s+(?:the\s+)?/i, '')) !== null ? after.slice(partOf[0].length) : after;
    const words = afterNoun.match(/^(?:\s+[\p{L}\d][\p{L}\d'’/-]*){1,6}/u)?.[0].trim().split(/\s+/) ?? [];
    let noun: Noun | undefined;
    let nounAt = -1;
    for (let i = 0; i < Math.min(words.length, WORDS_BETWEEN + 1) && !noun; i++) {
      const w = words[i]!.replace(/[’']s$/, '');
      for (const [re, n] of NOUNS) if (re.test(w)) [noun, nounAt] = [n, i];
      if (['and', 'or', 'of', 'in', 'on', 'at', 'to', 'from', 'were', 'was', 'had', 'have'].includes(w.toLowerCase())) break;
    }
    if (!noun) continue;
    // Verbs near the noun: up to six words after it ("had been injured", "have already
    // been brought back") or a few words before the number ("shot down six", "killing 3").
    const tail = words.slice(nounAt + 1, nounAt + 7).join(' ');
    // The M of "N of the M drones" is the whole; the verb before N is not about it.
    const whole = /[\p{L}\d]\s+of\s+(?:the\s+)?$/u.test(before) && NUMBER_AT_END.test(before.replace(/\s+of\s+(?:the\s+)?$/i, ''));
    const lead = whole ? '' : before.split(/[,;]/).pop()!.split(/\s+/).slice(-5).join(' ');
    const context = `${lead} ${tail}`;
    if ((noun === 'missiles' || noun === 'drones') && SHOT_DOWN.test(context)) add(`${noun}ShotDown`, value);
    else if (noun === 'missiles' || noun === 'drones') add(noun, value);
    else if (KILLED.test(tail) || /\bkill(?:ed|ing)\s*$/i.test(lead)) add('killed', value);
    else if (INJURED.test(tail) || /\b(injur|wound)\w*\s*$/i.test(lead)) add('injured', value);
    else if (RETURNED.test(tail) || RETURNED.test(lead)) add('returned', value);
    else if (noun === 'prisoners') add('prisoners', value);
  }
  return out;
}
