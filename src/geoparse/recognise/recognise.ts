// Finds place mentions in running text: capitalised word sequences that are
// gazetteer names (longest match), possessives, dotted forms ("U.S.", "W.Va."),
// demonyms ("Russian drones"), region phrases ("Kyiv region") and border phrases
// ("Ukraine's border with Belarus"). People, streets and common words stay out.
import type { Gazetteer, NameHit } from '../gazetteer/gazetteer.ts';
import { AP_STATE_ABBREVIATIONS } from '../gazetteer/static-data.ts';
import { nameKey } from '../normalise/normalise.ts';
import { tokenise, type Token } from './tokenise.ts';
import { findPeople } from './people.ts';
import { isEnglishWord, isFirstName, NEVER_PLACES, REGION_WORDS, STREET_WORDS, TITLE_ABBREVIATIONS, TITLES } from './lexicon.ts';

export type MentionForm = 'name' | 'demonym' | 'region-phrase' | 'border';

export interface RawMention {
  start: number;
  end: number;
  surface: string;
  key: string;
  form: MentionForm;
  hits: NameHit[];
  /** "Paris, Texas" / "Hurricane, W.Va.": the place that qualifies this one. */
  qualifier?: { country: string; admin1?: string };
  /** For borders: the two names as written (first may be empty: "the border with Belarus"). */
  borderNames?: [string, string];
}

/** Words that end organisation names ("American Red Cross", "Egyptian Premier League"). */
const ORG_WORDS = new Set(
  'association society cross act legion league cup club institute foundation council commission academy party church times airlines airways army navy union federation company corporation bank museum orchestra college university school hospital center centre heart cancer express network service services agency committee group corp inc co'.split(' '),
);

/** Words after a town's name in its institutions ("Lindsay Police", "Ramsey District Court"). */
const PLACE_ORG_WORDS = new Set('police fire sheriff council mayor court district city town county public high middle elementary regional area chamber municipal community library'.split(' '));

/** Nouns after a demonym that make it a language, cuisine or name, not the country. */
const NOT_COUNTRY_NOUNS = new Set('food foods cuisine restaurant restaurants language immersion heritage class classes lake grill marketplace'.split(' '));

const CONNECTORS = new Set(['of', 'de', 'del', 'la', 'le', 'du', 'des', 'upon', 'on', 'the', 'y', 'el', 'al', 'da', 'do', 'dos', 'das']);
const MAX_WORDS = 6;

/** Major places: countries, continents, first-level regions. */
function isMajor(h: NameHit): boolean {
  return h.place.kind === 'country' || h.place.kind === 'continent' || h.place.featureCode === 'ADM1' || h.place.featureCode === 'RGN';
}

/** Countries, continents, well-known regions, US states and first-level regions of English-speaking countries. */
function isMajorForWords(h: NameHit): boolean {
  return isMajor(h) && (h.place.featureCode !== 'ADM1' || ENGLISH_SPEAKING.has(h.place.country));
}

export const ENGLISH_SPEAKING = new Set(['US', 'CA', 'GB', 'IE', 'AU', 'NZ']);

function prominent(hits: NameHit[], minPop: number, allowAlternates = false): boolean {
  // With allowAlternates, a big city's other established name counts too ("Kyiv" is an
  // alternate of GeoNames' "Kiev"); not for words and codes ("Part", "PTA").
  return hits.some(
    (h) =>
      !h.folded &&
      (h.alternate
        ? allowAlternates && h.place.kind === 'city' && h.place.population >= Math.max(5 * minPop, 500_000)
        : isMajorForWords(h) || (h.place.kind === 'city' && h.place.population >= minPop)),
  );
}

const AP_ABBREVIATION_TO_STATE = new Map<string, string>();
for (const [postal, abbrevs] of Object.entries(AP_STATE_ABBREVIATIONS)) for (const a of abbrevs) AP_ABBREVIATION_TO_STATE.set(a.replace(/\s+/g, ''), postal);
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Longest first, inner dots may be followed by a space ("W. Va."); no letter may follow. */
const AP_ABBREVIATION = new RegExp(
  `^(?:${[...AP_ABBREVIATION_TO_STATE.keys()].sort((a, b) => b.length - a.length).map((a) => escapeRe(a).replace(/\\\.(?!$)/g, '\\.\\s?')).join('|')})(?![\\p{L}])`,
  'u',
);

