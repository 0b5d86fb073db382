// The app part of `npm run bench`: builds the real app (vite.config.ts, as
// `npm run build` does) into a temporary folder and measures, in Chromium,
// - the bundle of each entry point (./bundle.ts: raw/gzip/brotli, first load vs
//   lazy, MapLibre's share);
// - the seed map's first load: navigation → first events drawn (./app-load.ts);
// - the app opening the large EVB1 file of the run (the same file the renderer
//   benchmark uses): navigation → first events drawn, and the peak memory of
//   all Chromium processes meanwhile; then 40 date steps in the app itself.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { measureAppLoad, type AppLoadResult } from './app-load';
import { launchBrowser } from '../../tests/e2e/browser';
import { serveStatic } from './server';
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

export interface AppStepResult {
  page: string;
  events: number;
  steps: number;
  /** Key press on the date slider → two animation frames later (list, histogram, map updated), ms. */
  step_p50_ms: number;
  step_p95_ms: number;
  step_max_ms: number;
  /** The list's heading names the expected day after the steps (the app really moved). */
  correct: boolean;
  heap_mb: number;
}

export interface AppPhaseResult {
  bundle: BundleReport;
  seed: AppLoadSummary;
  large: AppLoadSummary | null;
  largeSteps?: AppStepResult | null;
}

const q = (v: number[], p: number) => {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.round(p * (s.length - 1)))]!;
};

/**
 * Date steps in the app itself: the slider focused, ArrowRight pressed `steps` times,
 * each timed from the key event to two animation frames later, by which time Svelte
 * has updated the list and the histogram and the overlay has drawn. At the end the
 * list's heading must name the start day + steps.
 */
async function measureAppSteps(distDir: string, pagePath: string, extraDirs: Record<string, string>, startIso: string, events: number, steps = 40): Promise<AppStepResult> {
  const server = await serveStatic({ '/': resolve(distDir), ...extraDirs });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(new URL(pagePath, server.url).href);
    await page.waitForFunction(() => performance.getEntriesByName('event-map:events-drawn').length > 0, null, { timeout: 120_000 });
    await page.getByRole('slider').first().focus();
    const times: number[] = [];
    for (let i = 0; i < steps; i++) {
      times.push(
        await page.evaluate(async () => {
          const el = document.activeElement as HTMLElement;
          const t = performance.now();
          el.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          return performance.now() - t;
        }),
      );
    }
    const want = new Date(Date.parse(`${startIso}T00:00:00Z`) + steps * 86_400_000);
    const human = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(want);
    const heading = (await page.locator('.side h2').first().textContent()) ?? '';
    const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
    return {
      page: pagePath,
      events,
      steps,
      step_p50_ms: Math.round(q(times, 0.5) * 10) / 10,
      step_p95_ms: Math.round(q(times, 0.95) * 10) / 10,
      step_max_ms: Math.round(Math.max(...times) * 10) / 10,
      correct: heading.includes(human),
      heap_mb: Math.round(heap / 2 ** 20),
    };
  } finally {
    await browser.close();
    await server.close();
  }
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
    // The build folder is temporary: record what it was, not this machine's path.
    const bundle = { ...bundleReport(outDir), dir: 'vite build (temporary folder)' };
    const [seed, seedMb] = await withPeakMemory(() => measureAppLoad({ distDir: outDir, pagePath: 'index.html', runs: opts.seedRuns ?? 5 }));
    let large: AppLoadSummary | null = null;
    let largeSteps: AppStepResult | null = null;
    if (opts.large) {
      const { events, evbFile, dir, date } = opts.large;
      const [r, mb] = await withPeakMemory(() =>
        measureAppLoad({ distDir: outDir, pagePath: `index.html?data=gen/${evbFile}#date=${date}`, runs: opts.largeRuns ?? 3, extraDirs: { '/gen/': dir }, timeoutMs: 120_000 }),
      );
      large = summary(r, events, mb);
      largeSteps = await measureAppSteps(outDir, `index.html?data=gen/${evbFile}#date=${date}`, { '/gen/': resolve(dir) }, date, events);
    }
    return { bundle, seed: summary(seed, null, seedMb), large, largeSteps };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
