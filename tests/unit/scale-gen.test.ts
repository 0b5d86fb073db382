import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureEvents, generateEvents, loadCities, parseCities, rng, FIRST_DAY, LAST_DAY } from '../../scripts/gen-events';
import { decode } from '../../src/data/binary/format';
import { idOf } from '../../src/map/scale/columns';
import type { EventCollection } from '../../src/events/types';
import { CATEGORIES } from '../../src/events/types';
import { median, quantile, stepSequence, windowCount } from '../../scripts/bench/stats';

describe('seeded generator', () => {
  const cities = loadCities();
  it('parses the GeoNames gazetteer', () => {
    expect(cities.length).toBeGreaterThan(100_000);
    const kyiv = cities.find((c) => c.geonameid === 703448);
    expect(kyiv?.country).toBe('UA');
    expect(parseCities('1\tA\tA\t\t10.5\t20.5\tP\tPPL\tXX\t\t\t\t\t\t0\n')[0]).toMatchObject({ lat: 10.5, lon: 20.5, population: 1000 });
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const a = generateEvents({ count: 2000, seed: 1, cities });
    const b = generateEvents({ count: 2000, seed: 1, cities });
    const c = generateEvents({ count: 2000, seed: 2, cities });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });

  it('produces events in the data contract, over the whole period, clustered on places', () => {
    const ev = generateEvents({ count: 20_000, seed: 4, cities });
    const dates = ev.map((f) => f.properties.date).sort();
    expect(dates[0]! >= FIRST_DAY && dates[dates.length - 1]! <= LAST_DAY).toBe(true);
    expect(new Set(dates.map((d) => d.slice(0, 4)))).toEqual(new Set(['2023', '2024', '2025']));
    const cats = new Set(ev.map((f) => f.properties.category));
    expect(cats).toEqual(new Set(CATEGORIES));
    for (const f of ev.slice(0, 500)) {
      expect(f.id).toBe(f.properties.id);
      expect(f.properties.quote.length).toBe(f.properties.source.end - f.properties.source.start);
    }
    // Clustered: far fewer distinct places than events, and the busiest place is busy.
    const perPlace = new Map<number, number>();
    for (const f of ev) perPlace.set(f.properties.place.geonameid!, (perPlace.get(f.properties.place.geonameid!) ?? 0) + 1);
    expect(perPlace.size).toBeLessThan(ev.length / 2);
    expect(Math.max(...perPlace.values())).toBeGreaterThan(50);
  });

  it('writes the EVB1 file with its details sidecar, and reuses the cache', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gen-events-'));
    try {
      const g = ensureEvents(5000, 3, dir, false, () => {});
      expect(g.cached).toBe(false);
      expect(readdirSync(g.details)).toEqual(['00000.json', '00001.json']);
      const bytes = readFileSync(g.binary);
      const c = decode(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
      expect(c.details).toEqual({ path: 'events-5000-s3.evb.details/', chunkSize: 4096 });
      const quotes = new Map((JSON.parse(readFileSync(g.geojson, 'utf8')) as EventCollection).features.map((f) => [f.id, f.properties.quote]));
      const chunk = JSON.parse(readFileSync(join(g.details, '00001.json'), 'utf8')) as { first: number; events: { id: string; quote: string }[] };
      expect(chunk.first).toBe(4096);
      expect(chunk.events.length).toBe(5000 - 4096);
      chunk.events.forEach((e, j) => {
        expect(e.id).toBe(idOf(c, 4096 + j));
        expect(e.quote).toBe(quotes.get(e.id));
      });
      expect(ensureEvents(5000, 3, dir, false, () => {}).cached).toBe(true);
      rmSync(g.details, { recursive: true });
      expect(ensureEvents(5000, 3, dir, false, () => {}).cached).toBe(false);
      expect(existsSync(join(g.details, '00000.json'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('rng is uniform enough', () => {
    const r = rng(7);
    const v = Array.from({ length: 10_000 }, r);
    expect(Math.min(...v)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...v)).toBeLessThan(1);
    expect(median(v)).toBeGreaterThan(0.47);
    expect(median(v)).toBeLessThan(0.53);
  });
});

describe('bench helpers', () => {
  it('quantiles interpolate', () => {
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantile([10, 0], 0.95)).toBeCloseTo(9.5);
    expect(Number.isNaN(median([]))).toBe(true);
  });
  it('replays the same step sequence, inside the period, with jumps', () => {
    const a = stepSequence(1, 200, 100, 1195, 600);
    expect(a).toEqual(stepSequence(1, 200, 100, 1195, 600));
    expect(a.every((d) => d >= 100 && d <= 1195)).toBe(true);
    const jumps = a.slice(1).filter((d, i) => Math.abs(d - a[i]!) > 7).length;
    expect(jumps).toBeGreaterThan(20);
  });
  it('counts a window from per-day counts', () => {
    expect(windowCount(new Map([[1, 2], [3, 4], [9, 1]]), 1, 3)).toBe(6);
  });
});
