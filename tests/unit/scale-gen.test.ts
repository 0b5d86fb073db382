import { describe, expect, it } from 'vitest';
import { generateEvents, loadCities, parseCities, rng, FIRST_DAY, LAST_DAY } from '../../scripts/gen-events';
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
