// Places referred to by role instead of by name: "the Ukrainian capital", "Ukraine's
// capital", "the capital of France", "the country's capital", "the capital". This file
// only finds the words and the country they name, if any; which country a bare "the
// capital" means is decided from the surrounding places (resolve/coreference.ts).
//
// Precision before recall: "capital" is also money ("capital gains", "venture capital",
// "Capital One"), so only the lower-case noun after "the" (or a country's possessive)
// counts, and only when the next word cannot be the head of a compound noun ("the
// capital markets", "the capital budget"). A name right after it ("the capital, Kyiv",
// "the capital city of Odesa") is recognised as that name, not as a reference.
import type { Gazetteer } from '../gazetteer/gazetteer.ts';
import { nameKey } from '../normalise/normalise.ts';

/**
 * - `demonym`: "the Ukrainian capital" (the demonym names the country);
 * - `named`: "Ukraine's capital", "the capital of Ukraine";
 * - `country`: "the country's capital", "the nation's capital" (the country from context);
 * - `bare`: "the capital" (the country from context).
 */
export type CapitalForm = 'demonym' | 'named' | 'country' | 'bare';

export interface CapitalReference {
  /** JavaScript string offsets: text.slice(start, end) === surface. */
  start: number;
  end: number;
  surface: string;
  form: CapitalForm;
  /** ISO alpha-2 of the country the words name (forms `demonym` and `named`). */
  country?: string;
}

// "the" + optional ("country's" | demonym of one or two words) + "capital", or
// "<Country>'s capital". The noun itself is lower case: "Capital One", "Capital Region".
const REFERENCE =
  /\b(?:([Tt]he)\s+(?:(country|nation)['’]s\s+|(\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+)?)\s+)?|(\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,2})['’]s\s+)capital(?![\p{L}\d-])/gu;

/** Words that may follow the noun "capital" when it is the city ("the capital was hit", "the capital on Saturday"). */
const FOLLOWERS = new Set(
  `was is were has had have and or but nor on in at of since for with from to by into onto against around
  across throughout near under over through during until amid after before as while when where which that who
  whose being been again also too though yet still then now itself early earlier late later last
  overnight yesterday today tonight this these those remains remained came comes saw sees faced faces suffered
  suffers shook woke would will could can may might must should did does do got gets next`.split(/\s+/),
);

/** Verbs whose object "the capital" is money, not a city. */
const MONEY_VERB_BEFORE =
  /\b(?:ha(?:ve|s|d|ving)|rais(?:e|es|ed|ing)|lack(?:s|ed|ing)?|need(?:s|ed|ing)?|provid(?:e|es|ed|ing)|secur(?:e|es|ed|ing)|invest(?:s|ed|ing)?|borrow(?:s|ed|ing)?|inject(?:s|ed|ing)?|obtain(?:s|ed|ing)?|put up|come up with|find|found|get|got|spend|spent|return(?:s|ed|ing)? all)\s+(?:all\s+|enough\s+|most\s+|some\s+|of\s+)?$/i;

/**
 * True when the text after "capital" leaves it a noun of its own: the end of the
 * sentence or a clause, a possessive ("the capital's mayor"), or a function word or
 * verb ("the capital was hit", "attacks on the capital since ..."). False for
 * compounds ("capital gains", "capital punishment") and for a name after it.
 */
function standsAlone(after: string): boolean {
  if (/^['’]s(?![\p{L}\d])/u.test(after)) return true;
  // (A name after a comma is an apposition the resolver checks: "the capital, Kyiv,".)
  if (/^\s*(?:$|[.,;:!?)\]"”’'—–]|--|\s-\s)/.test(after)) return true;
  const word = /^\s+([\p{L}][\p{L}'’-]*)/u.exec(after)?.[1];
  if (!word) return false;
  if (/^\p{Lu}/u.test(word)) return false; // "the capital Kyiv", "the capital Tbilisi"
  const w = word.toLowerCase();
  if (w === 'city') return standsAlone(after.replace(/^\s+city/u, '')) && !/^\s+city\s+of\s/iu.test(after);
  if (FOLLOWERS.has(w)) return true;
  // A past-tense verb ("the capital endured", "the capital trembled").
  return /^[a-z]{3,}ed$/.test(w) && !/(?:based|backed|funded|related|owned|led)$/.test(w);
}

/** Capital references in `text`, in order, not overlapping. */
export function findCapitalReferences(text: string, gaz: Gazetteer): CapitalReference[] {
  const out: CapitalReference[] = [];
  const countryNamed = (name: string): string | undefined =>
    gaz.lookupKey(nameKey(name), false).find((h) => h.place.kind === 'country' && !h.alternate)?.place.country;
  REFERENCE.lastIndex = 0;
  for (let m; (m = REFERENCE.exec(text)); ) {
    let start = m.index;
    let end = start + m[0].length;
    const after = text.slice(end, end + 60);
    let form: CapitalForm;
    let country: string | undefined;
    if (m[4]) {
      // "Ukraine's capital", "In Ukraine's capital": the possessor (the last one to three
      // capitalised words) must be a country by its own name.
      const possessor = m[4];
      const starts = [...possessor.matchAll(/\S+/g)].map((w) => w.index);
      const at = starts.find((i) => countryNamed(possessor.slice(i)));
      if (at === undefined) continue;
      country = countryNamed(possessor.slice(at));
      start += at;
      form = 'named';
    } else if (m[3]) {
      // "the Ukrainian capital": a demonym, not another adjective or a name ("the Kremlin capital").
      const d = gaz.demonym(m[3]);
      if (!d) continue;
      country = d.country;
      form = 'demonym';
    } else if (m[2]) form = 'country';
    else {
      // Money: "didn't have the capital or a location", "raise the capital needed".
      if (MONEY_VERB_BEFORE.test(text.slice(Math.max(0, start - 30), start))) continue;
      form = 'bare';
      // "the capital of Ukraine": the country is named after it.
      const of = /^\s+of\s+((?:the\s+)?\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,2})/u.exec(after);
      if (of) {
        const named = countryNamed(of[1]!.replace(/^the\s+/, ''));
        if (!named) continue; // "the capital of Texas", "the capital of Capital One"
        country = named;
        form = 'named';
        end += of[0].length;
      }
    }
    // After "the capital of Turkey" the country's name has ended any compound.
    if (end === start + m[0].length && !standsAlone(text.slice(end, end + 60))) continue;
    if (out.length && out[out.length - 1]!.end > start) continue;
    out.push({ start, end, surface: text.slice(start, end), form, ...(country ? { country } : {}) });
  }
  return out;
}
