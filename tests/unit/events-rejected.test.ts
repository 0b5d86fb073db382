// One event that fails the schema is left out and reported; its article and the
// article's other events still build.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateCollection } from '../../src/events/validate.ts';
import { buildData, formatRejected, processArticle, type Geoparser } from '../../src/geoparse/build.ts';
import type { PlaceMention } from '../../src/geoparse/types.ts';

const TEXT = 'Missiles struck Kyiv overnight, officials said.\n\nDrones hit Kharkiv on May 23, killing two people.';

/** A geoparser with a fault: Kyiv comes back with a negative precision, which the schema forbids. */
const faulty: Geoparser = (text) => {
  const at = (surface: string, p: Partial<PlaceMention>): PlaceMention => {
    const start = text.indexOf(surface);
    return { start, end: start + surface.length, surface, name: surface, lat: 50, lon: 30, kind: 'city', country: 'UA', precisionKm: 20, confidence: 0.95, alternatives: [], ...p };
  };
  return [at('Kyiv', { precisionKm: -5 }), at('Kharkiv', {})].filter((m) => m.start >= 0);
};

describe('an event that fails the schema', () => {
  it('is skipped and listed with its file, event and reason; the other events stand', () => {
    const r = processArticle({ id: 'a1', title: 't', date: '2025-05-24', text: TEXT, file: 'news.jsonl', line: 3 }, faulty);
    expect(r.features.map((f) => f.properties.place.name)).toEqual(['Kharkiv']);
    expect(r.rejected).toHaveLength(1);
    const [bad] = r.rejected;
    expect(bad).toMatchObject({ file: 'news.jsonl', line: 3, article: 'a1', event: 'a1:0-47:kyiv' });
    expect(bad!.reason).toMatch(/schema.*precisionKm.*>= 0/);
    expect(formatRejected(bad!)).toMatch(/^news\.jsonl:3: event a1:0-47:kyiv skipped: does not match the schema: .*precisionKm/);
  });

  const dir = mkdtempSync(join(tmpdir(), 'events-rejected-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('does not lose its article in the build: review.json lists it under "rejected"', () => {
    mkdirSync(join(dir, 'seeds'));
    writeFileSync(join(dir, 'seeds', 'a.txt'), `date 2025-05-24\n${TEXT}\n`);
    writeFileSync(join(dir, 'seeds', 'b.txt'), 'date 2025-05-24\nNothing happened today.\n');
    const summary = buildData({ seeds: join(dir, 'seeds'), out: join(dir, 'out'), geoparser: faulty });
    expect(summary.failed).toEqual([]);
    expect(summary.articles).toBe(2);
    expect(summary.events).toBe(1);
    expect(summary.rejected.map((x) => [x.file, x.event])).toEqual([['a.txt', 'a:0-47:kyiv']]);
    const geo = JSON.parse(readFileSync(join(dir, 'out', 'events.geojson'), 'utf8'));
    expect(validateCollection(geo)).toEqual({ ok: true });
    expect(geo.features.map((f: { id: string }) => f.id)).toEqual(['a:49-98:kharkiv']);
    const review = JSON.parse(readFileSync(join(dir, 'out', 'review.json'), 'utf8'));
    expect(review.failed).toEqual([]);
    expect(review.rejected).toEqual([expect.objectContaining({ file: 'a.txt', article: 'a', event: 'a:0-47:kyiv' })]);
    expect(review.rejected[0].reason).toMatch(/precisionKm/);
    expect(review.articles.map((a: { id: string }) => a.id)).toEqual(['a', 'b']);
  });
});
