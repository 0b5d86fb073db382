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

describe('EVB1 from untrusted bytes', () => {
  const good = encode(columnsFromFeatures(generateEvents({ count: 200, seed: 4, cities })));
  const buf = (u8: Uint8Array) => u8.slice().buffer;
  function withHeader(edit: (h: Record<string, unknown>) => void): ArrayBuffer {
    const len = new DataView(good.buffer).getUint32(4, true);
    const h = JSON.parse(new TextDecoder().decode(good.subarray(8, 8 + len))) as Record<string, unknown>;
    edit(h);
    // The header may grow into the padding before the first column, so the offsets stay valid.
    const room = Math.min(...(h['columns'] as { offset: number }[]).map((c) => c.offset)) - 8;
    const text = JSON.stringify(h);
    if (text.length > room) throw new Error('edited header does not fit');
    const out = good.slice();
    out.set(new TextEncoder().encode(text.padEnd(room, ' ')), 8);
    new DataView(out.buffer).setUint32(4, text.length, true);
    return out.buffer;
  }

  it.each([
    ['bad magic', () => buf(new TextEncoder().encode('GIF89a-not-events')), /not an EVB1 file \(magic "GIF8"\)/],
    ['a tiny file', () => buf(new Uint8Array(3)), /not an EVB1 file \(3 bytes\)/],
    ['a truncated header', () => buf(good.subarray(0, 40)), /truncated: the header runs past the end/],
    ['truncated columns', () => buf(good.subarray(0, good.length - 64)), /truncated: column \w+ runs past the end of the file/],
    ['another version', () => withHeader((h) => (h['version'] = 2)), /unsupported EVB1 version 2/],
    ['an unknown category code', () => {
      const b = good.slice();
      const len = new DataView(b.buffer).getUint32(4, true);
      const h = JSON.parse(new TextDecoder().decode(b.subarray(8, 8 + len))) as { columns: { name: string; offset: number }[] };
      b[h.columns.find((c) => c.name === 'cat')!.offset + 5] = 99;
      return b.buffer;
    }, /event 5 has an unknown category/],
  ])('rejects %s with a clear message', (_name, bytes, message) => {
    expect(() => decode(bytes())).toThrow(message);
  });

  it('reads files without the optional details member, and ignores a details path that leaves the folder', () => {
    expect(decode(buf(good)).details).toBeUndefined();
    const cols = columnsFromFeatures(generateEvents({ count: 200, seed: 4, cities }));
    const withDetails = (path: string) => decode(buf(encode({ ...cols, details: { path, chunkSize: 9 } }))).details;
    expect(withDetails('x.evb.details/')).toEqual({ path: 'x.evb.details/', chunkSize: 9 });
    expect(withDetails('../../etc/')).toBeUndefined();
    expect(withDetails('https://evil.example/')).toBeUndefined();
    expect(withDetails('/abs/')).toBeUndefined();
  });
});
