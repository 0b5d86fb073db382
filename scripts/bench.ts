// npm run bench [-- --events 100000] [--methods ours,setFilter] [--steps 200] [--seed 1]
//
// Generates (seeded, cached) events, builds the bench page (bench/), serves it on
// 127.0.0.1, and in headless Chromium (the test flags) measures for each size and
// method: navigation → first rendered events, 200 seeded date steps (set date →
// map idle) median/p95, tiles rebuilt per step, the bare repaint floor, JS heap,
// memory of all Chromium processes, bytes served; and checks that what is drawn
// after a step is exactly the window (vs per-day counts read from the GeoJSON).
// Writes bench/results.json and prints a table with baseline/ours ratios.
// Then the app itself (scripts/bench/app-phase.ts): bundle sizes, the seed map's
// first load, and the app opening the largest size as EVB1 (--no-app skips it,
// --app-only runs only it).
import { readFileSync, writeFileSync, existsSync, createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { cpus, totalmem, release, loadavg } from 'node:os';
import { basename, resolve } from 'node:path';
import { build } from 'vite';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../tests/e2e/browser';
import { ensureEvents, FIRST_DAY, LAST_DAY } from './gen-events';
import { dayFromIso } from '../src/map/scale/day';
import { serve } from './bench/server';
import { treeMemory } from './bench/proc';
import { median, quantile, stepSequence, windowCount, fmt } from './bench/stats';
import { appPhase, type AppPhaseResult } from './bench/app-phase';
import { formatBundleReport } from './bench/bundle';

// ours = the app's renderer as the app runs it (overlay mode); ours-layer = the same
// renderer as a custom layer in MapLibre's frame (opt-in, for comparison).
type Method = 'ours' | 'ours-layer' | 'setFilter' | 'setData' | 'dayLayers';
const ROOT = resolve(import.meta.dirname, '..');
const OUT = resolve(ROOT, 'bench/out');
const RESULTS = resolve(ROOT, 'bench/results.json');
/** Bump when a method's meaning changes, so old rows are not mixed with new ones. */
const RESULTS_VERSION = 2;
const TRAIL = 6;
const VIEWPORT = { width: 1280, height: 720 };

const argv = process.argv.slice(2);
const arg = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const sizes = (arg('events') ?? '10000,100000,1000000').split(',').map(Number);
// dayLayers = the app's per-day renderer (src/map/events/day-layers.ts), measured for
// the size threshold; opt-in (--methods ours,dayLayers): it adds layers per day, and
// at 10k events over 3 years (~1,000 days) it loads for 2 minutes.
const methods = (arg('methods') ?? 'ours,setFilter,setData').split(',') as Method[];
const STEPS = Number(arg('steps') ?? 200);
const SEED = Number(arg('seed') ?? 1);
// Baselines at 1M take seconds per step: cap their steps and wall time (reported).
const BASELINE_CAP_STEPS = Number(arg('cap-steps') ?? 60);
const BASELINE_CAP_S = Number(arg('cap-seconds') ?? 45);
const CHECK_EVERY = 20;
// Baselines read the lean GeoJSON (id, category, date) unless --baseline-data full.
const BASELINE_DATA = (arg('baseline-data') ?? 'lean') as 'lean' | 'full';
// The app itself (bundle sizes, the seed map's first load, the app opening the
// largest size as EVB1) runs after the renderer runs unless --no-app; --app-only skips those.
const APP = !argv.includes('--no-app');
const APP_ONLY = argv.includes('--app-only');

export interface Run {
  events: number;
  method: Method;
  load_ms: number;
  step_p50_ms: number;
  step_p95_ms: number;
  floor_ms: number;
  floor_p95_ms: number;
  tiles_per_step: number;
  heap_mb: number;
  browser_mb: number;
  browser_pss_mb: number;
  bytes: number;
  steps: number;
  capped: boolean;
  /** Every step's time (ms), in sequence order: ratios compare methods over the same steps. */
  step_times_ms?: number[];
  checks: { day: number; expected: number; drawn: number | null; gpu: number | null }[];
  correct: boolean;
  /** 1-minute load average of the machine at the start and end of the run (shared machine: context for the timings). */
  loadavg?: [number, number];
  /** Set when the page crashed or timed out; the numbers are then NaN (null in JSON). */
  error?: string;
}

function failedRun(events: number, method: Method, e: unknown): Run {
  return {
    events, method, load_ms: NaN, step_p50_ms: NaN, step_p95_ms: NaN, floor_ms: NaN, floor_p95_ms: NaN, tiles_per_step: NaN,
    heap_mb: NaN, browser_mb: NaN, browser_pss_mb: NaN, bytes: NaN, steps: 0, capped: false, checks: [], correct: false,
    error: (e instanceof Error ? e.message : String(e)).split('\n')[0]!,
  };
}

async function perDayCounts(geojson: string): Promise<Map<number, number>> {
  // Independent of the binary path: read the app-format GeoJSON's dates line by line.
  const counts = new Map<number, number>();
  const rl = createInterface({ input: createReadStream(geojson), crlfDelay: Infinity });
  const re = /"date":"(\d{4}-\d{2}-\d{2})"/;
  for await (const line of rl) {
    const m = re.exec(line);
    if (m) {
      const d = dayFromIso(m[1]!);
      counts.set(d, (counts.get(d) ?? 0) + 1);
    }
  }
  return counts;
}

async function machine(page: Page, version: string) {
  const gl = await page.evaluate(() => {
    const c = document.createElement('canvas').getContext('webgl2');
    const ext = c?.getExtension('WEBGL_debug_renderer_info');
    return c ? { renderer: String(c.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : c.RENDERER)), version: String(c.getParameter(c.VERSION)) } : null;
  });
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memory_gb: Math.round(totalmem() / 2 ** 30),
    kernel: release(),
    node: process.version,
    chromium: version,
    webgl: gl,
    viewport: VIEWPORT,
    swiftshader: /swiftshader/i.test(gl?.renderer ?? ''),
  };
}

