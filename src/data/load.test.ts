import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkCollection, loadEvents } from './load';
import { basicValidateFeature } from './basic-validate';
import { safeHttpUrl } from './safe-url';

const fixtureText = readFileSync(new URL('../../tests/fixtures/app/events.geojson', import.meta.url), 'utf8');
const fixture = JSON.parse(fixtureText);

function fakeFetch(status: number, body: string): typeof fetch {
  return (async () => new Response(body, { status, statusText: status === 200 ? 'OK' : 'Not Found' })) as typeof fetch;
}

describe('checkCollection', () => {
  it('keeps every valid fixture feature', () => {
    const r = checkCollection(fixture, basicValidateFeature);
    expect(r.ok && r.collection.features.length).toBe(11);
    expect(r.ok && r.skipped).toEqual([]);
    expect(r.ok && r.collection.articles[0]!.title).toMatch(/prisoners/);
  });
  it('skips bad features with reasons and keeps the rest', () => {
    const doc = structuredClone(fixture);
    doc.features[1].properties.category = 'explosion';
    doc.features[2].properties.date = '2025-02-30';
    doc.features.push(structuredClone(doc.features[3])); // duplicate id
    doc.features.push('nonsense');
    const r = checkCollection(doc, basicValidateFeature);
    if (!r.ok) throw new Error('expected ok');
    expect(r.collection.features.length).toBe(9);
    expect(r.skipped.map((s) => s.index)).toEqual([1, 2, 11, 12]);
    expect(r.skipped[0]!.errors.join()).toMatch(/category/);
    expect(r.skipped[2]!.errors.join()).toMatch(/duplicate/);
  });
  it('rejects a document that is not a FeatureCollection', () => {
    expect(checkCollection({ hello: 1 }, basicValidateFeature).ok).toBe(false);
    expect(checkCollection(null, basicValidateFeature).ok).toBe(false);
  });
  it('survives a throwing validator', () => {
    const r = checkCollection(fixture, () => {
      throw new Error('boom');
    });
    expect(r.ok && r.skipped.length).toBe(11);
  });
});

describe('loadEvents', () => {
  it('loads and validates', async () => {
    const r = await loadEvents('x.geojson', fakeFetch(200, fixtureText));
    expect(r.ok && r.collection.features.length).toBe(11);
  });
  it('says so on HTTP errors, bad JSON and network failure', async () => {
    const a = await loadEvents('x.geojson', fakeFetch(404, 'nope'));
    expect(!a.ok && a.message).toMatch(/404/);
    const h = await loadEvents('x.geojson', fakeFetch(200, '<!doctype html><html></html>'));
    expect(!h.ok && h.message).toMatch(/web page instead of data/);
    const b = await loadEvents('x.geojson', fakeFetch(200, '{"type":'));
    expect(!b.ok && b.message).toMatch(/not valid JSON/);
    const c = await loadEvents('x.geojson', (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch);
    expect(!c.ok && c.message).toMatch(/Failed to fetch/);
  });
});

describe('safeHttpUrl', () => {
  const cases: [unknown, string | null][] = [
    ['https://www.rferl.org/a/1.html', 'https://www.rferl.org/a/1.html'],
    ['http://example.com', 'http://example.com/'],
    ['javascript:alert(1)', null],
    ['JAVASCRIPT:alert(1)', null],
    ['data:text/html,<b>x</b>', null],
    ['//evil.example/x', null],
    ['/relative', null],
    [' https://ok.example/ ', 'https://ok.example/'],
    [42, null],
  ];
  for (const [input, expected] of cases) it(String(input), () => expect(safeHttpUrl(input)).toBe(expected));
});
