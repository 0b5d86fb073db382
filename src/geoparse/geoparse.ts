// Public entry of the geoparser: load the gazetteer once, then geoparse texts.
// Node-only; never imported by the browser app.
import type { Candidate, MentionKind, PlaceMention } from './types.ts';
import { loadGazetteerSync } from './gazetteer/cache.ts';
import type { Gazetteer, Place } from './gazetteer/gazetteer.ts';
import { recognise } from './recognise/recognise.ts';
import { resolveMentions, type Resolved } from './resolve/resolve.ts';
import { sharedBorder } from './borders/shared-border.ts';
import { nameKey } from './normalise/normalise.ts';
import { capitalMentions } from './resolve/coreference.ts';

export type { Gazetteer } from './gazetteer/gazetteer.ts';

let loaded: Gazetteer | undefined;

/** The gazetteer, compiled into .cache/gazetteer/ on first use or when its inputs change. */
export async function loadGazetteer(): Promise<Gazetteer> {
  loaded ??= loadGazetteerSync();
  return loaded;
}

export interface GeoparseOptions {
  /** ISO date of the article; reserved for date-aware disambiguation. */
  articleDate?: string;
  /**
   * Also return places referred to by role ("the Ukrainian capital", "the country's
   * capital"), marked `coreference: true`; the names inside them ("Ukrainian") are then
   * left out. Off by default: these are not toponyms (the CLI and the evaluation).
   */
  coreference?: boolean;
}

export function kindOf(p: Place): MentionKind {
  if (p.kind === 'country') return 'country';
  if (p.kind === 'continent') return 'continent';
  if (p.kind === 'region') return 'region';
  return 'city';
}

/** Rough radius of the place in km, so a map can show how precise a dot is. */
export function precisionKm(p: Place): number {
  if (p.kind === 'country') return Math.round(Math.sqrt(p.population / 100) / 2);
  if (p.kind === 'continent') return 2000;
  if (p.featureCode === 'ADM1') return 150;
  if (p.featureCode === 'ADM2') return 30;
  if (p.population >= 1_000_000) return 20;
  if (p.population >= 100_000) return 8;
  return 3;
}

function candidate(p: Place, score: number): Candidate {
  return {
    name: p.name,
    lat: p.lat,
    lon: p.lon,
    country: p.country,
    kind: kindOf(p),
    ...(p.geonameid ? { geonameid: p.geonameid } : {}),
    population: p.population,
    featureCode: p.featureCode,
    score,
  };
}

export function geoparse(text: string, gaz: Gazetteer, opts: GeoparseOptions = {}): PlaceMention[] {
  void opts;
  const resolved = dropOrphans(resolveMentions(recognise(text, gaz)), gaz);
  const countryCounts = new Map<string, number>();
  for (const r of resolved) if (r.mention.form !== 'border') countryCounts.set(r.place.country, (countryCounts.get(r.place.country) ?? 0) + 1);
  const mentions = resolved.map((r) => (r.mention.form === 'border' ? borderPlace(r, gaz, countryCounts) : toPlaceMention(r)));
  return opts.coreference ? withCapitalReferences(text, mentions, gaz) : mentions;
}

/**
 * `mentions` plus the capitals the text refers to by role (see resolve/coreference.ts),
 * in text order; a name inside such a reference ("Ukrainian" in "the Ukrainian capital")
 * is replaced by it. Idempotent. The gazetteer is loaded only when the text says "capital".
 */
