// Event categories from trigger words, and whether a place is where something
// happens (a locus) or only named in passing. Word lists, not a model: every
// decision can be read off the sentence and tested.
import type { Category } from '../../events/types.ts';

export interface Trigger {
  category: Category;
  start: number;
  end: number;
}

// Order matters only for ties at equal distance: the more specific category first.
const TRIGGERS: [Exclude<Category, 'other'>, RegExp][] = [
  [
    'prisoner-exchange',
    /\b(?:prisoner(?:s|s'|'s)?(?:[- ](?:exchanges?|swaps?|releases?))?|pows?|exchang(?:e|es|ed|ing)|swap(?:s|ped|ping)?|returned(?: home)?|brought back|repatriat\w+|captives?)\b/gi,
  ],
  [
    'air-defense',
    /\b(?:shot down|shooting down|shoot down|intercept(?:ed|ion|ions|s|ing)?|air[- ]defen[cs]es?|anti-aircraft|downed|destroyed)\b/gi,
  ],
  [
    'casualties',
    /\b(?:killed|killing|injur(?:ed|ies|ing|y)|wound(?:ed|ing|s)?|dead|deaths?|died|casualt(?:y|ies)|victims?|hospitali[sz]ed|bodies)\b/gi,
  ],
  [
    'strike',
    /\b(?:strikes?|struck|air ?strikes?|attack(?:s|ed|ing)?|assaults?|shell(?:s|ed|ing)|bomb(?:s|ed|ing|ardment)?|missiles?|drones?|rockets?|explosions?|blasts?|raids?|barrage|hit|pounded|targeted|invasion|invaded|offensive)\b/gi,
  ],
  [
    'talks',
    /\b(?:talks|negotiat(?:ions?|ors?|ed|ing)|meeting|met|summit|broker(?:ed|ing)?|mediat(?:ed|ion|ing|ors?)|delegations?|ceasefire deal|peace deal)\b/gi,
  ],
  [
    'statement',
    /\b(?:said|says|stated|announced|reported|added|told|wrote|claimed|denied|denies|confirmed|emphasi[sz]ed|underlined|warned|statement|press conference)\b/gi,
  ],
];

/** Trigger words in `text` (offsets relative to `text`), in text order; earlier categories win overlaps. */
export function findTriggers(text: string): Trigger[] {
  // Kept sorted; a new trigger's overlap check is a binary search (a linear check
  // per trigger was quadratic in a long unpunctuated clause).
  const out: Trigger[] = [];
  for (const [category, re] of TRIGGERS) {
    re.lastIndex = 0;
    for (let m; (m = re.exec(text)); ) {
      // Crime-report wording is not a military strike: "charged with felonious assault".
      if (category === 'strike' && /^assault/i.test(m[0]) && /\b(?:felonious|aggravated|sexual|indecent|domestic|criminal|simple|alleged)\s+$/i.test(text.slice(Math.max(0, m.index - 14), m.index)))
        continue;
      const t = { category, start: m.index, end: m.index + m[0].length };
      const at = firstEndingAfter(out, t.start);
      if (at === out.length || out[at]!.start >= t.end) out.splice(at, 0, t);
    }
  }
  return out;
}

