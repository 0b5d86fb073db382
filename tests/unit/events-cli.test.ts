// The data build as a user runs it: `tsx scripts/build-data.ts --seeds DIR --out DIR`
// on a folder with one good article and every kind of bad one.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateCollection } from '../../src/events/validate.ts';
import { writeFileAtomic } from '../../src/geoparse/emit/write.ts';
import { buildEvb } from '../../src/geoparse/emit/evb.ts';
import { decode } from '../../src/data/binary/format.ts';
import { idOf } from '../../src/map/scale/columns.ts';
import type { EventCollection } from '../../src/events/types.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BAD = join(ROOT, 'tests/fixtures/events/bad-seeds');
const SEED = join(ROOT, 'seeds/2025-05-24-prisoner-exchange-and-kyiv-attack.txt');

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/build-data.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC' },
    timeout: 120_000,
  });

let dir: string;
let result: ReturnType<typeof run>;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'events-cli-'));
  mkdirSync(join(dir, 'seeds'));
  copyFileSync(SEED, join(dir, 'seeds', 'seed.txt'));
  for (const f of readdirSync(BAD)) copyFileSync(join(BAD, f), join(dir, 'seeds', f));
  writeFileSync(join(dir, 'seeds', 'more.jsonl'), '{"id":"j1","text":"Missiles struck Kharkiv overnight.","date":"2025-05-24"}\n{"id":"j2","text":"x","date":"24/05/2025"}\n');
  // Over 20 MB, sparse so the test stays cheap; the size is checked before reading.
  writeFileSync(join(dir, 'seeds', 'big.txt'), 'date 2025-05-24\nMissiles struck Kyiv.\n');
  truncateSync(join(dir, 'seeds', 'big.txt'), 21 * 1024 * 1024);
  result = run('--seeds', join(dir, 'seeds'), '--out', join(dir, 'out'));
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run data', () => {
  it('exits non-zero when any input failed, and says so in the summary', () => {
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/build-data: 2 article\(s\) from 12 file\(s\), \d+ event\(s\), .*; 11 input\(s\) FAILED/);
  });

  it.each([
    ['no-date-header.txt', 'error: no-date-header.txt:1: missing date header'],
    ['impossible-date.txt', 'error: impossible-date.txt:1: invalid date in the header'],
    ['date-not-iso.txt', 'error: date-not-iso.txt:1: invalid date in the header'],
    ['empty.txt', 'error: empty.txt: empty file'],
    ['binary.txt', 'error: binary.txt: binary file'],
    ['invalid-utf8.txt', 'error: invalid-utf8.txt: invalid UTF-8 at byte'],
    ['article.docx', 'error: article.docx: unknown extension ".docx"'],
    ['no-date.md', 'error: no-date.md:1: front matter has no "date:" field'],
    ['header-only.txt', 'error: header-only.txt:1: no article text after the date header'],
    ['big.txt', 'error: big.txt: file is 21.0 MB, over the 20 MB limit for one article'],
    ['more.jsonl line 2', 'error: more.jsonl:2: article "j2": invalid date "24/05/2025"'],
  ])('names the bad input: %s', (_f, message) => {
    expect(result.stderr).toContain(message);
  });

  it('still builds the good articles into a valid events.geojson and a review report', () => {
    const out = readdirSync(join(dir, 'out')).sort();
    expect(out).toEqual(['events.geojson', 'review.json']); // no temp files left
    const geo = JSON.parse(readFileSync(join(dir, 'out', 'events.geojson'), 'utf8'));
    expect(validateCollection(geo)).toEqual({ ok: true });
    expect(geo.articles.map((a: { id: string }) => a.id)).toEqual(['j1', 'seed']);
    expect(geo.features.some((f: { properties: { source: { article: string } } }) => f.properties.source.article === 'seed')).toBe(true);
    const review = JSON.parse(readFileSync(join(dir, 'out', 'review.json'), 'utf8'));
    expect(review.failed).toHaveLength(11);
  });

  it('is byte-identical on a re-run', () => {
    const again = run('--seeds', join(dir, 'seeds'), '--out', join(dir, 'out2'));
    expect(again.status).toBe(1);
    for (const f of ['events.geojson', 'review.json'])
      expect(readFileSync(join(dir, 'out2', f), 'utf8')).toBe(readFileSync(join(dir, 'out', f), 'utf8'));
  }, 120_000);

  it('--binary also writes events.evb and its details, deterministic and with nothing half-written', () => {
    const r = run('--seeds', join(dir, 'seeds'), '--out', join(dir, 'outb'), '--binary');
    expect(r.status).toBe(1); // the bad inputs still fail the build
    expect(r.stderr).toMatch(/→ events\.evb \(\d+ bytes\) and 1 details chunk\(s\)/);
    expect(readdirSync(join(dir, 'outb')).sort()).toEqual(['events.evb', 'events.evb.details', 'events.geojson', 'review.json']);
    const geo = JSON.parse(readFileSync(join(dir, 'outb', 'events.geojson'), 'utf8')) as EventCollection;
    const bytes = readFileSync(join(dir, 'outb', 'events.evb'));
    const c = decode(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(c.count).toBe(geo.features.length);
    expect(new Set(Array.from({ length: c.count }, (_, i) => idOf(c, i)))).toEqual(new Set(geo.features.map((f) => f.id)));
    // The same bytes as building again from the same GeoJSON.
    const again = buildEvb(geo.features, geo.articles, 'events.evb');
    expect(Buffer.from(again.bytes).equals(bytes)).toBe(true);
    expect(readdirSync(join(dir, 'outb', 'events.evb.details'))).toEqual(['00000.json']);
    expect(readFileSync(join(dir, 'outb', 'events.evb.details', '00000.json'), 'utf8')).toBe(again.chunks[0]!.text);
  }, 120_000);

  it('rejects a missing seeds directory and unknown options with usage (exit 2)', () => {
    expect(run('--seeds', join(dir, 'nope')).status).toBe(2);
    const r = run('--bogus');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/usage: npm run data/);
  });
});

describe('writeFileAtomic', () => {
  it('replaces the file whole and leaves no temp file', () => {
    const d = mkdtempSync(join(tmpdir(), 'atomic-'));
    writeFileAtomic(join(d, 'a.json'), 'one');
    writeFileAtomic(join(d, 'a.json'), 'two');
    expect(readdirSync(d)).toEqual(['a.json']);
    expect(readFileSync(join(d, 'a.json'), 'utf8')).toBe('two');
    rmSync(d, { recursive: true });
  });

  it('on failure throws and leaves neither a partial file nor a temp file', () => {
    const d = mkdtempSync(join(tmpdir(), 'atomic-'));
    mkdirSync(join(d, 'events.geojson')); // a directory where the file should go: rename fails
    writeFileSync(join(d, 'events.geojson', 'keep'), '');
    expect(() => writeFileAtomic(join(d, 'events.geojson'), 'data')).toThrow();
    expect(readdirSync(d)).toEqual(['events.geojson']);
    expect(existsSync(join(d, 'events.geojson', 'keep'))).toBe(true);
    rmSync(d, { recursive: true });
  });
});
