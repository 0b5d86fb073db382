// Which capital a role reference means (recognise/capitals.ts finds the words):
// - "the Ukrainian capital", "Ukraine's capital", "the capital of Ukraine": that country's.
// - "the country's capital", "the capital": the capital of the country the text is
//   about there: the countries of the places named earlier in the same sentence and
//   in the two sentences before; the document's dominant country when it is one of
//   them, else the nearest; with no place nearby, the dominant country.
// Not resolved (left out) when the reference is an apposition of a name already there
// ("Kyiv, the Ukrainian capital", "the capital, Kyiv"), when a bare "the capital" follows a first-level
// region ("Texas ... the capital" is Austin, not Washington), or when no capital is known.
// The mentions are marked `coreference` and carry lower confidence than names.
import type { Gazetteer, Place } from '../gazetteer/gazetteer.ts';
import { findCapitalReferences, type CapitalForm, type CapitalReference } from '../recognise/capitals.ts';
import { splitSentences } from '../events/sentences.ts';
import type { Candidate, PlaceMention } from '../types.ts';

/** Confidence of a reference whose country is certain (by its form) or agreed by the context. */
const CONFIDENCE: Record<CapitalForm, number> = { demonym: 0.85, named: 0.85, country: 0.7, bare: 0.6 };
/** Factor when the context is split (the nearest country of several, not the dominant one) or empty. */
const WEAK_CONTEXT = 0.8;
/** How many sentences before the reference's own count as its context. */
const SENTENCES_BACK = 2;

export interface CapitalHelpers {
  precisionKm: (p: Place) => number;
}

/** The document's dominant country: most mentions, strictly ahead of the next. */
export function dominantCountry(mentions: PlaceMention[]): string | undefined {
  const counts = new Map<string, number>();
  for (const m of mentions) if (m.kind !== 'continent' && /^[A-Z]{2}$/.test(m.country)) counts.set(m.country, (counts.get(m.country) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const [first, second] = ranked;
  return first && (!second || first[1] > second[1]) ? first[0] : undefined;
}

/**
 * Capital references in `text` as place mentions (`coreference: true`, kind 'city'),
 * given the document's other mentions as context. References overlapping a name
 * mention other than the country they contain ("the Ukrainian capital" contains the
 * demonym) are left out.
 */
export function capitalMentions(text: string, mentions: PlaceMention[], gaz: Gazetteer, helpers: CapitalHelpers): PlaceMention[] {
  const refs = findCapitalReferences(text, gaz);
  if (!refs.length) return [];
  const sentences = splitSentences(text);
  const sentenceAt = (pos: number) => {
    let k = sentences.findIndex((s) => pos < s.end);
    if (k < 0) k = sentences.length - 1;
    return k;
  };
  const names = mentions.filter((m) => !m.coreference).sort((a, b) => a.start - b.start);
  const dominant = dominantCountry(names);
  const out: PlaceMention[] = [];
  for (const ref of refs) {
    // Overlaps only with what it contains: the demonym or the country it names.
    if (names.some((m) => m.start < ref.end && ref.start < m.end && !(ref.start <= m.start && m.end <= ref.end && m.country === ref.country))) continue;
    // "Kyiv, the Ukrainian capital": the name is already the mention.
    const before = text.slice(Math.max(0, ref.start - 4), ref.start);
    const sep = /,\s*$/.exec(before);
    if (sep && names.some((m) => m.end === ref.start - sep[0].length && m.kind === 'city')) continue;
    // "the Russian capital, Moscow," / "the capital, Kyiv,": likewise.
    const next = /^,\s*(?:the\s+)?/.exec(text.slice(ref.end, ref.end + 8));
    if (next && names.some((m) => m.start === ref.end + next[0].length && m.kind === 'city' && !m.modifier)) continue;
    const choice = ref.country ? { country: ref.country, strong: true, others: [] as [string, number][] } : contextCountry(ref, names, sentences, sentenceAt, dominant);
    if (!choice) continue;
    const capital = gaz.capital(choice.country);
    if (!capital) continue;
    const p = capital.place;
    const alternatives: Candidate[] = [];
    // The other countries of the context, scored by how many places nearby name them.
    for (const [cc, n] of choice.others) {
      const c = gaz.capital(cc);
      if (c) alternatives.push({ name: c.name, lat: c.place.lat, lon: c.place.lon, country: cc, kind: 'city', ...(c.place.geonameid ? { geonameid: c.place.geonameid } : {}), population: c.place.population, featureCode: c.place.featureCode, score: n });
    }
    out.push({
      start: ref.start,
      end: ref.end,
      surface: ref.surface,
      name: capital.name,
      lat: p.lat,
      lon: p.lon,
      kind: 'city',
      country: choice.country,
      ...(p.geonameid ? { geonameid: p.geonameid } : {}),
      coreference: true,
      precisionKm: helpers.precisionKm(p),
      confidence: Math.round(CONFIDENCE[ref.form] * (choice.strong ? 1 : WEAK_CONTEXT) * 100) / 100,
      alternatives: alternatives.slice(0, 3),
    });
  }
  return out;
}

/** The country a "the capital" / "the country's capital" points back to, or none. */
function contextCountry(
  ref: CapitalReference,
  names: PlaceMention[],
  sentences: { start: number; end: number }[],
  sentenceAt: (pos: number) => number,
  dominant: string | undefined,
): { country: string; strong: boolean; others: [string, number][] } | undefined {
  const k = sentenceAt(ref.start);
  const from = sentences[Math.max(0, k - SENTENCES_BACK)]?.start ?? 0;
  const near = names
    .filter((m) => m.start >= from && m.end <= ref.start && m.kind !== 'continent' && /^[A-Z]{2}$/.test(m.country))
    .sort((a, b) => b.end - a.end);
  const nearest = near[0];
  // After a state or province, a bare "the capital" is most likely its capital.
  if (ref.form === 'bare' && nearest && nearest.kind === 'region' && !nearest.modifier) return undefined;
  const countries = [...new Set(near.map((m) => m.country))];
  if (!countries.length) return dominant ? { country: dominant, strong: false, others: [] } : undefined;
  const country = dominant && countries.includes(dominant) ? dominant : countries[0]!;
  const count = (cc: string) => near.filter((m) => m.country === cc).length;
  const others = countries.filter((c) => c !== country).map((c): [string, number] => [c, count(c)]);
  return { country, strong: countries.length === 1 || country === dominant, others: others.sort((a, b) => b[1] - a[1]) };
}