/** Index of the first span ending after `x` in spans sorted by position (non-overlapping, so by end too). */
function firstEndingAfter(sorted: readonly { end: number }[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.end <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The triggers within MAX_TRIGGER_DISTANCE of [start, end), in order (triggers sorted, non-overlapping). */
function near(triggers: Trigger[], start: number, end: number): Trigger[] {
  const out: Trigger[] = [];
  for (let k = firstEndingAfter(triggers, start - MAX_TRIGGER_DISTANCE - 1); k < triggers.length && triggers[k]!.start <= end + MAX_TRIGGER_DISTANCE; k++)
    out.push(triggers[k]!);
  return out;
}

const RANK = new Map<Category, number>(TRIGGERS.map(([c], i) => [c, i]));
const distance = (t: { start: number; end: number }, s: number, e: number) =>
  t.end <= s ? s - t.end : t.start >= e ? t.start - e : 0;

/** How far (in characters) a trigger may be from the place it classifies. */
export const MAX_TRIGGER_DISTANCE = 60;

/**
 * The category of the event at a place spanning [start, end): the nearest
 * non-statement trigger within reach; else `statement` where the place frames a
 * statement ("In Moscow, the ministry said"); else `other`.
 */
export function classifyPlace(
  clause: string,
  start: number,
  end: number,
  triggers: Trigger[] = findTriggers(clause),
): { category: Category; trigger?: Trigger } {
  let best: Trigger | undefined;
  let bestD = Infinity;
  // Shooting down is what a sentence with both reports: the missiles and drones
  // near the place are the objects of the air defence, not a strike of their own.
  const close = near(triggers, start, end);
  const defence = close.some((t) => t.category === 'air-defense' && distance(t, start, end) <= MAX_TRIGGER_DISTANCE);
  for (const t of close) {
    if (t.category === 'statement' || (defence && t.category !== 'air-defense')) continue;
    const d = distance(t, start, end);
    if (d > MAX_TRIGGER_DISTANCE) continue;
    if (d < bestD || (d === bestD && RANK.get(t.category)! < RANK.get(best!.category)!)) [best, bestD] = [t, d];
  }
  if (best) return { category: best.category, trigger: best };
  const statement = triggers.find((t) => t.category === 'statement');
  if (statement && framesStatement(clause, start, end)) return { category: 'statement', trigger: statement };
  return { category: 'other' };
}

/** "In Moscow, the ministry said …", "… said in Kyiv", "speaking in Istanbul". */
function framesStatement(clause: string, start: number, end: number): boolean {
  const after = clause.slice(end);
  if (/^\W*(?:in|from)\s+$/i.test(clause.slice(0, start)) && /^\s*,/.test(after)) return true;
  // This test ends at the place: a bounded look-back keeps long clauses linear.
  const before = clause.slice(Math.max(0, start - 200), start);
  return /\b(?:said|says|told [\p{L} ]{1,30}?|speaking|spoke|announced|stated)\s+(?:in|from|at)\s+$/iu.test(before);
}

/** The category of the nearest non-statement trigger to a span (e.g. a date), if within reach. */
export function nearestCategory(triggers: Trigger[], start: number, end: number): Category | undefined {
  let best: Trigger | undefined;
  for (const t of near(triggers, start, end))
    if (t.category !== 'statement' && distance(t, start, end) <= MAX_TRIGGER_DISTANCE && (!best || distance(t, start, end) < distance(best, start, end)))
      best = t;
  return best?.category;
}

/** The earliest trigger of a clause: what the clause is about when no place anchors it. */
export function primaryCategory(triggers: Trigger[]): Exclude<Category, 'other'> | undefined {
  const t = triggers.find((x) => x.category !== 'statement') ?? triggers[0];
  return t?.category as Exclude<Category, 'other'> | undefined;
}

// A place is where something happens when a locative preposition governs it
// ("in Ukraine", "on the port city of Odesa", "in northeastern Ukraine"), when an
// attack noun or verb takes it as object ("invasion of Ukraine", "struck Kyiv"), or
// when it is the patient of a passive attack verb ("Kyiv was hit") or the target
// ("with the capital being the primary target"). Not a locus:
// "sanctions from the US", "exchange with Russia", "Moscow launched", "National Guard of Ukraine".
const LOCATIVE_BEFORE =
  /\b(?:in|at|on|near|over|across|outside|inside|into|around|toward|towards|throughout|to|within|off)\s+(?:the\s+|a\s+|an\s+)?(?:(?:[\p{Ll}][\p{L}-]*|[\p{Lu}][\p{Ll}]+ern)\s+){0,3}?(?:of\s+)?$/u;
const OBJECT_OF_ATTACK_BEFORE =
  /\b(?:invasion|shelling|bombing|bombardment|siege|occupation|capture|liberation|outskirts|suburbs?|cent(?:er|re)|attacks?|strikes?)\s+(?:of|on|against)\s+$|\b(?:hit|struck|attacked|shelled|bombed|targeted|rocked|pounded|invaded|entered|captured|besieged|visited)\s+$/u;
const PATIENT_AFTER =
  /^(?:'s)?\s+(?:(?:was|were|has been|had been|is being|came under)\s+(?:\w+\s+)?(?:hit|struck|attacked|shelled|bombed|targeted|fire|attack)\b|(?:being|was|were|is|became|remained)\s+(?:the|a|an)\s+(?:\w+\s+)?target\b)/i;

/** "In Moscow, the ministry said": a clause that opens with a locative. */
const OPENING_LOCATIVE = /^\W*(?:In|At|On|Near|Outside|Across|Over|Inside|Around|Throughout|From)\s+(?:the\s+)?$/;

export function isLocus(clause: string, start: number, end: number): boolean {
  if (OPENING_LOCATIVE.test(clause.slice(0, start))) return true;
  const before = clause.slice(Math.max(0, start - 80), start);
  const after = clause.slice(end, end + 60);
  // A place inside an organisation's name ("Kyiv regional military administration").
  if (/^\s+(?:regional|city|oblast|military|state)\s+(?:military\s+)?(?:administration|council|authorities|government)\b/i.test(after))
    return false;
  return LOCATIVE_BEFORE.test(before) || OBJECT_OF_ATTACK_BEFORE.test(before) || PATIENT_AFTER.test(after);
}
