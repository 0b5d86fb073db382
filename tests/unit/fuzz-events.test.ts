// Property tests: the date resolver, the figures reader, sentence splitting and
// the whole build of one article (real gazetteer, real event extraction, schema
// validation) take any text without throwing; dates are real ISO days, figures
// finite and non-negative, quotes verbatim, every feature valid.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { findDates } from '../../src/geoparse/dates/resolve.ts';
import { isIsoDate } from '../../src/geoparse/articles/validate-date.ts';
import { extractFigures } from '../../src/geoparse/events/figures.ts';
import { splitClauses, splitSentences } from '../../src/geoparse/events/sentences.ts';
import { buildData, processArticle } from '../../src/geoparse/build.ts';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateCollection } from '../../src/events/validate.ts';
import { geoparse, loadGazetteer, type Gazetteer } from '../../src/geoparse/geoparse.ts';
import { validateFeature } from '../../src/events/validate.ts';
import type { Article } from '../../src/geoparse/articles/types.ts';
import { anyText, DATES, FIGURES, hugeWord, isoDate, newsText, storyText } from '../fixtures/hostile/arbitraries.ts';

let gaz: Gazetteer;
beforeAll(async () => {
  gaz = await loadGazetteer();
}, 120_000);

describe('fuzz: date resolver', () => {
  it('findDates: spans are the text at their offsets, dates are real ISO days', () => {
    fc.assert(
      fc.property(anyText, isoDate, fc.boolean(), (text, d, future) => {
        for (const m of findDates(text, d, { future })) {
          expect(m.start).toBeGreaterThanOrEqual(0);
          expect(m.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(m.start, m.end)).toBe(m.text);
          expect(isIsoDate(m.date)).toBe(true);
          expect(['day', 'month', 'year']).toContain(m.precision);
        }
      }),
      { seed: 301, numRuns: 300 },
    );
  });
  it('findDates: every date expression of the list, at the ends of the calendar', () => {
    // Years 1000..9998: 'the next day' from 9999-12-31 has no ISO day, and Date.UTC maps years 0..99 to 19xx (see the report).
    const edge = fc.constantFrom('1000-01-01', '1000-02-28', '1970-01-01', '2024-02-29', '9998-12-31', '2025-05-24');
    const expr = fc.oneof(fc.constantFrom(...DATES), fc.constantFrom('December 31, 275760', 'September 14, 275760', 'March 3, 99999', 'in 0000', 'on 31/12/9999', 'Jan 1, 1', '10000 years ago', 'next 100000 years'));
    fc.assert(
      fc.property(expr, edge, fc.boolean(), (e, d, future) => {
        const text = `Missiles struck Kyiv ${e}.`;
        for (const m of findDates(text, d, { future })) {
          expect(text.slice(m.start, m.end)).toBe(m.text);
          expect(isIsoDate(m.date)).toBe(true);
        }
      }),
      { seed: 302, numRuns: 300 },
    );
  });
});

describe('regressions found by the properties', () => {
  it('a date thousands of years away is no date (was "+102025-01", which failed the schema and lost the article)', () => {
    for (const e of ['in the next 100000 years', '10000 years ago', 'in the next 1000000 years'])
      for (const m of findDates(`Missiles struck Kyiv ${e}.`, '2025-05-24')) expect(isIsoDate(m.date)).toBe(true);
  });
  it('a text listing thousands of dates is read in near-linear time (the overlap check was quadratic: 64 KB took ~16 s)', () => {
    const text = 'May 24, '.repeat(8000);
    const t0 = performance.now();
    const found = findDates(text, '2025-05-24');
    expect(performance.now() - t0).toBeLessThan(8_000);
    expect(found.length).toBe(8000);
    // Still in text order and non-overlapping.
    for (let i = 1; i < found.length; i++) expect(found[i]!.start).toBeGreaterThanOrEqual(found[i - 1]!.end);
  });
  it('"the border with Belarus" in an article naming no other country builds (countries had one item and failed the schema)', () => {
    const text = 'Prisoners were swapped at the border with Belarus on May 24.';
    const { features } = processArticle({ id: 'b', title: '', date: '2025-05-24', text, file: 'b.txt' }, (t, d) => geoparse(t, gaz, { articleDate: d }));
    expect(features.length).toBeGreaterThan(0);
    for (const f of features) expect(validateFeature(f)).toEqual({ ok: true });
  });
});

describe('fuzz: figures', () => {
  it('extractFigures: finite, non-negative numbers under plain keys', () => {
    const sentence = fc.oneof(anyText, fc.array(fc.constantFrom(...FIGURES, ' and ', ', ', ' killed', ' were injured', ' of the '), { maxLength: 12 }).map((a) => a.join(' ')));
    fc.assert(
      fc.property(sentence, (s) => {
        const f = extractFigures(s);
        for (const [k, v] of Object.entries(f)) {
          expect(k).toMatch(/^[a-zA-Z][a-zA-Z0-9]*$/);
          expect(Number.isFinite(v) && v >= 0).toBe(true);
        }
      }),
      { seed: 303, numRuns: 400 },
    );
  });
  it('a number too long for a double is no figure (was Infinity, which failed the schema and lost the article)', () => {
    const f = extractFigures(`Russia launched ${'9'.repeat(400)} drones at Kyiv.`);
    for (const v of Object.values(f)) expect(Number.isFinite(v)).toBe(true);
  });
});

