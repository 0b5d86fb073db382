// The browser loader (src/data/load.ts) against the broken files in
// tests/fixtures/broken-data: it never throws, a file that is not data gives a
// message, and in a file with good and bad features the good ones are kept and
// every bad one is skipped with a reason. Also a 50 MB file, generated here.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCollection, loadEvents } from '../../src/data/load.ts';
import { basicValidateFeature } from '../../src/data/basic-validate.ts';
import { validateFeature } from '../../src/events/validate.ts';
import { semanticFeatureErrors } from '../../src/security/feature-checks.ts';

const DIR = fileURLToPath(new URL('../fixtures/broken-data/', import.meta.url));
const read = (f: string) => readFileSync(join(DIR, f), 'utf8');
const GOOD = ['bg-invasion-2022', 'talks-istanbul', 'exchange-border-0523', 'exchange-returned-0524'];

/** A fetch that answers with the given body, as a static file server would. */
const serve = (body: string | Uint8Array, type = 'application/geo+json'): typeof fetch =>
  (async () => new Response(body as string | Uint8Array<ArrayBuffer>, { status: 200, headers: { 'content-type': type } })) as typeof fetch;

describe('broken data in the browser loader', () => {
  it('mixed.geojson: keeps exactly the good features and gives a reason for every bad one', async () => {
    const r = await loadEvents('mixed.geojson', serve(read('mixed.geojson')));
    if (!r.ok) throw new Error(r.message);
    expect(r.validator).toBe('schema');
    expect(r.collection.features.map((f) => f.id)).toEqual(GOOD);
    const total = (JSON.parse(read('mixed.geojson').replace('1e400', '0')) as { features: unknown[] }).features.length;
    expect(r.skipped.length).toBe(total - GOOD.length);
    for (const s of r.skipped) {
      expect(s.errors.length, JSON.stringify(s)).toBeGreaterThan(0);
      for (const e of s.errors) expect(typeof e).toBe('string');
    }
    // Each named bad feature is skipped, with the field at fault in its reason.
    const reason = (id: string) => r.skipped.find((s) => s.id === id)?.errors.join('; ') ?? '(kept!)';
    expect(reason('bad-category-number')).toMatch(/category/);
    expect(reason('bad-date-feb-30')).toMatch(/date/);
    expect(reason('bad-date-month-13')).toMatch(/date/);
    expect(reason('bad-geometry-missing')).toMatch(/geometry/);
    expect(reason('bad-coords-lon-200')).toMatch(/coordinates/);
    expect(reason('bad-coords-lat-95')).toMatch(/coordinates/);
    expect(reason('bad-coords-1e400')).toMatch(/coordinates/);
    expect(reason('bad-confidence-2')).toMatch(/confidence/);
    expect(reason('bad-figures-negative')).toMatch(/figures/);
    expect(r.skipped.find((s) => s.id === 'exchange-border-0523')?.errors.join()).toMatch(/duplicate/);
  });

  it('mixed.geojson: no bad-* feature survives the schema validator', () => {
    const r = checkCollection(JSON.parse(read('mixed.geojson')), validateFeature);
    if (!r.ok) throw new Error(r.message);
    expect(r.collection.features.map((f) => f.id)).toEqual(GOOD);
  });

  it('mixed.geojson: the fallback validator (no schema in the build) still skips every feature the app could not place or date', () => {
    const r = checkCollection(JSON.parse(read('mixed.geojson')), basicValidateFeature);
    if (!r.ok) throw new Error(r.message);
    const kept = r.collection.features.map((f) => String(f.id));
    // Looser on confidence and figures, which only change a label.
    expect(kept.filter((id) => id.startsWith('bad-') && !/^bad-(confidence|figures)/.test(id))).toEqual([]);
  });

  it('semanticFeatureErrors: geometry types named like Object.prototype members are unsupported, not crashes', () => {
    for (const type of ['constructor', 'toString', '__proto__', 'GeometryCollection'])
      expect(semanticFeatureErrors({ type: 'Feature', geometry: { type, coordinates: [[[[[1, 2]]]]] }, properties: { date: '2025-05-24' } })).toEqual([
        `/geometry/type ${JSON.stringify(type)} is not a supported geometry`,
      ]);
    expect(semanticFeatureErrors({ geometry: { type: 'MultiPolygon', coordinates: [[[[30, 50], [31, 50], [31, 51], [30, 50]]]] }, properties: { date: '2024-02-29' } })).toEqual([]);
    expect(semanticFeatureErrors({ geometry: { type: 'LineString', coordinates: [[30, 50], [30, -91]] }, properties: { date: '2023-02-29' } })).toHaveLength(2);
  });

  it('mixed.geojson: __proto__ keys pollute nothing', () => {
    checkCollection(JSON.parse(read('mixed.geojson')), validateFeature);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(({} as Record<string, unknown>)['category']).toBeUndefined();
  });

  it.each([
    ['truncated.geojson', /not valid JSON/],
    ['array-root.geojson', /not a GeoJSON FeatureCollection/],
    ['single-feature.geojson', /not a GeoJSON FeatureCollection/],
    ['features-object.geojson', /not a GeoJSON FeatureCollection/],
    ['null.geojson', /not a GeoJSON FeatureCollection/],
    ['html-page.geojson', /./],
  ])('%s: a message for the user, no exception', async (file, msg) => {
    const r = await loadEvents(file, serve(read(file)));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(msg);
  });

  it.each(['empty.geojson', 'bom-empty.geojson'])('%s: loads with no events and nothing skipped', async (file) => {
    const r = await loadEvents(file, serve(readFileSync(join(DIR, file))));
    if (!r.ok) throw new Error(r.message);
    expect(r.collection.features).toEqual([]);
    expect(r.skipped).toEqual([]);
  });

  it('every fixture file is covered by a test above', () => {
    expect(readdirSync(DIR).sort()).toEqual(
      ['array-root', 'bom-empty', 'empty', 'features-object', 'html-page', 'mixed', 'null', 'single-feature', 'truncated'].map((f) => `${f}.geojson`),
    );
  });

  it('fuzz: any JSON value in a feature slot is kept only if it validates, and nothing throws', () => {
    const good = JSON.parse(read('mixed.geojson')).features[0];
    const mutate = fc.tuple(
      fc.constantFrom('type', 'id', 'geometry', 'properties', 'properties.date', 'properties.place', 'properties.quote', 'geometry.coordinates', 'properties.figures', 'properties.confidence'),
      fc.jsonValue(),
    );
    fc.assert(
      fc.property(fc.array(mutate, { maxLength: 3 }), (ms) => {
        const f = structuredClone(good);
        for (const [path, v] of ms) {
          const keys = path.split('.');
          let o = f;
          for (const k of keys.slice(0, -1)) o = o && typeof o === 'object' ? o[k] : undefined;
          if (o && typeof o === 'object') o[keys.at(-1)!] = v;
        }
        const r = checkCollection({ type: 'FeatureCollection', features: [f] }, validateFeature);
        if (!r.ok) throw new Error('collection rejected');
        expect(r.collection.features.length + r.skipped.length).toBe(1);
        if (r.collection.features.length) expect(validateFeature(f)).toEqual({ ok: true });
      }),
      { seed: 401, numRuns: 300 },
    );
  });

  it('a 50 MB file of events loads, skips its bad features, and gives the count', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trust-big-'));
    try {
      const base = JSON.parse(read('mixed.geojson')).features[1];
      const parts: string[] = [];
      let size = 0;
      let n = 0;
      let bad = 0;
      while (size < 50 * 1024 * 1024) {
        const f = structuredClone(base);
        f.id = f.properties.id = `big-${n}`;
        // Every 100th feature is broken; quotes are long, as real sentences can be.
        if (n % 100 === 99) {
          f.properties.date = '2025-02-30';
          bad++;
        }
        f.properties.quote = `${n} `.padEnd(400, 'x');
        const s = JSON.stringify(f);
        parts.push(s);
        size += s.length + 1;
        n++;
      }
      const file = join(dir, 'big.geojson');
      writeFileSync(file, `{"type":"FeatureCollection","features":[${parts.join(',')}],"articles":[]}`);
      const bytes = readFileSync(file);
      expect(bytes.length).toBeGreaterThanOrEqual(50 * 1024 * 1024);
      const t0 = performance.now();
      const r = await loadEvents('big.geojson', serve(bytes));
      const ms = performance.now() - t0;
      if (!r.ok) throw new Error(r.message);
      expect(r.collection.features.length).toBe(n - bad);
      expect(r.skipped.length).toBe(bad);
      // Generous bound: this is about not hanging, not a benchmark.
      expect(ms).toBeLessThan(30_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
