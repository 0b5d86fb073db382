import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import schema from '../../src/events/event.schema.json' with { type: 'json' };
import { generateValidatorSource } from '../../src/events/schema-codegen.ts';
import { CATEGORIES, DATE_PRECISIONS, PLACE_KINDS, STATUSES } from '../../src/events/types.ts';
import { validateCollection, validateFeature } from '../../src/events/validate.ts';

const GENERATED = fileURLToPath(new URL('../../src/events/generated/event-validators.js', import.meta.url));
const VALIDATE = fileURLToPath(new URL('../../src/events/validate.ts', import.meta.url));

const good = () => ({
  type: 'Feature',
  id: 'seed:2585-2762:ukraine-belarus-border',
  geometry: { type: 'MultiLineString', coordinates: [[[23.6, 51.5], [28.1, 51.6], [31.7, 52.1]]] },
  properties: {
    id: 'seed:2585-2762:ukraine-belarus-border',
    category: 'prisoner-exchange',
    date: '2025-05-23',
    datePrecision: 'day',
    status: 'reported',
    place: { name: 'Ukraine–Belarus border', mention: "Ukraine's border with Belarus", country: 'UA', countries: ['UA', 'BY'], kind: 'border', precisionKm: 100 },
    quote: "The May 23 exchange took place at Ukraine's border with Belarus.",
    source: { article: 'seed', start: 2585, end: 2650 },
    figures: { returned: 307 },
    confidence: 0.99,
  },
});
type F = ReturnType<typeof good>;

describe('event schema and the standalone validator', () => {
  it('the committed generated validator matches the schema (run `npm run schema` if not)', () => {
    expect(readFileSync(GENERATED, 'utf8')).toBe(generateValidatorSource());
  });

  it('the browser-side modules import nothing from Node and use no eval', () => {
    for (const file of [GENERATED, VALIDATE]) {
      const src = readFileSync(file, 'utf8');
      expect(src).not.toMatch(/from ['"]node:|require\(|\bnew Function\b|\beval\(/);
    }
  });

  it('schema enums agree with the TypeScript contract', () => {
    const d = schema.definitions;
    expect(d.properties.properties.category.enum).toEqual([...CATEGORIES]);
    expect(d.properties.properties.datePrecision.enum).toEqual([...DATE_PRECISIONS]);
    expect(d.properties.properties.status.enum).toEqual([...STATUSES]);
    expect(d.place.properties.kind.enum).toEqual([...PLACE_KINDS]);
  });

  it('accepts a good feature and collection', () => {
    expect(validateFeature(good())).toEqual({ ok: true });
    // Positions at the limits, and with an altitude (RFC 7946 allows a third number).
    for (const coordinates of [[180, 90], [-180, -90], [30.5, 50.4, 120]]) expect(validateFeature({ ...good(), geometry: { type: 'Point', coordinates } })).toEqual({ ok: true });
    expect(validateCollection({ type: 'FeatureCollection', features: [good()], articles: [{ id: 'seed', title: 'T', date: '2025-05-24' }] })).toEqual({ ok: true });
  });

  const BAD: [string, (f: F) => unknown, RegExp][] = [
    ['unknown category', (f) => ((f.properties.category = 'bombing'), f), /\/properties\/category: must be equal to one of the allowed values/],
    ['impossible month', (f) => ((f.properties.date = '2025-13-01'), f), /\/properties\/date: must match pattern/],
    ['confidence above 1', (f) => ((f.properties.confidence = 1.5), f), /\/properties\/confidence: must be <= 1/],
    ['lower-case country', (f) => ((f.properties.place.country = 'ua'), f), /\/properties\/place\/country: must match pattern/],
    ['missing quote', (f) => (delete (f.properties as Partial<F['properties']>).quote, f), /must have required property 'quote'/],
    ['negative figure', (f) => ((f.properties.figures = { returned: -1 }), f), /\/properties\/figures\/returned: must be >= 0/],
    ['blank id', (f) => ((f.id = '  '), f), /\/id: must match pattern/],
    ['point with one coordinate', (f) => ((f.geometry = { type: 'Point', coordinates: [30] } as never), f), /\/geometry/],
    ['longitude out of range', (f) => ((f.geometry = { type: 'Point', coordinates: [200, 50] } as never), f), /\/geometry\/coordinates\/0: must be <= 180/],
    ['latitude out of range', (f) => ((f.geometry = { type: 'Point', coordinates: [30, -91] } as never), f), /\/geometry\/coordinates\/1: must be >= -90/],
    ['lat/lon swapped past the pole in a border', (f) => ((f.geometry = { type: 'MultiLineString', coordinates: [[[23.6, 51.5], [51.6, 128.1]]] }), f), /\/geometry\/coordinates\/0\/1\/1: must be <= 90/],
    ['point with four numbers', (f) => ((f.geometry = { type: 'Point', coordinates: [30, 50, 0, 1] } as never), f), /\/geometry/],
    ['not a feature', () => ({ type: 'Polygon' }), /must have required property/],
  ];
  it.each(BAD)('rejects %s with a message naming the field', (_n, mutate, msg) => {
    const r = validateFeature(mutate(good()));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(msg);
  });

  it('a bad coordinate gets one reason, not a report from every geometry type', () => {
    const cases: { geometry: unknown; errors: string[] }[] = [
      { geometry: { type: 'Point', coordinates: [30, 95] }, errors: ['/geometry/coordinates/1: must be <= 90'] },
      { geometry: { type: 'Point', coordinates: ['30', 50] }, errors: ['/geometry/coordinates/0: must be number'] },
      { geometry: { type: 'MultiLineString', coordinates: [[[1, 2], [3, 'x']]] }, errors: ['/geometry/coordinates/0/1/1: must be number'] },
      {
        geometry: { type: 'Circle', coordinates: [1, 2] },
        errors: ['/geometry/type: must be equal to one of the allowed values ("Point", "LineString", "MultiLineString", "Polygon", "MultiPolygon")'],
      },
    ];
    for (const c of cases) expect(validateFeature({ ...good(), geometry: c.geometry })).toEqual({ ok: false, errors: c.errors });
  });

  it('agrees with ajv compiling the schema at runtime', () => {
    const ajv = new Ajv({ allErrors: true, strict: true, strictTuples: false });
    ajv.addSchema(schema);
    const runtime = ajv.getSchema(`${schema.$id}#/definitions/feature`)!;
    for (const [, mutate] of BAD) {
      const f = mutate(good());
      expect(runtime(f)).toBe(validateFeature(f).ok);
    }
  });
});
