// Property tests: the seed readers (src/geoparse/articles) take any bytes and any
// text, never throw, and every article they return is usable: a real ISO date, a
// non-empty body that is a verbatim piece of the input, string title/url.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArticleFile, parseJsonl, parseMd, parseTxt, titleFromText, decodeText } from '../../src/geoparse/articles/read.ts';
import { isIsoDate } from '../../src/geoparse/articles/validate-date.ts';
import type { ReadResult } from '../../src/geoparse/articles/types.ts';
import { anyText, isoDate, newsText } from '../fixtures/hostile/arbitraries.ts';

const RUNS = 300;
const opts = (seed: number) => ({ seed, numRuns: RUNS });

function checkResult(r: ReadResult, source: string | null): void {
  expect(Array.isArray(r.articles)).toBe(true);
  expect(Array.isArray(r.errors)).toBe(true);
  for (const e of r.errors) {
    expect(typeof e.file).toBe('string');
    expect(typeof e.message).toBe('string');
    expect(e.message.length).toBeGreaterThan(0);
    if (e.line !== undefined) expect(Number.isInteger(e.line) && e.line >= 1).toBe(true);
  }
  const ids = new Set<string>();
  for (const a of r.articles) {
    expect(isIsoDate(a.date)).toBe(true);
    expect(typeof a.title).toBe('string');
    expect(a.text.trim()).not.toBe('');
    expect(typeof a.id).toBe('string');
    expect(a.id.trim()).not.toBe('');
    expect(ids.has(a.id)).toBe(false);
    ids.add(a.id);
    if (a.url !== undefined) expect(typeof a.url).toBe('string');
    // The body is the input's own text (offsets into it are offsets into the file's body).
    if (source !== null) expect(source.includes(a.text)).toBe(true);
  }
}

const txtInput = fc.oneof(
  anyText,
  fc.tuple(isoDate, fc.constantFrom(' ', '\n', '\t', '  \n'), anyText).map(([d, sep, t]) => `date ${d}${sep}${t}`),
  fc.tuple(fc.string({ maxLength: 12 }), anyText).map(([d, t]) => `date ${d} ${t}`),
);
const mdInput = fc.oneof(
  anyText,
  fc
    .tuple(isoDate, anyText, anyText, fc.constantFrom('', '"', "'"), anyText)
    .map(([d, title, url, q, body]) => `---\ndate: ${q}${d}${q}\ntitle: ${q}${title.replace(/\n/g, ' ')}${q}\nurl: ${url.replace(/\n/g, ' ')}\n---\n${body}`),
  fc.tuple(anyText, anyText).map(([fm, body]) => `---\n${fm}\n---\n${body}`),
);
const jsonValue = fc.oneof(anyText, isoDate, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }));
const jsonlLine = fc.oneof(
  { weight: 3, arbitrary: fc.record({ id: fc.oneof(anyText, fc.integer()), text: anyText, date: isoDate, title: fc.option(anyText, { nil: undefined }), url: fc.option(anyText, { nil: undefined }) }).map((o) => JSON.stringify(o)) },
  { weight: 2, arbitrary: fc.dictionary(fc.constantFrom('id', 'text', 'date', 'title', 'url', '__proto__', 'constructor'), jsonValue).map((o) => JSON.stringify(o)) },
  { weight: 1, arbitrary: anyText.map((s) => s.replace(/\n/g, ' ')) },
  { weight: 1, arbitrary: fc.json() },
);
const jsonlInput = fc.array(jsonlLine, { maxLength: 8 }).map((ls) => ls.join('\n'));

describe('fuzz: article readers', () => {
  it('parseTxt: any text', () => {
    fc.assert(fc.property(txtInput, (t) => checkResult(parseTxt('a.txt', t), t)), opts(101));
  });
  it('parseMd: any text and any front matter', () => {
    fc.assert(fc.property(mdInput, (t) => checkResult(parseMd('a.md', t), t)), opts(102));
  });
  it('parseJsonl: any lines, any JSON, hostile keys', () => {
    fc.assert(
      fc.property(jsonlInput, (t) => {
        const r = parseJsonl('a.jsonl', t);
        checkResult(r, null);
        // Every line is accounted for: an article or an error, never both, never neither.
        const nonEmpty = t.split('\n').filter((l) => l.trim() !== '').length;
        if (nonEmpty > 0) expect(r.articles.length + r.errors.length).toBe(nonEmpty);
      }),
      opts(103),
    );
  });
  it('parseArticleFile: any bytes under any extension', () => {
    const name = fc.constantFrom('a.txt', 'a.md', 'a.jsonl', 'a.TXT', 'a', '.txt', 'a.docx', 'a.b.md');
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 400 }),
      fc.oneof(txtInput, mdInput, jsonlInput).map((s) => new TextEncoder().encode(s)),
      // UTF-8 with a BOM, or a JSON line with an escaped lone surrogate.
      txtInput.map((s) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(s)])),
      fc.constant(new TextEncoder().encode('{"id":"x","text":"Kyiv \\ud800 was hit on May 24","date":"2025-05-24"}')),
    );
    fc.assert(
      fc.property(name, bytes, (n, b) => {
        const r = parseArticleFile(n, b);
        checkResult(r, null);
        expect(r.articles.length + r.errors.length).toBeGreaterThan(0);
      }),
      opts(104),
    );
  });
  it('decodeText and titleFromText: any input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), anyText, fc.integer({ min: 1, max: 200 }), (b, t, max) => {
        const d = decodeText(b);
        expect('text' in d || 'error' in d).toBe(true);
        const title = titleFromText(t, max);
        expect(typeof title).toBe('string');
        // At most `max` characters plus the ellipsis.
        expect(title.length).toBeLessThanOrEqual(Math.max(max, 1) + 1);
      }),
      opts(105),
    );
  });
  it('a JSONL line holding a lone surrogate still reads (text is kept verbatim)', () => {
    const r = parseArticleFile('s.jsonl', new TextEncoder().encode('{"id":"s","text":"Missiles hit Kyiv \\udc00 overnight.","date":"2025-05-24"}'));
    expect(r.errors).toEqual([]);
    expect(r.articles[0]!.text).toContain('\udc00');
  });
  it('newsText arbitrary really produces places and dates (guards the generator)', () => {
    const samples = fc.sample(newsText, { seed: 7, numRuns: 200 });
    expect(samples.some((s) => s.includes('Kyiv'))).toBe(true);
    expect(samples.some((s) => /May 2[45]/.test(s))).toBe(true);
    expect(samples.some((s) => s.includes('<script>'))).toBe(true);
  });
});
