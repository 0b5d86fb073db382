// Property tests: the name normaliser, the tokeniser, the recogniser and the whole
// geoparse() with the real gazetteer take any string (full unicode, lone
// surrogates, bidi and zero-width characters, markup, huge words) without
// throwing, and every mention they return points at its own words in the text.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { foldKey, nameKey } from '../../src/geoparse/normalise/normalise.ts';
import { tokenise } from '../../src/geoparse/recognise/tokenise.ts';
import { recognise } from '../../src/geoparse/recognise/recognise.ts';
import { geoparse, loadGazetteer, type Gazetteer } from '../../src/geoparse/geoparse.ts';
import { anyText, codeUnit, hugeWord } from '../fixtures/hostile/arbitraries.ts';

const KEY = /^(?:[a-z0-9]+(?: [a-z0-9]+)*)?$/;
let gaz: Gazetteer;
beforeAll(async () => {
  gaz = await loadGazetteer();
}, 120_000);

describe('fuzz: name keys', () => {
  it('nameKey gives lower-case ASCII words, is idempotent, and never throws', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.string({ unit: codeUnit, maxLength: 40 })), (s) => {
        const k = nameKey(s);
        expect(k).toMatch(KEY);
        expect(nameKey(k)).toBe(k);
        expect(foldKey(k)).toMatch(KEY);
      }),
      { seed: 201, numRuns: 500 },
    );
  });
  it('nameKey is blind to the invisible and to case', () => {
    const invisible = fc.constantFrom('\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u202e', '\u2066', '\u2069');
    fc.assert(
      fc.property(fc.constantFrom('Kyiv', 'Odesa', 'Kupyansk', 'New York', 'Istanbul'), invisible, fc.nat(), (name, z, at) => {
        const i = at % (name.length + 1);
        expect(nameKey(name.slice(0, i) + z + name.slice(i))).toBe(nameKey(name));
        expect(nameKey(name.toUpperCase())).toBe(nameKey(name));
      }),
      { seed: 202, numRuns: 200 },
    );
  });
});

it('nameKey of Object.prototype words is the word (was "function Object() { [native code] }")', () => {
  expect(nameKey('constructor')).toBe('constructor');
  expect(nameKey('Constructor Bay')).toBe('constructor bay');
  expect(nameKey('__proto__')).toBe('proto');
});

describe('fuzz: tokeniser', () => {
  it('tokens are ordered, non-overlapping slices of the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        let prev = 0;
        for (const t of tokenise(text)) {
          expect(t.start).toBeGreaterThanOrEqual(prev);
          expect(t.end).toBeGreaterThan(t.start);
          expect(t.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(t.start, t.end)).toBe(t.text);
          prev = t.end;
        }
      }),
      { seed: 203, numRuns: 400 },
    );
  });
});

function checkMentions(text: string, ms: { start: number; end: number; surface: string }[]): void {
  for (const m of ms) {
    expect(Number.isInteger(m.start) && Number.isInteger(m.end)).toBe(true);
    expect(m.start).toBeGreaterThanOrEqual(0);
    expect(m.end).toBeGreaterThan(m.start);
    expect(m.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(m.start, m.end)).toBe(m.surface);
  }
}

describe('fuzz: recogniser and geoparse() with the real gazetteer', () => {
  it('recognise: surfaces are the text at their offsets', () => {
    fc.assert(fc.property(anyText, (text) => checkMentions(text, recognise(text, gaz))), { seed: 204, numRuns: 300 });
  });
  it('geoparse: offsets, coordinates, codes and confidences stay in range', () => {
    let mentions = 0;
    fc.assert(
      fc.property(anyText, (text) => {
        const ms = geoparse(text, gaz, { articleDate: '2025-05-24' });
        checkMentions(text, ms);
        for (const m of ms) {
          mentions++;
          expect(Number.isFinite(m.lat) && Math.abs(m.lat) <= 90).toBe(true);
          expect(Number.isFinite(m.lon) && Math.abs(m.lon) <= 180).toBe(true);
          expect(m.confidence).toBeGreaterThanOrEqual(0);
          expect(m.confidence).toBeLessThanOrEqual(1);
          expect(m.precisionKm).toBeGreaterThanOrEqual(0);
          expect(m.name.trim()).not.toBe('');
        }
      }),
      { seed: 205, numRuns: 300 },
    );
    // The generator names real places: the property is not vacuous.
    expect(mentions).toBeGreaterThan(50);
  });
  it('geoparse: a place wrapped in markup, bidi or zero-width characters is still found, at the right offsets', () => {
    const wrap = fc.constantFrom(
      ['<b>', '</b>'],
      ['<img src=x onerror=alert(1)> ', ' '],
      ['\u202e', '\u202c'],
      ['\u2067', '\u2069'],
      ['\u200b', '\u200b'],
      ['🇺🇦 ', ' 💥'],
      ['javascript:x ', ' '],
    );
    fc.assert(
      fc.property(fc.constantFrom('Kyiv', 'Odesa', 'Kharkiv', 'Istanbul'), wrap, (name, [a, b]) => {
        const text = `Missiles struck ${a}${name}${b} overnight.`;
        const ms = geoparse(text, gaz);
        checkMentions(text, ms);
        expect(ms.map((m) => m.surface)).toContain(name);
      }),
      { seed: 207, numRuns: 64 },
    );
  });
  it('geoparse: huge words finish quickly', () => {
    fc.assert(
      fc.property(hugeWord, (w) => {
        const text = `Missiles struck Kyiv. ${w} Then Odesa.`;
        const t0 = performance.now();
        const ms = geoparse(text, gaz);
        expect(performance.now() - t0).toBeLessThan(5_000);
        checkMentions(text, ms);
      }),
      { seed: 208, numRuns: 20 },
    );
  });
});
