// The hostile articles in tests/fixtures/hostile/seeds (markup and script in the
// text, title, id and link; javascript:/data:/file: links; bidi overrides,
// zero-width characters, emoji; a 12 000-character word) built by the real CLI,
// as a user runs it: the output validates, every quote is the article's own
// text, the hostile text is kept verbatim (it is shown as text, never parsed),
// and only http(s) links survive.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateCollection } from '../../src/events/validate.ts';
import { parseArticleFile } from '../../src/geoparse/articles/read.ts';
import type { Article } from '../../src/geoparse/articles/types.ts';
import type { EventCollection } from '../../src/events/types.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEEDS = join(ROOT, 'tests/fixtures/hostile/seeds');

let out: string;
let run: ReturnType<typeof spawnSync>;
let data: EventCollection;
const articles = new Map<string, Article>();

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'trust-hostile-'));
  run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/build-data.ts'), '--seeds', SEEDS, '--out', out], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC' },
    timeout: 120_000,
  });
  data = JSON.parse(readFileSync(join(out, 'events.geojson'), 'utf8'));
  for (const f of readdirSync(SEEDS).sort())
    for (const a of parseArticleFile(f, readFileSync(join(SEEDS, f))).articles) articles.set(a.id, a);
}, 180_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('hostile articles through npm run data', () => {
  it('build all of them without a failure', () => {
    expect(run.stderr).toMatch(/14 article\(s\) from 4 file\(s\)/);
    expect(run.status).toBe(0);
    expect(articles.size).toBe(14);
  });

  it('write a document that validates against the schema', () => {
    expect(validateCollection(data)).toEqual({ ok: true });
  });

  it('quote every event verbatim from its own article, and name the place in it', () => {
    expect(data.features.length).toBeGreaterThanOrEqual(12);
    for (const f of data.features) {
      const p = f.properties;
      const a = articles.get(p.source.article);
      expect(a, p.source.article).toBeDefined();
      expect(a!.text.slice(p.source.start, p.source.end)).toBe(p.quote);
      if (!p.place.inferred) expect(p.quote).toContain(p.place.mention);
    }
  });

  it('still find the places and dates around the markup', () => {
    const of = (id: string) => data.features.filter((f) => f.properties.source.article === id).map((f) => `${f.properties.place.mention}@${f.properties.date}`);
    expect(of('markup-title')).toEqual(expect.arrayContaining(['Kyiv@2025-05-24', 'Odesa@2025-05-24', 'Kharkiv@2025-05-23']));
    expect(of('bidi-zero-width')).toEqual(expect.arrayContaining(['Odesa@2025-05-23', 'Istanbul@2025-05-25', 'Kharkiv@2025-05-22']));
    expect(of('js-url')).toEqual(['Kyiv@2025-05-24']);
    expect(of('data-url')).toEqual(['Odesa@2025-05-24']);
    expect(of('<img src=x onerror="window.__pwned=\'id\'">')).toEqual(['Kyiv@2025-05-20']);
    expect(of('__proto__')).toEqual(['Odesa@2025-05-19']);
    expect(of('long-words')).toEqual(expect.arrayContaining(['Kyiv@2025-05-24', 'Odesa@2025-05-23']));
  });

  it('keep the hostile text as text: markup, bidi and zero-width characters survive unchanged', () => {
    const quotes = data.features.map((f) => f.properties.quote).join('\n');
    expect(quotes).toContain('<img src=x onerror="window.__pwned=\'body-img\'">');
    expect(quotes).toContain("<script>window.__pwned='body-script'</script>");
    expect(quotes).toContain('\u2067');
    expect(quotes).toContain('\u00ad');
    const titles = new Map(data.articles.map((a) => [a.id, a.title]));
    expect(titles.get('markup-title')).toContain("<script>window.__pwned='title-script'</script>");
    expect(titles.get('data-url')).toContain('<iframe srcdoc=');
  });

  it('drop every link that is not absolute http(s)', () => {
    const urls = new Map(data.articles.map((a) => [a.id, a.url]));
    for (const [id, url] of urls) {
      if (url === undefined) continue;
      expect(['http:', 'https:'], id).toContain(new URL(url).protocol);
    }
    for (const id of ['markup-title', 'js-url', 'data-url', 'spaced-js', 'vbscript', 'file-url', 'protocol-relative', 'tab-js'])
      expect(urls.get(id), id).toBeUndefined();
    expect(urls.get('good-https')).toBe('https://example.org/news/kyiv?a=1&b=%3C2%3E');
    expect(urls.get('good-http')).toBe('http://example.org/istanbul');
  });
});