async function runOne(base: string, serverBytes: { reset(): void; get(): number }, n: number, method: Method, steps: number[], perDay: Map<number, number>, startDay: number, machineInfo: { value: unknown }): Promise<Run> {
  const load0 = loadavg()[0]!;
  const browser = await launchBrowser();
  let peakRss = 0, peakPss = 0;
  const sample = () => {
    const m = treeMemory();
    peakRss = Math.max(peakRss, m.rssMb);
    peakPss = Math.max(peakPss, m.pssMb);
  };
  const timer = setInterval(sample, 250);
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    page.on('pageerror', (e) => console.error(`  [page] ${e.message}`));
    if (!machineInfo.value) machineInfo.value = await machine(page, browser.version());
    serverBytes.reset();
    const stem = `data/events-${n}-s${SEED}`;
    const url = `${base}?method=${method}&evb=${stem}.evb&geojson=${stem}${BASELINE_DATA === 'lean' ? '.lean' : ''}.geojson&full=${stem}.geojson&day=${startDay}&trail=${TRAIL}`;
    await page.goto(url);
    await page.waitForFunction(() => Boolean((window as any).__bench || (window as any).__benchError), null, { timeout: 300_000, polling: 100 });
    const err = await page.evaluate(() => (window as any).__benchError as string | undefined);
    if (err) throw new Error(`${method} ${n}: ${err}`);
    const loadMs = await page.evaluate(() => (window as any).__bench.firstEventsMs as number);
    sample();
    const checks: Run['checks'] = [];
    const check = async (day: number) => {
      const drawn = await page.evaluate(() => (window as any).__bench.drawn() as Promise<number | null>);
      const gpu = await page.evaluate(() => (window as any).__bench.gpu() as number | null);
      checks.push({ day, expected: windowCount(perDay, day - TRAIL, day), drawn, gpu });
    };
    await check(startDay);
    // Floor: a repaint of the same view with nothing changed, to idle. Sampled after
    // every other step, so load from other processes on this shared machine hits
    // steps and floor alike and their ratio stays meaningful.
    const floorOnce = () => page.evaluate(() => (window as any).__bench.floor() as Promise<number>);
    const floors: number[] = [];
    for (let i = 0; i < 3; i++) await floorOnce(); // warm-up
    const times: number[] = [];
    let tiles = 0;
    const t0 = Date.now();
    let capped = false;
    for (let i = 0; i < steps.length; i++) {
      if (!method.startsWith('ours') && (i >= BASELINE_CAP_STEPS || (Date.now() - t0) / 1000 > BASELINE_CAP_S)) {
        capped = true;
        break;
      }
      const d = steps[i]!;
      const r = await page.evaluate((day) => (window as any).__bench.step(day) as Promise<{ ms: number; tiles: number }>, d);
      times.push(r.ms);
      tiles += r.tiles;
      if (i % 2 === 1) floors.push(await floorOnce()); // every other step: half the cost, same spread
      if ((i + 1) % CHECK_EVERY === 0) await check(d);
    }
    if (times.length % CHECK_EVERY !== 0) await check(steps[times.length - 1]!);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    sample();
    const correct = checks.every((c) => (c.drawn === null || c.drawn === c.expected) && (c.gpu === null || c.gpu === c.expected));
    return {
      events: n,
      method,
      load_ms: round(loadMs),
      step_p50_ms: round(median(times)),
      step_p95_ms: round(quantile(times, 0.95)),
      floor_ms: round(median(floors)),
      floor_p95_ms: round(quantile(floors, 0.95)),
      tiles_per_step: round(tiles / Math.max(1, times.length), 2),
      heap_mb: round(heap.usedSize / 2 ** 20),
      browser_mb: round(peakRss),
      browser_pss_mb: round(peakPss),
      bytes: serverBytes.get(),
      steps: times.length,
      capped,
      step_times_ms: times.map((t) => round(t, 1)),
      checks,
      correct,
      loadavg: [round(load0, 2), round(loadavg()[0]!, 2)],
    };
  } finally {
    clearInterval(timer);
    await browser.close();
  }
}