describe('fuzz: sentences and clauses', () => {
  it('sentence and clause spans are ordered, trimmed and inside the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        let prev = 0;
        for (const s of splitSentences(text)) {
          expect(s.start).toBeGreaterThanOrEqual(prev);
          expect(s.end).toBeGreaterThan(s.start);
          expect(s.end).toBeLessThanOrEqual(text.length);
          prev = s.end;
          for (const c of splitClauses(text, s)) {
            expect(c.start).toBeGreaterThanOrEqual(s.start);
            expect(c.end).toBeLessThanOrEqual(s.end);
          }
        }
      }),
      { seed: 304, numRuns: 300 },
    );
  });
});

describe('fuzz: the build of one article', () => {
  const articleOf = (text: string, date: string, id: string): Article => ({ id, title: text.slice(0, 80), date, text, file: `${id}.txt` });
  const ids = fc.oneof(fc.constantFrom('a', 'seed', '__proto__', 'constructor', 'x:y', '<img src=x onerror=1>'), fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== ''));

  it('processArticle: never throws; every feature validates and quotes its own sentence', () => {
    let features = 0;
    let articles = 0;
    fc.assert(
      fc.property(fc.oneof({ weight: 1, arbitrary: anyText }, { weight: 2, arbitrary: newsText }, { weight: 3, arbitrary: storyText }), isoDate, ids, (text, date, id) => {
        articles++;
        const { features: fs, rejected } = processArticle(articleOf(text, date, id), (t, d) => geoparse(t, gaz, { articleDate: d }));
        // A bad event is skipped and listed, not thrown: none may be made at all.
        expect(rejected).toEqual([]);
        for (const f of fs) {
          features++;
          const p = f.properties;
          expect(validateFeature(f)).toEqual({ ok: true });
          // Survives the trip through JSON (no Infinity/NaN/undefined turning into null).
          expect(validateFeature(JSON.parse(JSON.stringify(f)))).toEqual({ ok: true });
          expect(text.slice(p.source.start, p.source.end)).toBe(p.quote);
          expect(p.source.article).toBe(id);
          expect(isIsoDate(p.date)).toBe(true);
          if (!p.place.inferred) expect(p.quote.includes(p.place.mention) || p.place.kind === 'border').toBe(true);
        }
      }),
      { seed: 305, numRuns: 300 },
    );
    expect(articles).toBe(300);
    // Not vacuous: the generated articles make events.
    expect(features).toBeGreaterThan(100);
  });

  it('processArticle: huge words and hostile numbers inside a real story', () => {
    fc.assert(
      fc.property(hugeWord, fc.constantFrom(...FIGURES), isoDate, (w, fig, date) => {
        const text = `Russian missiles struck Kyiv overnight, and ${fig} hit Odesa on May 24. ${w}\n\nThe prisoner exchange at the border with Belarus will continue on May 25.`;
        // Time is checked by counting work in events-scale.test.ts, not by a clock here.
        const { features: fs, rejected } = processArticle(articleOf(text, date, 'big'), (t, d) => geoparse(t, gaz, { articleDate: d }));
        expect(rejected).toEqual([]);
        expect(fs.length).toBeGreaterThan(0);
        for (const f of fs) expect(validateFeature(JSON.parse(JSON.stringify(f)))).toEqual({ ok: true });
      }),
      { seed: 306, numRuns: 40 },
    );
  });

  it('buildData: any folder of seed files (any names, any bytes, hostile text) gives valid outputs and a failure list, never an exception', () => {
    const file = fc.oneof(
      fc.tuple(isoDate, storyText).map(([d, t]) => ({ ext: '.txt', body: `date ${d} ${t}` })),
      fc.tuple(isoDate, storyText, anyText).map(([d, t, title]) => ({ ext: '.md', body: `---\ndate: ${d}\ntitle: ${JSON.stringify(title)}\nurl: javascript:alert(1)\n---\n${t}` })),
      fc.array(fc.tuple(fc.oneof(fc.constantFrom('a', 'a', '__proto__'), anyText), storyText, isoDate), { maxLength: 4 }).map((rs) => ({ ext: '.jsonl', body: rs.map(([id, text, date]) => JSON.stringify({ id, text, date, url: 'data:text/html,x' })).join('\n') })),
      fc.uint8Array({ maxLength: 64 }).map((b) => ({ ext: '.txt', body: Buffer.from(b).toString('latin1') })),
    );
    let events = 0;
    fc.assert(
      fc.property(fc.array(file, { minLength: 1, maxLength: 4 }), (files) => {
        const dir = mkdtempSync(join(tmpdir(), 'fuzz-build-'));
        try {
          files.forEach((f, i) => writeFileSync(join(dir, `s${i}${f.ext}`), f.body));
          const summary = buildData({ seeds: dir, out: join(dir, 'out'), geoparser: (t, d) => geoparse(t, gaz, { articleDate: d }) });
          const doc = JSON.parse(readFileSync(join(dir, 'out', 'events.geojson'), 'utf8'));
          expect(validateCollection(doc)).toEqual({ ok: true });
          expect(doc.features.length).toBe(summary.events);
          events += summary.events;
          for (const a of doc.articles) if (a.url !== undefined) expect(['http:', 'https:']).toContain(new URL(a.url).protocol);
          // Every article is either built or listed as failed; failures say why.
          for (const f of summary.failed) expect(f.message.length).toBeGreaterThan(0);
          expect(summary.failed.filter((f) => /could not be processed/.test(f.message))).toEqual([]);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { seed: 307, numRuns: 40 },
    );
    expect(events).toBeGreaterThan(20);
  });
});
