// The GeoJSON → EVB1 converter (npm run evb): a good file round-trips (decoded
// columns + details equal the input's fields), a bad one names the feature and
// leaves nothing behind.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { convertToEvb } from '../../scripts/convert-evb';
import { decode } from '../../src/data/binary/format';
import { checkDetailsChunk, chunkFileName } from '../../src/data/binary/details';
import { idOf, lngLatOf } from '../../src/map/scale/columns';
import { CATEGORIES, STATUSES, type EventCollection, type EventFeature } from '../../src/events/types';
import { isoFromDay } from '../../src/map/scale/day';
import { buildEvb } from '../../src/geoparse/emit/evb';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'evb-convert-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function ev(id: string, date: string, lon: number, lat: number, quote: string, extra: Partial<EventFeature['properties']> = {}): EventFeature {
  return {
    type: 'Feature', id, geometry: { type: 'Point', coordinates: [lon, lat] },
    properties: {
      id, category: 'strike', date, datePrecision: 'day', status: 'reported',
      place: { name: `Place ${id}`, mention: `the town ${id}`, country: 'UA', kind: 'city', precisionKm: 5, geonameid: 1000 + id.length },
      quote, source: { article: 'art', start: 3, end: 3 + quote.length }, figures: { missiles: 4, drones: 12 }, confidence: 0.75, ...extra,
    },
  };
}

const GOOD: EventCollection = {
  type: 'FeatureCollection',
  articles: [{ id: 'art', title: 'An article', date: '2025-05-24', url: 'https://example.org/a' }],
  features: [
    ev('k2', '2025-05-24', 30.52, 50.45, 'Missiles hit <b>Kyiv</b> overnight.', { category: 'casualties', figures: { killed: 3 } }),
    ev('k1', '2025-05-22', 30.73, 46.48, 'Drones over Odesa.'),
    ev('k3', '2025-05-24', 27.57, 53.9, 'Talks in Minsk.', { category: 'talks', status: 'planned', figures: {}, datePrecision: 'month' }),
    ev('k4', '2022-02-24', 31.0, 49.0, 'The war began.', { status: 'background', place: { name: 'Ukraine', mention: 'Ukraine', country: 'UA', kind: 'country', precisionKm: 400 } }),
    ev('k5', '2025-05-23', 30.0, 50.0, 'Another one.'),
  ],
};

describe('convertToEvb', () => {
  it('round-trips a good file: columns and details equal the input features', () => {
    const input = join(dir, 'good.geojson');
    const output = join(dir, 'out', 'good.evb');
    writeFileSync(input, JSON.stringify(GOOD));
    const r = convertToEvb(input, output, 2);
    expect(r).toEqual({ ok: true, events: 5, bytes: expect.any(Number), chunks: 3 });
    const c = decode(readFileSync(output).buffer.slice(0) as ArrayBuffer);
    expect(c.details).toEqual({ path: 'good.evb.details/', chunkSize: 2 });
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['good.evb', 'good.evb.details']);
    const byId = new Map(GOOD.features.map((f) => [f.id, f]));
    const seen: string[] = [];
    for (let k = 0; k < 3; k++) {
      const chunk = checkDetailsChunk(JSON.parse(readFileSync(join(dir, 'out', 'good.evb.details', chunkFileName(k)), 'utf8')), { first: k * 2, count: Math.min(2, c.count - k * 2), idAt: (i) => idOf(c, i) });
      expect(chunk.ok).toBe(true);
      if (!chunk.ok) continue;
      expect(chunk.chunk.articles).toEqual(GOOD.articles);
      chunk.chunk.events.forEach((d, j) => {
        const i = k * 2 + j;
        const f = byId.get(idOf(c, i))!;
        const p = f.properties;
        seen.push(f.id);
        expect(d).toEqual({ id: f.id, datePrecision: p.datePrecision, place: { mention: p.place.mention, kind: p.place.kind, precisionKm: p.place.precisionKm }, quote: p.quote, source: p.source, figures: p.figures, confidence: p.confidence });
        expect(CATEGORIES[c.cat[i]!]).toBe(p.category);
        expect(STATUSES[c.status[i]!]).toBe(p.status);
        expect(isoFromDay(c.dayMin + c.day[i]!)).toBe(p.date);
        expect(c.places[c.place[i]!]!.name).toBe(p.place.name);
        expect(c.places[c.place[i]!]!.country).toBe(p.place.country);
        const [lon, lat] = lngLatOf(c, i);
        expect(lon).toBeCloseTo((f.geometry as { coordinates: number[] }).coordinates[0]!, 4);
        expect(lat).toBeCloseTo((f.geometry as { coordinates: number[] }).coordinates[1]!, 4);
        const largest = Object.entries(p.figures).sort((a, b) => b[1] - a[1])[0];
        expect(c.figKey[i] === 255 ? null : [c.figureKeys[c.figKey[i]!], c.figVal[i]]).toEqual(largest ?? null);
      });
    }
    // Day-sorted: the 2022 background event first, the two of May 24 in input order.
    expect(seen).toEqual(['k4', 'k1', 'k5', 'k2', 'k3']);
  });

  it('is deterministic: the same input gives the same bytes', () => {
    const a = buildEvb(GOOD.features, GOOD.articles, 'x.evb', 2);
    const b = buildEvb([...GOOD.features], GOOD.articles, 'x.evb', 2);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    expect(a.chunks).toEqual(b.chunks);
  });

  it('names the bad feature, exits 1 and writes nothing', () => {
    const bad = structuredClone(GOOD);
    (bad.features[2]!.properties as { date: string }).date = '2025-02-30';
    (bad.features[4]!.properties as { category: string }).category = 'riot';
    const input = join(dir, 'bad.geojson');
    const output = join(dir, 'badout', 'bad.evb');
    writeFileSync(input, JSON.stringify(bad));
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/convert-evb.ts'), input, output], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${input.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: feature 2 \\(k3\\): .*2025-02-30`));
    expect(lines[1]).toMatch(/: feature 4 \(k5\): \/properties\/category: must be equal to one of the allowed values/);
    expect(existsSync(output)).toBe(false);
    expect(existsSync(`${output}.details`)).toBe(false);
    expect(existsSync(join(dir, 'badout'))).toBe(false);
  });

  it('rejects duplicate ids and files that are not a FeatureCollection', () => {
    const dup = { ...GOOD, features: [GOOD.features[0], GOOD.features[0]] };
    writeFileSync(join(dir, 'dup.geojson'), JSON.stringify(dup));
    expect(convertToEvb(join(dir, 'dup.geojson'), join(dir, 'dup.evb'))).toEqual({ ok: false, errors: [`${join(dir, 'dup.geojson')}: feature 1 (k2): duplicate id`] });
    writeFileSync(join(dir, 'list.geojson'), '[1, 2]');
    expect(convertToEvb(join(dir, 'list.geojson'), join(dir, 'list.evb'))).toEqual({ ok: false, errors: [`${join(dir, 'list.geojson')}: not a GeoJSON FeatureCollection`] });
    expect(existsSync(join(dir, 'dup.evb')) || existsSync(join(dir, 'list.evb'))).toBe(false);
  });
});
