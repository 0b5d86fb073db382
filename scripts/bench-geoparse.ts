// Benchmarks the geoparser: gazetteer load time and heap (compact index vs parsing the
// raw GeoNames TSV, each measured in a fresh process), then throughput on one core.
// Usage: npm run bench:geoparse [-- CORPUS.jsonl]   (default ../shared/eval/lgl.jsonl)
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);
const repo = path.resolve(path.dirname(here), '..');

// CPU time (user + system) is reported next to wall time: on a shared machine the wall
// clock also counts time spent waiting for a core.
interface LoadMeasure { ms: number; cpuMs: number; heapMB: number; places: number }

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

async function measure(mode: string): Promise<void> {
  // Modules are imported first so that only the data loading is timed.
  const { loadGazetteerSync } = await import('../src/geoparse/gazetteer/cache.ts');
  const { readCities } = await import('../src/geoparse/gazetteer/sources.ts');
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let places = 0;
  let keep: unknown;
  if (mode === 'index') {
    const g = loadGazetteerSync();
    places = g.size;
    keep = g;
  } else {
    const cities = readCities();
    places = cities.length;
    keep = cities;
  }
  const ms = performance.now() - t0;
  const cpu = cpuMs(process.cpuUsage(c0));
  globalThis.gc?.();
  const heapMB = (process.memoryUsage().heapUsed - before) / 1e6;
  void keep;
  process.stdout.write(JSON.stringify({ ms, cpuMs: cpu, heapMB, places } satisfies LoadMeasure));
}

function jsonParseSeconds(texts: string[]): number {
  const lines = texts.map((t) => JSON.stringify({ text: t }));
  const t0 = performance.now();
  for (const l of lines) JSON.parse(l);
  return (performance.now() - t0) / 1000;
}

function inFreshProcess(mode: string): LoadMeasure {
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', here, '--measure', mode], { cwd: repo, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bench: measuring ${mode} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as LoadMeasure;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--measure') return measure(args[1] ?? 'index');
  const corpus = args[0] ?? path.resolve(repo, '../shared/eval/lgl.jsonl');
  if (!fs.existsSync(corpus)) {
    process.stderr.write(`bench:geoparse: ${corpus}: no such file\n`);
    process.exit(1);
  }
  const { loadGazetteer, geoparse } = await import('../src/geoparse/geoparse.ts');
  await loadGazetteer(); // make sure the cache exists before timing loads
  // Best of three fresh processes each: a shared machine adds waiting time to single runs.
  const best = (mode: string): LoadMeasure =>
    [inFreshProcess(mode), inFreshProcess(mode), inFreshProcess(mode)].reduce((a, b) => (b.ms < a.ms ? { ...b, cpuMs: Math.min(a.cpuMs, b.cpuMs) } : { ...a, cpuMs: Math.min(a.cpuMs, b.cpuMs) }));
  const index = best('index');
  const tsv = best('tsv');
  console.log(`gazetteer load (compact index, best of 3 fresh processes): ${index.ms.toFixed(0)} ms wall, ${index.cpuMs.toFixed(0)} ms CPU, heap ${index.heapMB.toFixed(1)} MB, ${index.places} places (targets < 500 ms, < 150 MB)`);
  console.log(`baseline (parse the GeoNames TSV only): ${tsv.ms.toFixed(0)} ms wall, ${tsv.cpuMs.toFixed(0)} ms CPU, heap ${tsv.heapMB.toFixed(1)} MB, ${tsv.places} cities`);
  console.log(`ratio: the index loads ${(tsv.ms / index.ms).toFixed(1)}x faster (wall), ${(tsv.cpuMs / index.cpuMs).toFixed(1)}x (CPU), with ${(tsv.heapMB / index.heapMB).toFixed(1)}x less heap`);

  const texts = fs.readFileSync(corpus, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text);
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const gaz = await loadGazetteer();
  // The first document also loads the given-name lists once.
  const f0 = performance.now();
  geoparse(texts[0] ?? '', gaz);
  console.log(`first document (loads the given-name lists): ${(performance.now() - f0).toFixed(0)} ms`);
  for (const t of texts.slice(0, 50)) geoparse(t, gaz); // warm up the JIT
  const runs = 3;
  let bestWall = Infinity;
  let bestCpu = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (const t of texts) geoparse(t, gaz);
    bestCpu = Math.min(bestCpu, cpuMs(process.cpuUsage(c0)) / 1000);
    bestWall = Math.min(bestWall, (performance.now() - t0) / 1000);
  }
  const mb = bytes / 1e6;
  console.log(`throughput on ${path.basename(corpus)} (${texts.length} docs, ${mb.toFixed(2)} MB), best of ${runs}, one thread: ${(mb / bestWall).toFixed(2)} MB/s, ${(texts.length / bestWall).toFixed(0)} docs/s wall; ${(mb / bestCpu).toFixed(2)} MB/s, ${(texts.length / bestCpu).toFixed(0)} docs/s per CPU second (target >= 2 MB/s)`);
  console.log(`baseline: the JSON text alone parses at ${(mb / jsonParseSeconds(texts)).toFixed(0)} MB/s`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:geoparse: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
