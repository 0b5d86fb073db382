// The data build on worker threads gives the same bytes as the build in one thread:
// `npm run data -- --jobs 1` and `--jobs 2` on a folder of 20+ articles (synthetic
// news from our templates, a JSONL file of several, the seed, and a bad file).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticArticle, type PlacePool } from '../../src/geoparse/parallel/synthetic.ts';
import { workerBootstrap } from '../../src/geoparse/parallel/pool.ts';
import { AUTO_CHARS_PER_JOB, autoJobs } from '../../src/geoparse/build.ts';
import type { Article } from '../../src/geoparse/articles/types.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const POOL: PlacePool = {
  cities: ['Kyiv', 'Kharkiv', 'Odesa', 'Lviv', 'Dnipro', 'Zaporizhzhia', 'Istanbul', 'Ankara', 'Warsaw', 'Minsk'],
  countries: ['Ukraine', 'Russia', 'Turkey', 'Poland', 'Belarus', 'Moldova'],
};

const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const run = (dir: string, jobs: string) =>
  spawnSync(process.execPath, ['--import', TSX, join(ROOT, 'scripts/build-data.ts'), '--seeds', join(dir, 'seeds'), '--out', join(dir, `out-${jobs}`), '--jobs', jobs], {
    // Not the repository: workers must find tsx and their code by absolute paths.
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC' },
    timeout: 240_000,
  });

let dir: string;
let one: ReturnType<typeof run>;
let two: ReturnType<typeof run>;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'events-parallel-'));
  mkdirSync(join(dir, 'seeds'));
  for (let i = 0; i < 18; i++) {
    const a = syntheticArticle(11, i, POOL);
    writeFileSync(join(dir, 'seeds', `${a.id}.md`), `---\ndate: ${a.date}\ntitle: ${a.title}\n---\n${a.text}\n`);
  }
  const lines = [18, 19, 20, 21].map((i) => syntheticArticle(11, i, POOL)).map((a) => JSON.stringify({ id: a.id, text: a.text, date: a.date, title: a.title }));
  writeFileSync(join(dir, 'seeds', 'wire.jsonl'), lines.join('\n') + '\n{"id":"broken","text":"x","date":"2025-13-40"}\n');
  copyFileSync(join(ROOT, 'seeds/2025-05-24-prisoner-exchange-and-kyiv-attack.txt'), join(dir, 'seeds', 'seed.txt'));
  writeFileSync(join(dir, 'seeds', 'no-header.txt'), 'Missiles struck Kyiv.\n');
  one = run(dir, '1');
  two = run(dir, '2');
}, 480_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run data --jobs N', () => {
  it('builds 23 articles and reports the 2 bad inputs with either number of jobs', () => {
    for (const r of [one, two]) {
      expect(r.stderr).toMatch(/build-data: 23 article\(s\) from 21 file\(s\), \d+ event\(s\).*; 2 input\(s\) FAILED/);
      expect(r.status).toBe(1);
    }
    expect(one.stderr).toBe(two.stderr);
  });

  it('writes byte-identical files with 1 and 2 jobs', () => {
    for (const f of ['events.geojson', 'review.json']) {
      const a = readFileSync(join(dir, 'out-1', f));
      expect(a.length).toBeGreaterThan(1000);
      expect(readFileSync(join(dir, 'out-2', f)).equals(a)).toBe(true);
    }
    const geo = JSON.parse(readFileSync(join(dir, 'out-2', 'events.geojson'), 'utf8'));
    expect(geo.articles).toHaveLength(23);
    expect(geo.features.length).toBeGreaterThan(100);
    expect(readdirSync(join(dir, 'out-2')).sort()).toEqual(['events.geojson', 'review.json']);
  });

  it('rejects a bad --jobs', () => {
    const r = run(dir, '0');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--jobs must be a whole number');
  });
});

describe('workerBootstrap', () => {
  it('requires worker.ts through tsx by absolute paths', () => {
    const code = workerBootstrap();
    expect(code).toMatch(/^require\("\/.*tsx\/dist\/cjs\/api\/index\.cjs"\)\.register\(\);\nrequire\("\/.*src\/geoparse\/parallel\/worker\.ts"\);\n$/);
  });
});

describe('autoJobs (the default --jobs)', () => {
  const articles = (n: number, chars: number): Article[] =>
    Array.from({ length: n }, (_, i) => ({ id: `a${i}`, title: '', date: '2025-05-24', text: 'x'.repeat(chars), file: `a${i}.txt` }));
  it('runs a small build in this thread and a big one on every core', () => {
    expect(autoJobs(articles(1, 4000), 8)).toBe(1);
    expect(autoJobs(articles(100, 3000), 8)).toBe(1);
    expect(autoJobs(articles(1000, 2000), 2)).toBe(1); // bench:data's 1,000 articles: one warm thread wins
    expect(autoJobs(articles(4000, 2000), 2)).toBe(2);
    expect(autoJobs(articles(4000, 3000), 16)).toBe(Math.floor((4000 * 3000) / AUTO_CHARS_PER_JOB));
    expect(autoJobs(articles(20_000, 3000), 16)).toBe(16);
  });
});
