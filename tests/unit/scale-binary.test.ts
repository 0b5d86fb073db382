import { describe, expect, it } from 'vitest';
import { decode, encode, expandDays } from '../../src/data/binary/format';
import { columnsFromFeatures, idOf } from '../../src/map/scale/columns';
import { generateEvents, type City } from '../../scripts/gen-events';
import type { Category, EventFeature } from '../../src/events/types';

function feature(id: string, date: string, category: Category, lng: number, lat: number): EventFeature {
  return {
    type: 'Feature', id, geometry: { type: 'Point', coordinates: [lng, lat] },
    properties: {
      id, category, date, datePrecision: 'day', status: 'reported',
      place: { name: 'P', mention: 'P', country: 'UA', kind: 'city', precisionKm: 5 },
      quote: 'q', source: { article: 'a', start: 0, end: 1 }, figures: {}, confidence: 1,
    },
  };
}

const cities: City[] = [
  { geonameid: 703448, name: 'Kyiv', lat: 50.45, lon: 30.52, country: 'UA', population: 2_900_000 },
  { geonameid: 698740, name: 'Odesa', lat: 46.48, lon: 30.73, country: 'UA', population: 1_000_000 },
  { geonameid: 625144, name: 'Minsk', lat: 53.9, lon: 27.57, country: 'BY', population: 1_900_000 },
];

describe('EVB1 binary columns', () => {
  it('round-trips every column', () => {
    const c = columnsFromFeatures(generateEvents({ count: 3000, seed: 9, cities }));
    const bin = encode(c);
    // A fresh, exactly-sized buffer, as fetch() gives.
    const d = decode(bin.slice().buffer);
    expect(d.count).toBe(c.count);
    expect(d.dayMin).toBe(c.dayMin);
    expect(d.dayCount).toBe(c.dayCount);
    for (const k of ['dayStart', 'day', 'x', 'y', 'cat', 'status', 'size', 'place', 'figKey', 'figVal', 'idNum'] as const) {
      expect(Array.from(d[k] as ArrayLike<number>), k).toEqual(Array.from(c[k] as ArrayLike<number>));
    }
    expect(d.places).toEqual(c.places);
    expect(d.figureKeys).toEqual(c.figureKeys);
    expect(idOf(d, 17)).toBe(idOf(c, 17));
  });

  it('round-trips free-form string ids', () => {
    const c = columnsFromFeatures([feature('kyiv-a', '2025-05-24', 'strike', 30, 50), feature('b', '2025-05-25', 'talks', 28, 41)]);
    const d = decode(encode(c).slice().buffer);
    expect([idOf(d, 0), idOf(d, 1)]).toEqual(['kyiv-a', 'b']);
  });

  it('is byte-for-byte deterministic', () => {
    const a = encode(columnsFromFeatures(generateEvents({ count: 500, seed: 2, cities })));
    const b = encode(columnsFromFeatures(generateEvents({ count: 500, seed: 2, cities })));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('aligns columns for zero-copy views', () => {
    const bin = encode(columnsFromFeatures(generateEvents({ count: 101, seed: 1, cities })));
    const d = decode(bin.slice().buffer);
    expect(d.x.byteOffset % 4).toBe(0);
    expect(d.dayStart.byteOffset % 4).toBe(0);
  });

  it('rejects other files and truncated ones', () => {
    expect(() => decode(new TextEncoder().encode('{"type":"FeatureCollection"}').buffer)).toThrow(/not an EVB1/);
    const bin = encode(columnsFromFeatures(generateEvents({ count: 200, seed: 1, cities })));
    expect(() => decode(bin.slice(0, bin.length - 64).buffer)).toThrow();
  });

  it('expands the day index', () => {
    expect([...expandDays(Uint32Array.from([0, 2, 2, 3]), 3)]).toEqual([0, 0, 2]);
  });
});