export function withCapitalReferences(text: string, mentions: PlaceMention[], gaz?: Gazetteer): PlaceMention[] {
  if (!/\bcapital(?![\p{L}\d-])/u.test(text)) return mentions;
  const names = mentions.filter((m) => !m.coreference);
  const refs = capitalMentions(text, names, gaz ?? (loaded ??= loadGazetteerSync()), { precisionKm });
  if (!refs.length) return names;
  const inside = (m: PlaceMention) => refs.some((r) => r.start <= m.start && m.end <= r.end);
  return [...names.filter((m) => !inside(m)), ...refs].sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * The name to show: GeoNames' own, unless the text used another established name of a
 * large place ("Kyiv" for GeoNames' "Kiev", "Odesa" for "Odessa").
 */
function displayName(r: Resolved): string {
  const p = r.place;
  if (r.mention.form !== 'name') return p.name;
  const surface = r.mention.surface.replace(/['’]s$/, '');
  const ascii = /^[\x00-\x7f]*$/;
  // "Istanbul" for GeoNames' "İstanbul".
  // "Istanbul" for GeoNames' "İstanbul", "Khan Younis" for "Khān Yūnis": the text's ASCII spelling.
  if (!ascii.test(p.name) && ascii.test(surface) && /^\p{Lu}\p{Ll}/u.test(surface) && p.kind !== 'country') return surface;
  // "Lviv" for GeoNames' "L'viv": the same letters without the transliteration's apostrophes.
  if (p.kind === 'city' && /^\p{Lu}\p{Ll}/u.test(surface) && nameKey(surface) === nameKey(p.name)) return surface;
  if ((r.hit.alternate || r.hit.folded) && p.kind === 'city' && p.population >= 10_000 && /^\p{Lu}[\p{Ll}'’ -]+$/u.test(surface) && /^[\x00-\x7f]*$/.test(surface)) return surface;
  return p.name;
}

/**
 * A smaller foreign town that nothing else in the story points to is most likely a
 * word that happens to be its name ("Toyota", "Obama" in a US story): drop it when
 * another country clearly dominates and neither its country nor a neighbour is named.
 */
export function dropOrphans(resolved: Resolved[], gaz: Gazetteer): Resolved[] {
  const namesByCountry = new Map<string, Set<string>>();
  for (const r of resolved) {
    const cc = r.place.country;
    if (!cc) continue;
    let set = namesByCountry.get(cc);
    if (!set) namesByCountry.set(cc, (set = new Set()));
    set.add(r.mention.key);
  }
  const dominant = Math.max(0, ...[...namesByCountry.values()].map((s) => s.size));
  return resolved.filter((r) => {
    const p = r.place;
    if (p.kind !== 'city' || p.featureCode === 'PPLC' || r.mention.form !== 'name' || r.mention.qualifier || p.population >= 1_000_000 || dominant < 2) return true;
    const own = namesByCountry.get(p.country);
    if (own && [...own].some((k) => k !== r.mention.key)) return true;
    if (gaz.neighbours(p.country).some((n) => namesByCountry.has(n))) return true;
    return (own?.size ?? 0) >= dominant;
  });
}

function toPlaceMention(r: Resolved): PlaceMention {
  const p = r.place;
  return {
    start: r.mention.start,
    end: r.mention.end,
    surface: r.mention.surface,
    name: displayName(r),
    lat: p.lat,
    lon: p.lon,
    kind: r.mention.form === 'region-phrase' ? 'region' : kindOf(p),
    country: p.country,
    ...(p.geonameid ? { geonameid: p.geonameid } : {}),
    ...(r.mention.form === 'demonym' ? { modifier: true } : {}),
    precisionKm: r.mention.form === 'region-phrase' && p.kind === 'city' ? 80 : precisionKm(p),
    confidence: r.confidence,
    alternatives: r.alternatives.map((a) => candidate(a.place, a.score)),
  };
}

/** "Ukraine's border with Belarus": the first country is named, or else the article's main one. */
function borderPlace(r: Resolved, gaz: Gazetteer, countryCounts: Map<string, number>): PlaceMention {
  const b = r.place.country;
  const [firstName] = r.mention.borderNames ?? ['', ''];
  let a = firstName ? gaz.lookup(firstName, false).find((h) => h.place.kind === 'country')?.place.country : undefined;
  if (!a) {
    a = [...countryCounts].filter(([cc]) => cc && cc !== b).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]?.[0];
  }
  const border = a ? sharedBorder(a, b) : null;
  const aPlace = a ? gaz.countryByCode(a) : undefined;
  return {
    start: r.mention.start,
    end: r.mention.end,
    surface: r.mention.surface,
    name: aPlace ? `${aPlace.name}–${r.place.name} border` : `${r.place.name} border`,
    lat: border ? border.point[1] : r.place.lat,
    lon: border ? border.point[0] : r.place.lon,
    kind: 'border',
    country: a ?? b,
    countries: a ? [a, b] : [b],
    precisionKm: border ? 100 : precisionKm(r.place),
    confidence: border ? r.confidence : Math.min(r.confidence, 0.4),
    alternatives: [],
  };
}
