// The app part of `npm run bench`: builds the real app (vite.config.ts, as
// `npm run build` does) into a temporary folder and measures, in Chromium,
// - the bundle of each entry point (./bundle.ts: raw/gzip/brotli, first load vs
//   lazy, MapLibre's share);
// - the seed map's first load: navigation → first events drawn (./app-load.ts);
// - the app opening the large EVB1 file of the run (the same file the renderer
//   benchmark uses): navigation → first events drawn, and the peak memory of
//   all Chromium processes meanwhile.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { measureAppLoad, type AppLoadResult } from './app-load';
import { bundleReport, type BundleReport } from './bundle';
import { treeMemory } from './proc';

export interface AppLoadSummary {
  page: string;
  events: number | null;
  first_events_ms_p50: number;
  first_events_ms_runs: number[];
  source: AppLoadResult['source'];
  renderer: string | null;
  bytes: number;
  requests: number;
  /** Peak sum of RSS over all Chromium processes during the runs (MB). */
  browser_mb: number;
}

export interface AppPhaseResult {
  bundle: BundleReport;
  seed: AppLoadSummary;
  large: AppLoadSummary | null;
}

function summary(r: AppLoadResult, events: number | null, browserMb: number): AppLoadSummary {
  return {
    page: r.page,
    events,
    first_events_ms_p50: r.first_events_ms_p50,
    first_events_ms_runs: r.first_events_ms_runs,
    source: r.source,
    renderer: r.runs[0]?.renderer ?? null,
    bytes: r.bytes,
    requests: r.requests,
    browser_mb: Math.round(browserMb),
  };
}

/** Runs `fn` while sampling the Chromium processes' memory every 250 ms; returns its result and the peak (MB). */
async function withPeakMemory<T>(fn: () => Promise<T>): Promise<[T, number]> {
  let peak = 0;
  const sample = () => (peak = Math.max(peak, treeMemory().rssMb));
  const timer = setInterval(sample, 250);
  try {
    const out = await fn();
    sample();
    return [out, peak];
  } finally {
    clearInterval(timer);
  }
}

export async function appPhase(opts: { root: string; large: { events: number; evbFile: string; dir: string; date: string } | null; seedRuns?: number; largeRuns?: number }): Promise<AppPhaseResult> {
  const outDir = mkdtempSync(join(tmpdir(), 'event-map-bench-app-'));
  try {
    await build({ root: opts.root, configFile: resolve(opts.root, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    const bundle = bundleReport(outDir);
    const [seed, seedMb] = await withPeakMemory(() => measureAppLoad({ distDir: outDir, pagePath: 'index.html', runs: opts.seedRuns ?? 5 }));
    let large: AppLoadSummary | null = null;
    if (opts.large) {
      const { events, evbFile, dir, date } = opts.large;
      const [r, mb] = await withPeakMemory(() =>
        measureAppLoad({ distDir: outDir, pagePath: `index.html?data=gen/${evbFile}#date=${date}`, runs: opts.largeRuns ?? 3, extraDirs: { '/gen/': dir }, timeoutMs: 120_000 }),
      );
      large = summary(r, events, mb);
    }
    return { bundle, seed: summary(seed, null, seedMb), large };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
