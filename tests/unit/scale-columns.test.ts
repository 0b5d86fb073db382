import { describe, expect, it } from 'vitest';
import { columnsFromFeatures, countInWindow, dayCategoryCounts, idOf, indexById, lngLatOf, sizeClass } from '../../src/map/scale/columns';
import { CATEGORIES, type Category, type EventFeature } from '../../src/events/types';
import { buildGrid, queryGrid } from '../../src/map/scale/grid';
import { rng } from '../../scripts/gen-events';

function feature(id: string, date: string, category: Category, lng: number, lat: number, figures: Record<string, number> = {}): EventFeature {
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [lng, lat] },
    properties: {
      id, category, date, datePrecision: 'day', status: 'reported',
      place: { name: `P${Math.round(lng)}`, mention: 'x', country: 'UA', kind: 'city', precisionKm: 5 },
      quote: 'q', source: { article: 'a', start: 0, end: 1 }, figures, confidence: 1,
    },
  };
}

describe('columnsFromFeatures', () => {
  const fs = [
    feature('e3', '2025-05-26', 'strike', 30.5, 50.4, { missiles: 14, drones: 250 }),
    feature('e1', '2025-05-24', 'talks', 28.9, 41.0),
    feature('e2', '2025-05-24', 'strike', 37.6, 49.7),
    feature('e0', '2025-05-28', 'other', 27.5, 52.0),
  ];
  const c = columnsFromFeatures(fs);
  it('sorts by day, stable within a day', () => {
    expect(Array.from({ length: c.count }, (_, i) => idOf(c, i))).toEqual(['e1', 'e2', 'e3', 'e0']);
    expect([...c.day]).toEqual([0, 0, 2, 4]);
    expect([...c.dayStart]).toEqual([0, 2, 2, 3, 3, 4]);
  });
  it('keeps positions to ~1 m', () => {
    const [lng, lat] = lngLatOf(c, 2);
    expect(lng).toBeCloseTo(30.5, 4);
    expect(lat).toBeCloseTo(50.4, 4);
  });
  it('keeps the largest figure and sizes by it', () => {
    expect(c.figureKeys[c.figKey[2]!]).toBe('drones');
    expect(c.figVal[2]).toBe(250);
    expect(c.size[2]).toBe(sizeClass(250));
    expect(c.figKey[0]).toBe(255);
    expect(c.size[0]).toBe(0);
  });
  it('stores prefix+number ids compactly, others as a list', () => {
    expect(c.idNum).not.toBeNull();
    const d = columnsFromFeatures([feature('kyiv-1', '2025-01-01', 'talks', 1, 1), feature('odesa', '2025-01-01', 'talks', 1, 1)]);
    expect(d.idNum).toBeNull();
    expect(indexById(d).get('odesa')).toBe(1);
  });
  it('counts a window by category without scanning events', () => {
    const counts = dayCategoryCounts(c);
    const all = (1 << CATEGORIES.length) - 1;
    expect(countInWindow(counts, c, c.dayMin, c.dayMin + 2, all)).toBe(3);
    expect(countInWindow(counts, c, c.dayMin, c.dayMin + 2, 1 << CATEGORIES.indexOf('strike'))).toBe(2);
    expect(countInWindow(counts, c, c.dayMin - 10, c.dayMin + 99, all)).toBe(4);
  });
});

describe('pick grid', () => {
  it('finds the same points as a brute-force scan, restricted to the index range', () => {
    const r = rng(3);
    const n = 5000;
    const x = Float32Array.from({ length: n }, () => 0.5 + (r() - 0.5) * 0.01);
    const y = Float32Array.from({ length: n }, () => 0.3 + (r() - 0.5) * 0.01);
    const grid = buildGrid(x, y, 256);
    for (let t = 0; t < 50; t++) {
      const q = { mx: 0.5 + (r() - 0.5) * 0.01, my: 0.3 + (r() - 0.5) * 0.01, r: r() * 0.001, first: Math.floor(r() * n), end: 0 };
      q.end = q.first + Math.floor(r() * (n - q.first));
      const got = queryGrid(grid, x, y, q);
      const want: number[] = [];
      for (let i = q.first; i < q.end; i++) if ((x[i]! - q.mx) ** 2 + (y[i]! - q.my) ** 2 <= q.r * q.r) want.push(i);
      expect(got.slice().sort((a, b) => a - b)).toEqual(want);
      // nearest first
      const d = got.map((i) => (x[i]! - q.mx) ** 2 + (y[i]! - q.my) ** 2);
      expect(d).toEqual(d.slice().sort((a, b) => a - b));
    }
  });
});

describe('overlay projection', () => {
  it('maps Mercator to the same clip position as the map projects (incl. a world copy)', async () => {
    const { mercatorToClip } = await import('../../src/map/scale/ScaleRenderer');
    const { mercatorX, mercatorY } = await import('../../src/map/scale/columns');
    const w = 1000, h = 600, zoom = 3.3, center = { lng: 30.5, lat: 50.4 };
    const ws = 512 * 2 ** zoom;
    const fakeMap = {
      getCenter: () => center,
      getZoom: () => zoom,
      project: ([lng, lat]: [number, number]) => ({
        x: (mercatorX(lng) - mercatorX(center.lng)) * ws + w / 2,
        y: (mercatorY(lat) - mercatorY(center.lat)) * ws + h / 2,
      }),
    };
    const m = mercatorToClip(fakeMap as never, w, h);
    for (const [lng, lat, wrap] of [[30.5, 50.4, 0], [24, 49.8, 0], [36.2, 44.9, 0], [-150, 20, 1]] as const) {
      const mx = mercatorX(lng) + wrap, my = mercatorY(lat);
      const cx = m[0]! * mx + m[4]! * my + m[12]!;
      const cy = m[1]! * mx + m[5]! * my + m[13]!;
      const p = { x: (mx - mercatorX(center.lng)) * ws + w / 2, y: (my - mercatorY(center.lat)) * ws + h / 2 };
      expect(cx).toBeCloseTo((p.x / w) * 2 - 1, 4);
      expect(cy).toBeCloseTo(1 - (p.y / h) * 2, 4);
    }
  });
});
