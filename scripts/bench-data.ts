// npm run bench:data [-- --articles N --seed S --jobs 1,2 --keep] | [-- --big 100,400,2048,8192]
//
// The data build on many articles: generates N synthetic news articles (default 1,000;
// seeded; paragraphs from our own templates with places from the gazetteer, see
// src/geoparse/parallel/synthetic.ts) into a temp folder, builds them with --jobs 1 and
// with every core, each run in a fresh process, and prints wall time, articles/s,
// events, peak memory (the process's peak RSS, main thread and workers together, and
// each worker's V8 heap) and the speed-up. The outputs of all runs must be identical.
//
// --big KB,...: time one long article of each size instead (geoparse, then the event
// extraction), to check that time grows linearly with the text.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildDataParallel, processArticle } from '../src/geoparse/build.ts';
import { geoparse, loadGazetteer } from '../src/geoparse/geoparse.ts';
import { bigArticle, placePool, syntheticArticle } from '../src/geoparse/parallel/synthetic.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    jobs: { type: 'string' },
    keep: { type: 'boolean', default: false },
    big: { type: 'string' },
    // Internal: one timed build in this process, result as JSON on stdout.
    child: { type: 'boolean', default: false },
    seeds: { type: 'string' },
    out: { type: 'string' },
  },
  strict: true,
});

const MB = 1024 * 1024;
const mb = (b: number) => (b / MB).toFixed(0);

interface ChildResult {
  jobs: number;
  wallMs: number;
  articles: number;
  events: number;
  failed: number;
  workers: number;
  maxRssBytes: number;
  workerHeapPeaks: number[];
}

if (values.child) {
  const jobs = Number(values.jobs);
  const t = performance.now();
  const s = await buildDataParallel({ seeds: values.seeds!, out: values.out!, jobs });
  const result: ChildResult = {
    jobs,
    wallMs: Math.round(performance.now() - t),
    articles: s.articles,
    events: s.events,
    failed: s.failed.length + s.rejected.length,
    workers: s.workers,
    maxRssBytes: s.maxRSS,
    workerHeapPeaks: s.workerHeapPeaks,
  };
  process.stdout.write(JSON.stringify(result) + '\n');
  process.exit(0);
}

const gaz = await loadGazetteer();
const pool = placePool(gaz);
process.stdout.write(`machine: ${cpus()[0]?.model ?? '?'} × ${availableParallelism()} cores available, ${mb(totalmem())} MB RAM, Node ${process.version}\n`);

if (values.big) {
  // Long articles: time per size, to see that it grows linearly.
  process.stdout.write(`one long article (synthetic paragraphs, ${pool.cities.length} cities, ${pool.countries.length} countries):\n`);
  process.stdout.write('| size | geoparse ms | events ms | total ms | µs/KB | events |\n| --- | --- | --- | --- | --- | --- |\n');
  for (const kb of values.big.split(',').map(Number)) {
    const text = bigArticle(Number(values.seed), kb * 1024, pool);
    const t0 = performance.now();
    const mentions = geoparse(text, gaz, { articleDate: '2025-05-24' });
    const t1 = performance.now();
    const r = processArticle({ id: 'big', title: 'big', date: '2025-05-24', text, file: 'big.txt' }, () => mentions);
    const t2 = performance.now();
    const total = t2 - t0;
    process.stdout.write(`| ${kb >= 1024 ? `${kb / 1024} MB` : `${kb} KB`} | ${(t1 - t0).toFixed(0)} | ${(t2 - t1).toFixed(0)} | ${total.toFixed(0)} | ${((total * 1000) / kb).toFixed(0)} | ${r.features.length} |\n`);
  }
  process.exit(0);
}

const n = Number(values.articles);
const seed = Number(values.seed);
const jobsList = (values.jobs ?? `1,${availableParallelism()}`).split(',').map(Number);
const dir = mkdtempSync(join(tmpdir(), 'bench-data-'));
const seeds = join(dir, 'seeds');
mkdirSync(seeds);
let bytes = 0;
for (let i = 0; i < n; i++) {
  const a = syntheticArticle(seed, i, pool);
  const body = `---\ndate: ${a.date}\ntitle: ${a.title}\n---\n${a.text}\n`;
  bytes += Buffer.byteLength(body);
  writeFileSync(join(seeds, `${a.id}.md`), body);
}
process.stdout.write(`${n} synthetic articles (seed ${seed}), ${(bytes / MB).toFixed(1)} MB, in ${seeds}\n`);

const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const self = fileURLToPath(import.meta.url);
const runs: (ChildResult & { processMs: number })[] = [];
let reference: Buffer[] | undefined;
for (const jobs of jobsList) {
  const out = join(dir, `out-${jobs}`);
  const t = performance.now();
  const child = spawnSync(process.execPath, ['--import', tsx, self, '--child', '--jobs', String(jobs), '--seeds', seeds, '--out', out], {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC' },
    maxBuffer: 64 * MB,
  });
  const processMs = Math.round(performance.now() - t);
  if (child.status !== 0) {
    process.stderr.write(child.stderr);
    throw new Error(`the build with --jobs ${jobs} failed (exit ${child.status})`);
  }
  const r = JSON.parse(child.stdout.trim().split('\n').pop()!) as ChildResult;
  runs.push({ ...r, processMs });
  const files = ['events.geojson', 'review.json'].map((f) => readFileSync(join(out, f)));
  if (!reference) reference = files;
  else if (!files.every((f, i) => f.equals(reference![i]!))) throw new Error(`--jobs ${jobs} wrote different bytes from --jobs ${jobsList[0]}`);
}

process.stdout.write('\n| jobs | workers | build s | process s | articles/s | events | peak RSS MB (all threads) | worker heap peaks MB |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n');
for (const r of runs)
  process.stdout.write(
    `| ${r.jobs} | ${r.workers} | ${(r.wallMs / 1000).toFixed(1)} | ${(r.processMs / 1000).toFixed(1)} | ${((r.articles * 1000) / r.wallMs).toFixed(1)} | ${r.events} | ${mb(r.maxRssBytes)} | ${r.workerHeapPeaks.map(mb).join(', ') || '–'} |\n`,
  );
const base = runs[0]!;
for (const r of runs.slice(1)) process.stdout.write(`speed-up --jobs ${r.jobs} vs --jobs ${base.jobs}: ${(base.wallMs / r.wallMs).toFixed(2)}×\n`);
process.stdout.write(`outputs identical across runs: yes (${reference![0]!.length} + ${reference![1]!.length} bytes)\n`);
if (runs.some((r) => r.failed)) process.stdout.write(`note: ${runs[0]!.failed} input(s) failed or event(s) rejected\n`);
if (values.keep) process.stdout.write(`kept ${dir}\n`);
else rmSync(dir, { recursive: true, force: true });