/** US state record(s) for an AP abbreviation or postal code. */
function usStateHits(gaz: Gazetteer, postal: string): NameHit[] {
  const name = postal === 'DC' ? 'District of Columbia' : undefined;
  const hits: NameHit[] = [];
  for (const h of gaz.lookupKey(nameKey(name ?? US_STATE_NAMES[postal] ?? ''), false)) {
    if (h.place.country === 'US' && h.place.featureCode === 'ADM1') hits.push(h);
  }
  return hits;
}

const US_STATE_NAMES: Record<string, string> = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado', CT: 'Connecticut',
  DE: 'Delaware', DC: 'District of Columbia', FL: 'Florida', GA: 'Georgia', HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois',
  IN: 'Indiana', IA: 'Iowa', KS: 'Kansas', KY: 'Kentucky', LA: 'Louisiana', ME: 'Maine', MD: 'Maryland',
  MA: 'Massachusetts', MI: 'Michigan', MN: 'Minnesota', MS: 'Mississippi', MO: 'Missouri', MT: 'Montana',
  NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire', NJ: 'New Jersey', NM: 'New Mexico', NY: 'New York',
  NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma', OR: 'Oregon', PA: 'Pennsylvania',
  RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas', UT: 'Utah',
  VT: 'Vermont', VA: 'Virginia', WA: 'Washington', WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming',
};

