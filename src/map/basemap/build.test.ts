// `npm run basemap` is reproducible: rebuilding from the installed packages
// gives exactly the committed files, and tiles whose hash is the committed
// src/map/basemap/tiles.json. If this fails after a package update, run
// `npm run basemap` and commit the result.
//
// The tiles themselves are generated (gitignored), so every check of their
// content runs on this test's own rebuild, never on public/: `npm test` runs the
// unit tests before anything has generated them on a fresh clone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { buildBasemap, TILES_RECORD_FILE, type BuildResult } from '../../../scripts/build-basemap';
import { countryAt, type CountryFeature } from '../../geo/world-polygons';
import { basemapStyle, BASEMAP_SOURCE } from './style';
import { SOURCE_LAYERS, TILES_DIR, TILES_RECORD, TILES_STAMP, TILE_MAXZOOM } from './tiling';

const ROOT = resolve(import.meta.dirname, '../../..');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

let dir: string;
let built: BuildResult;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'basemap-'));
  // No timing assertion: ~4 s idle, but CI shares two cores with other suites.
  built = buildBasemap({ publicDir: join(dir, 'public'), srcDir: join(dir, 'src') });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The tile holding [lon, lat] at zoom z. */
function tileAt(z: number, lon: number, lat: number): [number, number, number] {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return [z, Math.floor(((lon + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n)];
}

/** One source-layer of a rebuilt tile, as GeoJSON in lon/lat. */
function layerAt(layer: string, [z, x, y]: [number, number, number]): Feature[] {
  const bytes = built.tiles.get(`${z}/${x}/${y}.pbf`);
  if (!bytes) throw new Error(`no tile ${z}/${x}/${y}`);
  const l = new VectorTile(new PbfReader(bytes)).layers[layer];
  return l ? Array.from({ length: l.length }, (_, i) => l.feature(i).toGeoJSON(x, y, z) as Feature) : [];
}

const labelsAt = (tile: [number, number, number]) =>
  layerAt(SOURCE_LAYERS.labels, tile).map((f) => f.properties as { kind: string; name: string; z: number });

describe('build-basemap', () => {
  it('rebuilds byte-identical files to the committed ones, and tiles with the committed hash', () => {
    expect(built.files.size).toBeGreaterThan(20);
    const srcFiles = new Set(['font-files.json', TILES_RECORD_FILE]);
    for (const path of built.files.keys()) {
      const committed = srcFiles.has(path)
        ? readFileSync(join(ROOT, 'src/map/basemap', path))
        : readFileSync(join(ROOT, 'public', path));
      const rebuilt = readFileSync(srcFiles.has(path) ? join(dir, 'src', path) : join(dir, 'public', path));
      expect({ path, sha: sha(rebuilt) }).toEqual({ path, sha: sha(committed) });
    }
    // The stamp in the tiles folder is the committed record (what start/e2e/vite check).
    expect(readFileSync(join(dir, 'public', TILES_STAMP), 'utf8')).toBe(readFileSync(join(ROOT, TILES_RECORD), 'utf8'));
    expect(built.files.has('basemap/countries.geojson')).toBe(false);
  });

  it('writes every tile of the pyramid, empty ones as 0-byte files, where the style’s URL points', () => {
    const expected = Array.from({ length: TILE_MAXZOOM + 1 }, (_, z) => 4 ** z).reduce((a, b) => a + b);
    expect(built.tiles.size).toBe(expected);
    const template = (basemapStyle({ theme: 'light', baseUrl: 'http://x/' }).sources[BASEMAP_SOURCE] as { tiles: string[] }).tiles[0]!;
    expect(template).toBe(`http://x/${TILES_DIR}/{z}/{x}/{y}.pbf`);
    const ocean = tileAt(TILE_MAXZOOM, -150, -40); // South Pacific: nothing there
    expect(built.tiles.get(ocean.join('/') + '.pbf')!.length).toBe(0);
    for (const [z, x, y] of [[0, 0, 0], ocean, [TILE_MAXZOOM, 2 ** TILE_MAXZOOM - 1, 2 ** TILE_MAXZOOM - 1]]) {
      const file = join(dir, 'public', TILES_DIR, `${z}/${x}/${y}.pbf`);
      expect(existsSync(file), file).toBe(true);
    }
    expect(readdirSync(join(dir, 'public', TILES_DIR)).sort()).toEqual([...Array.from({ length: TILE_MAXZOOM + 1 }, (_, z) => String(z)), 'manifest.json'].sort());
  });

  it('ships Crimea inside Ukraine: Simferopol falls in UA’s tiled polygon, not RU’s', () => {
    for (const z of [3, TILE_MAXZOOM]) {
      const countries = layerAt(SOURCE_LAYERS.countries, tileAt(z, 34.1, 44.95)) as Feature<Polygon | MultiPolygon, { iso2: string }>[];
      const asCountries = countries as unknown as CountryFeature[];
      expect(countryAt(asCountries, [34.1, 44.95]), `z${z}`).toBe('UA');
      expect(countryAt(asCountries.filter((f) => f.properties.iso2 === 'RU'), [34.1, 44.95])).toBeUndefined();
      // Only what the style uses.
      expect(Object.keys(countries[0]!.properties).sort()).toEqual(['iso2']);
    }
    const kinds = new Set(layerAt(SOURCE_LAYERS.boundaries, tileAt(TILE_MAXZOOM, 36, 50)).map((f) => f.properties!['kind']));
    expect([...kinds]).toEqual(['international']);
  });

  it('puts a label in the tiles from its min zoom on, and every label in the max-zoom tiles', () => {
    // Kupiansk (z 7–8) and Kharkiv (a big city): the max-zoom tile, which
    // MapLibre overzooms to 7–10, holds both; the z5 tile only Kharkiv.
    const deep = labelsAt(tileAt(TILE_MAXZOOM, 37.6, 49.7));
    const kupiansk = deep.find((l) => l.name === 'Kupiansk');
    expect(kupiansk?.z).toBeGreaterThan(TILE_MAXZOOM);
    expect(deep.map((l) => l.name)).toContain('Kharkiv');
    const z5 = labelsAt(tileAt(5, 37.6, 49.7)).map((l) => l.name);
    expect(z5).toContain('Kharkiv');
    expect(z5).not.toContain('Kupiansk');
    for (const z of [0, 1, 2, 3, 4, 5]) {
      for (let x = 0; x < 2 ** z; x++) for (let y = 0; y < 2 ** z; y++) {
        for (const l of labelsAt([z, x, y])) expect(l.z, `${l.name} in ${z}/${x}/${y}`).toBeLessThanOrEqual(z);
      }
    }
  });

  it('ships what the map needs, in bounded sizes', () => {
    const all = new Map<string, Set<string>>();
    for (const [path] of built.tiles) {
      if (!path.startsWith(`${TILE_MAXZOOM}/`)) continue;
      const [z, x, y] = path.replace('.pbf', '').split('/').map(Number) as [number, number, number];
      for (const l of labelsAt([z, x, y])) {
        if (!all.has(l.kind)) all.set(l.kind, new Set());
        all.get(l.kind)!.add(l.name);
      }
    }
    expect([...all.keys()].sort()).toEqual(['city', 'country', 'marine']);
    expect([...all.get('country')!]).toEqual(expect.arrayContaining(['Ukraine', 'Russia', 'Belarus', 'Turkey']));
    expect([...all.get('city')!]).toEqual(expect.arrayContaining(['Kyiv', 'Odesa', 'Kupiansk', 'Istanbul', 'Simferopol']));
    expect(all.get('marine')).toContain('Black Sea');
    const bytes = [...built.tiles.values()].reduce((s, b) => s + b.length, 0);
    expect(bytes).toBeLessThan(4 * 1024 * 1024);
    // The seed's region at its zoom: a few tiles of tens of KB, not megabytes.
    const [z, x, y] = tileAt(5, 32, 48.5);
    expect(built.tiles.get(`${z}/${x}/${y}.pbf`)!.length).toBeLessThan(64 * 1024);
  });
});