const round = (v: number, d = 1) => Math.round(v * 10 ** d) / 10 ** d;

/**
 * baseline ÷ ours at quantile q over the same steps: capped baselines ran only the
 * first N steps of the sequence, so ours is taken over those N too.
 */
function ratio(base: Run, ours: Run | undefined, q: number): number {
  if (!ours || base.error || ours.error) return NaN;
  const b = base.step_times_ms, o = ours.step_times_ms;
  if (b && o && b.length <= o.length) return quantile(b, q) / quantile(o.slice(0, b.length), q);
  return (q === 0.5 ? base.step_p50_ms : base.step_p95_ms) / (q === 0.5 ? ours.step_p50_ms : ours.step_p95_ms);
}

function table(runs: Run[]): string {
  const rows = [['events', 'method', 'load ms', 'step p50', 'step p95', 'floor p50', 'floor p95', 'p50/floor', 'tiles/step', 'heap MB', 'Chromium MB', 'MB sent', 'steps', 'correct', '÷ ours p50*', '÷ ours p95*']];
  for (const r of runs) {
    const ours = runs.find((o) => o.events === r.events && o.method === 'ours');
    rows.push([
      String(r.events), r.method, fmt(r.load_ms), fmt(r.step_p50_ms, 1), fmt(r.step_p95_ms, 1), fmt(r.floor_ms, 1), fmt(r.floor_p95_ms, 1),
      fmt(r.step_p50_ms / r.floor_ms, 2), fmt(r.tiles_per_step, 1), fmt(r.heap_mb), fmt(r.browser_mb), fmt(r.bytes / 1e6, 1),
      r.error ? `failed: ${r.error.slice(0, 40)}` : `${r.steps}${r.capped ? ' (capped)' : ''}`, r.correct ? 'yes' : r.error ? '–' : 'NO',
      ours && !r.method.startsWith('ours') ? `${fmt(ratio(r, ours, 0.5), 1)}×` : '',
      ours && !r.method.startsWith('ours') ? `${fmt(ratio(r, ours, 0.95), 1)}×` : '',
    ]);
  }
  const w = rows[0]!.map((_, k) => Math.max(...rows.map((r) => r[k]!.length)));
  const line = (r: string[]) => `| ${r.map((c, k) => c.padEnd(w[k]!)).join(' | ')} |`;
  return [line(rows[0]!), `|${w.map((x) => '-'.repeat(x + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

function targets(runs: Run[]): string[] {
  const out: string[] = [];
  const get = (n: number, m: Method) => runs.find((r) => r.events === n && r.method === m && !r.error);
  const ok = (b: boolean) => (b ? 'PASS' : 'FAIL');
  for (const mode of ['ours', 'ours-layer'] as const) {
    const o100 = get(100_000, mode);
    if (o100) {
      out.push(`100k ${mode}: median step ${fmt(o100.step_p50_ms, 1)} ms ≤ 1.5× floor ${fmt(o100.floor_ms, 1)} ms: ${ok(o100.step_p50_ms <= 1.5 * o100.floor_ms)}`);
      const f = get(100_000, 'setFilter'), d = get(100_000, 'setData');
      if (f) out.push(`100k ${mode}: setFilter ÷ ${mode} (median, same steps) ${fmt(ratio(f, o100, 0.5), 2)}× ≥ 2.5×: ${ok(ratio(f, o100, 0.5) >= 2.5)}`);
      if (d) out.push(`100k ${mode}: setData ÷ ${mode} (median, same steps) ${fmt(ratio(d, o100, 0.5), 2)}× ≥ 1.5×: ${ok(ratio(d, o100, 0.5) >= 1.5)}`);
      out.push(`100k ${mode}: tiles per step ${o100.tiles_per_step} = 0: ${ok(o100.tiles_per_step === 0)}`);
    }
    const o1m = get(1_000_000, mode);
    if (o1m) {
      out.push(`1M ${mode}: first events ${fmt(o1m.load_ms)} ms < 5000: ${ok(o1m.load_ms < 5000)}`);
      out.push(`1M ${mode}: p95 step ${fmt(o1m.step_p95_ms, 1)} ms < 150: ${ok(o1m.step_p95_ms < 150)}`);
      const f = get(1_000_000, 'setFilter'), d = get(1_000_000, 'setData');
      if (f) out.push(`1M ${mode}: setFilter ÷ ${mode} (median, same steps) ${fmt(ratio(f, o1m, 0.5), 2)}× ≥ 5×: ${ok(ratio(f, o1m, 0.5) >= 5)}`);
      if (d) out.push(`1M ${mode}: setData ÷ ${mode} (median, same steps) ${fmt(ratio(d, o1m, 0.5), 2)}× ≥ 1.5×: ${ok(ratio(d, o1m, 0.5) >= 1.5)}`);
      out.push(`1M ${mode}: Chromium processes ${fmt(o1m.browser_mb)} MB RSS (PSS ${fmt(o1m.browser_pss_mb)}) < 1536: ${ok(o1m.browser_mb < 1536)}`);
    }
  }
  return out;
}

function appTargets(app: AppPhaseResult | undefined): string[] {
  if (!app) return [];
  const ok = (b: boolean) => (b ? 'PASS' : 'FAIL');
  const out = [`seed map (app, ${app.seed.renderer}): first events p50 ${fmt(app.seed.first_events_ms_p50)} ms (runs ${app.seed.first_events_ms_runs.join(', ')}) < 1500: ${ok(app.seed.first_events_ms_p50 < 1500)}`];
  const l = app.large;
  if (l && l.events) {
    const line = `${l.events >= 1e6 ? `${l.events / 1e6}M` : `${l.events / 1e3}k`} in the app (EVB1, ${l.renderer}): first events p50 ${fmt(l.first_events_ms_p50)} ms (runs ${l.first_events_ms_runs.join(', ')}), Chromium ${fmt(l.browser_mb)} MB`;
    out.push(l.events >= 1e6 ? `${line} < 5000: ${ok(l.first_events_ms_p50 < 5000)}` : line);
  }
  const s = app.largeSteps;
  if (s) out.push(`${s.events} in the app: ${s.steps} slider steps (key → list, histogram and map updated), p50 ${fmt(s.step_p50_ms, 1)} ms, p95 ${fmt(s.step_p95_ms, 1)} ms, max ${fmt(s.step_max_ms, 1)} ms, heap ${s.heap_mb} MB, lands on the right day: ${s.correct ? 'yes' : 'NO'}`);
  return out;
}

function appSummary(app: AppPhaseResult): string {
  const rows = [app.seed, ...(app.large ? [app.large] : [])].map(
    (a) => `| ${a.events ?? 'seed (18)'} | ${a.page} | ${a.renderer} | ${fmt(a.first_events_ms_p50)} | ${a.first_events_ms_runs.join(', ')} | ${fmt(a.bytes / 1e6, 2)} | ${a.requests} | ${fmt(a.browser_mb)} |`,
  );
  return ['| events | page | renderer | first events p50 ms | runs ms | MB sent | requests | Chromium MB |', '|---|---|---|---|---|---|---|---|', ...rows].join('\n');
}

/** `--report [file]`: print the table and targets of an existing results file, run nothing. */
function report(file: string) {
  const d = JSON.parse(readFileSync(file, 'utf8')) as { machine: unknown; generated?: string; runs: Run[]; app?: AppPhaseResult };
  console.log(`${file} (${d.generated ?? ''})\n${JSON.stringify(d.machine)}\n\n${table(d.runs)}\n`);
  if (d.app) console.log(`${appSummary(d.app)}\n\n${formatBundleReport(d.app.bundle)}\n`);
  for (const t of [...targets(d.runs), ...appTargets(d.app)]) console.log(t);
  console.log(`\n* ratios = baseline ÷ ours over the same steps (a capped baseline's first N steps).`);
}

async function main() {
  if (argv.includes('--report')) {
    const f = arg('report');
    report(f && !f.startsWith('--') ? resolve(f) : RESULTS);
    return;
  }
  const t0 = Date.now();
  console.log('building bench page…');
  await build({ configFile: resolve(ROOT, 'bench/vite.config.ts') });
  const server = await serve(resolve(ROOT, 'bench/dist'), OUT);
  const machineInfo: { value: unknown } = { value: null };
  // Keep earlier runs of other sizes/methods, unless they were measured under another
  // meaning of the method names (results version 1 called the layer mode "ours").
  const prevFile = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as { results_version?: number; runs: Run[] }) : null;
  const prev = prevFile && prevFile.results_version === RESULTS_VERSION ? prevFile : { runs: [] };
  // --app-only measures no renderer runs: keep every earlier one.
  const runs: Run[] = prev.runs.filter((r) => APP_ONLY || !(sizes.includes(r.events) && methods.includes(r.method)));
  const first = dayFromIso(FIRST_DAY), last = dayFromIso(LAST_DAY);
  const startDay = dayFromIso('2024-06-01');
  const steps = stepSequence(SEED, STEPS, first, last, startDay);
  try {
    for (const n of APP_ONLY ? [] : sizes) {
      const files = ensureEvents(n, SEED, OUT);
      const perDay = await perDayCounts(files.geojson);
      for (const m of methods) {
        process.stdout.write(`${n} ${m}… `);
        let r: Run;
        try {
          r = await runOne(server.url, { reset: server.resetBytes, get: server.bytes }, n, m, steps, perDay, startDay, machineInfo);
        } catch (e) {
          r = failedRun(n, m, e);
          console.log(`FAILED: ${r.error}`);
          runs.push(r);
          continue;
        }
        runs.push(r);
        console.log(`load ${fmt(r.load_ms)} ms, step p50 ${fmt(r.step_p50_ms, 1)} / p95 ${fmt(r.step_p95_ms, 1)} ms, floor ${fmt(r.floor_ms, 1)} ms, ` +
          `tiles/step ${r.tiles_per_step}, ${fmt(r.browser_mb)} MB, ${r.steps} steps${r.capped ? ' (capped)' : ''}, correct: ${r.correct}, load avg ${r.loadavg?.join('→')}`);
        if (!r.correct) console.log('  checks:', JSON.stringify(r.checks));
      }
    }
  } finally {
    await server.close();
  }
  let app: AppPhaseResult | undefined = prevFile?.results_version === RESULTS_VERSION ? (prevFile as { app?: AppPhaseResult }).app : undefined;
  if (APP) {
    const n = Math.max(...sizes);
    const files = ensureEvents(n, SEED, OUT);
    console.log(`app: build, bundle, seed map first load, ${n} events as EVB1 in the app…`);
    app = await appPhase({ root: ROOT, large: { events: n, evbFile: basename(files.binary), dir: OUT, date: '2024-06-01' } });
  }
  const order: Method[] = ['ours', 'ours-layer', 'setFilter', 'setData', 'dayLayers'];
  runs.sort((a, b) => a.events - b.events || order.indexOf(a.method) - order.indexOf(b.method));
  writeFileSync(RESULTS, JSON.stringify({ results_version: RESULTS_VERSION, machine: machineInfo.value ?? (prevFile as { machine?: unknown } | null)?.machine ?? null, generated: new Date().toISOString(), seed: SEED, window_days: TRAIL + 1, steps: STEPS, baseline_cap: { steps: BASELINE_CAP_STEPS, seconds: BASELINE_CAP_S }, runs, ...(app ? { app } : {}) }, null, 2) + '\n');
  console.log(`\n${table(runs)}\n`);
  if (app) console.log(`${appSummary(app)}\n\n${formatBundleReport(app.bundle)}\n`);
  for (const t of [...targets(runs), ...appTargets(app)]) console.log(t);
  console.log(`\n* ratios = baseline ÷ ours over the same steps (a capped baseline's first N steps).`);
  if (runs.some((r) => r.capped)) console.log(`Baselines marked (capped) ran at most ${BASELINE_CAP_STEPS} steps / ${BASELINE_CAP_S} s of the same sequence.`);
  console.log(`\nwrote ${RESULTS} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  if (runs.some((r) => r.method.startsWith('ours') && !r.correct)) process.exitCode = 1;
}

await main();