export function recognise(text: string, gaz: Gazetteer): RawMention[] {
  const tokens = tokenise(text);
  const isMajorPlace = (w: string) => gaz.lookup(w, false).some((h) => isMajor(h) && !h.alternate);
  const isPlaceName = (w: string) => gaz.hasKey(nameKey(w));
  const isProminentPlace = (w: string) => gaz.lookup(w, false).some((h) => h.place.population >= 500_000);
  const people = findPeople(text, tokens, { isMajorPlace, isPlaceName, isProminentPlace });
  const out: RawMention[] = [];
  // Countries the document names outright: a foreign alternate name ("Kup\"yans'k") of a
  // smaller town is believable only in a story about its country or a neighbour...
  const docCountries = new Set<string>();
  for (const tk of tokens) {
    if (!tk.cap || tk.text.length < 4) continue;
    const w = tk.text.replace(/['’]s$/, '');
    const d = gaz.demonym(w);
    if (d) docCountries.add(d.country);
    for (const h of gaz.lookup(w, false)) if (h.place.kind === 'country' && !h.alternate) docCountries.add(h.place.country);
  }
  const namedCountries = new Set(docCountries);
  // ... or about a neighbour ("Russian strikes on Kupyansk").
  for (const cc of namedCountries) for (const n of gaz.neighbours(cc)) docCountries.add(n);
  // Words the document also writes in lower case are common words here ("man", "union").
  const lowerWords = new Set<string>();
  for (const tk of tokens) if (!tk.cap) lowerWords.add(tk.text);

  const gapOk = (a: Token, b: Token): boolean => {
    const gap = text.slice(a.end, b.start);
    if (gap === ' ' || gap === '-') return true;
    // "St. Louis", "Mt. Vernon", "Ft. Worth"
    return gap === '. ' && /^(St|Ste|Mt|Ft)$/i.test(a.text);
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!t.cap || people.tokens.has(i)) continue;

    // AP state abbreviations need their dot: "Ind." but not "Ind"; "W.Va.", "W. Va.", "S.C.", "D.C.".
    const apm = AP_ABBREVIATION.exec(text.slice(t.start, t.start + 8));
    const ap = apm ? AP_ABBREVIATION_TO_STATE.get(apm[0].replace(/\s+/g, '')) : undefined;
    if (apm && ap) {
      const hits = usStateHits(gaz, ap);
      if (hits.length) {
        const end = t.start + apm[0].length;
        out.push({ start: t.start, end, surface: text.slice(t.start, end), key: nameKey(apm[0]), form: 'name', hits });
        while (i + 1 < tokens.length && (tokens[i + 1] as Token).start < end) i++;
        continue;
      }
    }
    if (t.text.length < 2 && !t.dotted) continue;

    // Two-word demonyms first ("Sri Lankan", "South Ossetian"): their first word may be a name of its own.
    const nextTok = tokens[i + 1];
    if (nextTok && nextTok.cap && text.slice(t.end, nextTok.start) === ' ') {
      const dem2 = demonym(gaz, t, nextTok, { text, tokens, index: i });
      if (dem2) {
        out.push(dem2);
        i++;
        continue;
      }
    }

    // Longest gazetteer name starting here.
    let best: { j: number; key: string; hits: NameHit[]; end: number } | undefined;
    const words: string[] = [];
    for (let j = i; j < tokens.length && j < i + MAX_WORDS; j++) {
      const tj = tokens[j] as Token;
      if (j > i) {
        if (!gapOk(tokens[j - 1] as Token, tj)) break;
        if (people.tokens.has(j)) break;
        if (!tj.cap && !CONNECTORS.has(tj.text.toLowerCase())) break;
      }
      // Possessive: "Ukraine's" → "Ukraine".
      const poss = /['’]s$/.test(tj.text);
      const word = poss ? tj.text.slice(0, -2) : tj.text;
      words.push(word);
      if (!tj.cap) continue;
      const key = nameKey(words.join(' '));
      const hits = gaz.lookupKey(key, false);
      if (hits.length) best = { j, key, hits, end: tj.start + word.length };
      if (poss || !gaz.hasPrefix(key)) break;
    }
    if (!best) {
      // Transliteration variants of single words ("Kupyansk" ~ "Kupjansk").
      const word = t.text.replace(/['’]s$/, '');
      const lower = word.toLowerCase();
      // Only for towns in a country the story is about (or next to), and never for demonyms ("Syrian").
      if (word.length >= 5 && !t.upper && !people.surnames.has(lower) && !gaz.demonym(word)) {
        const hits = gaz
          .lookupKey(nameKey(word), true)
          .filter((h) => (h.place.population >= 10_000 && h.place.kind === 'city' && docCountries.has(h.place.country)) || (isMajor(h) && h.place.kind !== 'region'));
        // The full English word list is loaded only when a fold candidate needs it.
        if (hits.length && !isEnglishWord(lower)) best = { j: i, key: nameKey(word), hits, end: t.start + word.length };
      }
    }
    if (!best) {
      const dem = demonym(gaz, t, undefined, { text, tokens, index: i });
      if (dem) out.push(dem);
      continue;
    }

    // "Dublin City Council", "Oxford City Manager": the city's name is the place.
    if (best.j > i && /^city$/i.test((tokens[best.j] as Token).text)) {
      const nx = tokens[best.j + 1];
      if (nx && nx.cap && /^\s+$/.test(text.slice((tokens[best.j] as Token).end, nx.start))) {
        const shortKey = nameKey(text.slice(t.start, (tokens[best.j - 1] as Token).end));
        const shortHits = gaz.lookupKey(shortKey, false);
        if (shortHits.length) best = { j: best.j - 1, key: shortKey, hits: shortHits, end: (tokens[best.j - 1] as Token).end };
      }
    }
    const start = t.start;
    let end = best.end;
    const single = best.j === i;
    const lastTok = tokens[best.j] as Token;
    const after = tokens[best.j + 1];
    const afterGap = after ? text.slice(lastTok.end, after.start) : '';
    const nextWord = after && /^\s+$/.test(afterGap) ? after.text.toLowerCase() : '';
    const prevTok = tokens[i - 1];
    const prevGap = prevTok ? text.slice(prevTok.end, t.start) : '';
    const prevWord = prevTok && /^\s+$/.test(prevGap) ? prevTok.text.toLowerCase() : '';
    // "Sen. Smith" is a title; "... the judge. Columbus ..." is a sentence end.
    const titled = !!prevTok && (TITLES.has(prevWord) || (prevGap.startsWith('.') && /^\.\s+$/.test(prevGap) && TITLE_ABBREVIATIONS.has(prevTok.text.toLowerCase())));

    // "Orchard Street", "Dublin Road": a street, not the place.
    if (STREET_WORDS.has(nextWord)) {
      i = best.j + 1;
      continue;
    }
    if (single) {
      const lower = best.key;
      if (NEVER_PLACES.has(lower) || people.surnames.has(lower) || titled) {
        i = best.j;
        continue;
      }
      const qualified = /^,\s*\p{Lu}/u.test(text.slice(end, end + 3));
      const common = gaz.isCommonWord(lower);
      // Common words and sentence-initial or all-capital words need a prominent reading.
      const start = t.sentenceStart || t.upper;
      const needPop = common
        ? start || lowerWords.has(lower) ? 1_000_000 : 100_000
        : start ? 20_000 : 0;
      // A town of a country the story names may start a sentence ("Kupyansk was hit").
      const inStory = !common && best.hits.some((h) => h.place.kind === 'city' && h.place.population >= 10_000 && namedCountries.has(h.place.country));
      if (needPop && !qualified && !inStory && !prominent(best.hits, needPop, !common && !t.upper)) {
        i = best.j;
        continue;
      }
      // A given name before another capitalised word is a person's or a team's ("Scott West Panthers").
      const afterLower = after ? after.text.replace(/['’]s$/, '').toLowerCase() : '';
      if (
        after && after.cap && /^\s+$/.test(afterGap) && !/['’]s$/.test(t.text) && isFirstName(lower) &&
        !ORG_WORDS.has(afterLower) && !PLACE_ORG_WORDS.has(afterLower) && !prominent(best.hits, 100_000)
      ) {
        i = best.j;
        continue;
      }
      // Alternate-name-only matches of smaller places are mostly foreign words ("Hamas" ~ Hamm).
      if (best.hits.every((h) => h.alternate || h.folded) && !best.hits.some((h) => h.place.population >= 300_000 || isMajor(h) || (docCountries.has(h.place.country) && h.place.population >= 10_000))) {
        i = best.j;
        continue;
      }
      // A country's demonym that is also a small town's name is the demonym ("Canadian").
      const dem = demonym(gaz, t, undefined, { text, tokens, index: i });
      if (dem && !best.hits.some((h) => isMajor(h) || h.place.population >= 100_000)) {
        out.push(dem);
        continue;
      }
    }
    // "United Russia" and "United Georgia" are parties, "United Way" a charity.
    if (prevWord === 'united' && prevTok?.cap) {
      i = best.j;
      continue;
    }
    // "the White House", "The Woodlands": small places rarely take the article; organisations and buildings do.
    // (A single name after "the" is mostly attributive: "the Mansfield resident", "the Ozark police".)
    // A capitalised word after the name makes it attributive too ("the Mount Pleasant Fire Department").
    const theBefore = /^the$/i.test(prevWord) && !single && !(after && after.cap && /^\s+$/.test(afterGap));
    const theInside = /^the$/i.test(t.text) && !single;
    if ((theBefore || theInside) && best.hits.every((h) => h.place.kind === 'city') && !prominent(best.hits, 100_000)) {
      i = best.j;
      continue;
    }
    let form: MentionForm = 'name';
    // "Kyiv region", "Kharkiv Oblast": the region around the named place.
    let hits = best.hits;
    if (REGION_WORDS.has(nextWord) && after) {
      end = after.end;
      form = 'region-phrase';
      // The oblast or province itself when the data spell it longer ("Kharkivska oblast"),
      // in the country of a place of that name.
      const countries = new Set(best.hits.map((h) => h.place.country));
      const regions = gaz.regionsStartingWith(best.key).filter((h) => countries.has(h.place.country));
      if (regions.length) hits = [...regions, ...best.hits];
    }
    out.push({ start, end, surface: text.slice(start, end), key: best.key, form, hits });
    i = form === 'region-phrase' ? best.j + 1 : best.j;
  }

  attachQualifiers(text, out);
  return mergeBorders(text, gaz, out);
}

/** "Ukrainian", "Russians", "Sri Lankan" (with `t2`, the second word). */
function demonym(gaz: Gazetteer, t: Token, t2?: Token, ctx?: { text: string; tokens: Token[]; index: number }): RawMention | undefined {
  if (t.upper || (t2 && (!t2.cap || t2.upper))) return undefined;
  if (ctx) {
    const { text, tokens, index } = ctx;
    const prev = tokens[index - 1];
    // "Native American", "African-American": not the country.
    if (prev && prev.cap && /^[\s-]$/.test(text.slice(prev.end, t.start)) && /^(native|african|asian|mexican|irish|italian|arab|latin|anglo|north|south|central)$/i.test(prev.text)) return undefined;
    // Languages and cuisines: "French immersion", "Italian food", "Indian Lake Road".
    const nextTok = tokens[index + (t2 ? 2 : 1)];
    if (nextTok && /^\s+$/.test(text.slice((t2 ?? t).end, nextTok.start)) && NOT_COUNTRY_NOUNS.has(nextTok.text.toLowerCase())) return undefined;
    // "American Red Cross", "Egyptian Premier League": part of an organisation's name.
    for (let k = index + (t2 ? 2 : 1), n = 0; k < tokens.length && n < 4; k++, n++) {
      const tk = tokens[k] as Token;
      if (!tk.cap || !/^\s+$/.test(text.slice((tokens[k - 1] as Token).end, tk.start))) break;
      if (ORG_WORDS.has(tk.text.toLowerCase())) return undefined;
    }
  }
  const last = (t2 ?? t).text.replace(/['’]s$/, '');
  const end = (t2 ?? t).start + last.length;
  const word = t2 ? `${t.text} ${last}` : last;
  const country = gaz.demonym(word);
  if (!country) return undefined;
  return {
    start: t.start,
    end,
    surface: word,
    key: nameKey(word),
    form: 'demonym',
    hits: [{ place: country, alternate: false, folded: false }],
  };
}

/** "Paris, Texas", "Tbilisi, Georgia", "Hurricane, W.Va.": a following state or country constrains the place. */
function attachQualifiers(text: string, ms: RawMention[]): void {
  for (let k = 0; k + 1 < ms.length; k++) {
    const a = ms[k] as RawMention;
    const b = ms[k + 1] as RawMention;
    if (!/^,\s*$/.test(text.slice(a.end, b.start)) || a.form !== 'name') continue;
    const q = b.hits.filter((h) => h.place.kind === 'country' || h.place.featureCode === 'ADM1');
    if (!q.length) continue;
    const aHasIn = (cc: string, a1?: string) => a.hits.some((h) => h.place.country === cc && (!a1 || h.place.admin1 === a1) && h.place !== q[0]?.place);
    for (const h of q) {
      const a1 = h.place.kind === 'country' ? undefined : h.place.admin1;
      if (aHasIn(h.place.country, a1)) {
        a.qualifier = { country: h.place.country, admin1: a1 };
        break;
      }
    }
  }
}

/** "Ukraine's border with Belarus" / "the border with Belarus" → one border mention. */
function mergeBorders(text: string, gaz: Gazetteer, ms: RawMention[]): RawMention[] {
  const out: RawMention[] = [];
  for (let k = 0; k < ms.length; k++) {
    const m = ms[k] as RawMention;
    const isCountry = (x: RawMention | undefined) => !!x && x.hits.some((h) => h.place.kind === 'country');
    // X's border with Y
    const next = ms[k + 1];
    const mid = next ? text.slice(m.end, next.start) : '';
    if (isCountry(m) && next && isCountry(next) && /^['’]s\s+(?:\w+\s+)?border\s+with\s+$/i.test(mid)) {
      out.push(borderMention(text, gaz, m.start, next.end, m.surface, next.surface));
      k++;
      continue;
    }
    // (the) border with Y
    const before = text.slice(Math.max(0, m.start - 40), m.start);
    const bm = /\bborders?\s+with\s+$/i.exec(before);
    if (isCountry(m) && bm && !/['’]s\s+(?:\w+\s+)?borders?\s+with\s+$/i.test(before)) {
      const start = m.start - bm[0].length;
      out.push(borderMention(text, gaz, start, m.end, '', m.surface));
      continue;
    }
    out.push(m);
  }
  return out;
}

function borderMention(text: string, gaz: Gazetteer, start: number, end: number, a: string, b: string): RawMention {
  return {
    start,
    end,
    surface: text.slice(start, end),
    key: `border ${nameKey(a)} ${nameKey(b)}`,
    form: 'border',
    hits: gaz.lookup(b, false).filter((h) => h.place.kind === 'country'),
    borderNames: [a, b],
  };
}
