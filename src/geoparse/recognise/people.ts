// Finds people's names so their words stay out of place recognition. A title
// ("Sen.", "President") or a common given name marks the capitalised words after it
// as a person; "Name, 34," marks an age. A surname found this way is blocked in the
// whole document ("Henry" after "Chiquita Raquel Henry").
import type { Token } from './tokenise.ts';
import { isFirstName, NEVER_PLACES, STREET_WORDS, TITLE_ABBREVIATIONS, TITLES } from './lexicon.ts';

export interface PeopleResult {
  /** Token indices that are part of a person's name. */
  tokens: Set<number>;
  /** Lower-cased surnames to block everywhere in the document. */
  surnames: Set<string>;
}

export interface PeopleOptions {
  /** True when the word is a country or first-level region name (lean place: "Georgia", "Jordan"). */
  isMajorPlace: (word: string) => boolean;
  /** True when the words form a known place name ("Virginia Beach", "Paris Hill"). */
  isPlaceName: (words: string) => boolean;
  /** True for places big enough to speak for a government ("Moscow said"). */
  isProminentPlace: (word: string) => boolean;
}

/** Words that follow a given name in organisation and place names, not surnames. */
const NOT_SURNAMES = new Set([
  ...STREET_WORDS,
  ...'county parish city state university college school hospital center centre church park beach valley river lake mountain hills heights springs island islands bay tech power high elementary middle academy'.split(' '),
]);

const bare = (w: string) => w.replace(/['’]s$/, '');

const SPEECH_VERBS = new Set(['said', 'says', 'told', 'added', 'explained', 'noted', 'wrote', 'testified']);

function isNameWord(t: Token | undefined): boolean {
  return !!t && t.cap && !t.upper && t.text.length > 1 && !NEVER_PLACES.has(bare(t.text).toLowerCase());
}

function isInitial(text: string, t: Token | undefined): boolean {
  return !!t && /^\p{Lu}$/u.test(t.text) && text[t.end] === '.';
}

export function findPeople(text: string, tokens: Token[], opts: PeopleOptions): PeopleResult {
  const people = new Set<number>();
  const surnames = new Set<string>();
  const byEnd = new Map(tokens.map((t, i) => [t.end, i]));

  // Marks tokens from..(up to 3 name words, initials allowed) as a person; returns the last index.
  const markName = (from: number): number => {
    let j = from;
    let last = -1;
    let words = 0;
    while (j < tokens.length && words < 3) {
      const t = tokens[j];
      if (!t || (j > from && /[^\s]/.test(text.slice((tokens[j - 1] as Token).end, t.start).replace(/^\./, '')))) break;
      if (isInitial(text, t)) {
        people.add(j);
        j++;
        continue;
      }
      if (!isNameWord(t) || NOT_SURNAMES.has(bare(t.text).toLowerCase())) break;
      people.add(j);
      last = j;
      words++;
      j++;
    }
    if (last >= 0) {
      const sur = (tokens[last] as Token).text.replace(/['’]s$/, '').toLowerCase();
      if (last > from || words === 1) surnames.add(sur);
    }
    return last;
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    const lower = t.text.toLowerCase();
    const gapToNext = next ? text.slice(t.end, next.start) : '';
    // "Sen. Smith", "President Volodymyr Zelenskyy", "Gov. Bob Taft".
    const titleGap = /^\s+$/.test(gapToNext) || (TITLE_ABBREVIATIONS.has(lower) && /^\.\s+$/.test(gapToNext));
    if (TITLES.has(lower) && t.cap && next && titleGap && isNameWord(next)) {
      markName(i + 1);
      continue;
    }
    // "David Lammy", "Chiquita Raquel Henry", "John F. Kennedy".
    const prev = tokens[i - 1];
    // Inside a longer capitalised name ("New York", "Fort Boone"), a given name is not a person's.
    const insideName =
      !!prev && prev.cap && /^\s+$/.test(text.slice(prev.end, t.start)) && !TITLES.has(prev.text.toLowerCase()) &&
      (opts.isPlaceName(`${prev.text} ${t.text}`) || (!!next && opts.isPlaceName(`${prev.text} ${t.text} ${bare(next.text)}`)));
    if (t.cap && !t.upper && !insideName && isFirstName(t.text) && next && /^\s+$/.test(gapToNext) && (isNameWord(next) || isInitial(text, next))) {
      const pair = `${t.text} ${bare(next.text)}`;
      if (opts.isPlaceName(pair) || NOT_SURNAMES.has(bare(next.text).toLowerCase())) continue;
      if (opts.isMajorPlace(t.text) && !isFirstNameOnly(next)) continue;
      people.add(i);
      const last = markName(i + 1);
      if (last >= 0) i = last;
      continue;
    }
  }

  // "Harrison said", "said Hopkins": a lone capitalised word speaking is a person, unless it is
  // a big place speaking for its government ("Moscow said", "Washington says").
  for (let v = 0; v < tokens.length; v++) {
    const verb = (tokens[v] as Token).text;
    if (!SPEECH_VERBS.has(verb)) continue;
    // "Harrison said" (the word before) or "..., said Hopkins." (the word after, ending a clause).
    const candidates: number[] = [v - 1];
    const after = tokens[v + 1];
    if ((verb === 'said' || verb === 'says') && after && /^[.,;]/.test(text.slice(after.end, after.end + 1))) candidates.push(v + 1);
    for (const k of candidates) {
      const t = tokens[k];
      if (!t || !t.cap || t.upper || !/^\p{Lu}[\p{Ll}'’]+$/u.test(t.text)) continue;
      const gap = k < v ? text.slice(t.end, (tokens[v] as Token).start) : text.slice((tokens[v] as Token).end, t.start);
      if (!/^\s+$/.test(gap)) continue;
      const word = bare(t.text);
      if (NEVER_PLACES.has(word.toLowerCase()) || opts.isMajorPlace(word) || opts.isProminentPlace(word)) continue;
      const prev = tokens[k - 1];
      // Part of a longer name ("Fire Chief Tom Harrison said") was handled above.
      if (prev && prev.cap && /^\s+$/.test(text.slice(prev.end, t.start))) continue;
      people.add(k);
      surnames.add(word.toLowerCase());
    }
  }

  // "Henry, 19, of ..." and "Smith, 34," mark ages: the capitalised words before are a person.
  for (const m of text.matchAll(/,\s*\d{1,3},/g)) {
    const at = m.index ?? 0;
    let k = byEnd.get(at) ?? -1;
    if (k < 0) continue;
    const sur = (tokens[k] as Token).text.toLowerCase();
    let marked = 0;
    while (k >= 0 && isNameWord(tokens[k]) && marked < 4) {
      people.add(k);
      marked++;
      k--;
      if (k >= 0 && !/^\s+$/.test(text.slice((tokens[k] as Token).end, (tokens[k + 1] as Token).start).replace(/^\./, ''))) break;
    }
    if (marked >= 2) surnames.add(sur);
  }
  return { tokens: people, surnames };
}

// A capitalised word after a first name that is itself a common given name is a
// person's middle name only when more name words follow; keep it simple: not used.
function isFirstNameOnly(t: Token): boolean {
  return isFirstName(t.text);
}
