// First load of the built app: navigation start → the first events drawn on the
// map, in Debian's Chromium (tests/e2e/browser.ts, SwiftShader WebGL), cold
// cache, 1280×720. The issue's target: "first events rendered under 1.5 s after
// navigation" for the seed map.
//
//   measureAppLoad({ distDir: 'dist', pagePath: 'index.html', runs: 5 }) → AppLoadResult
//   npx vite build && npx tsx scripts/bench/app-load.ts --dist dist [--page index.html] [--runs 5] [--json out.json]
//
// How: the built folder is served by the counting static server (./server.ts
// serveStatic: no compression, so bytes are raw bytes on the wire; `extraDirs`
// adds folders under URL prefixes, e.g. { '/gen/': 'bench/out' } with
// pagePath 'index.html?data=gen/events-10k.geojson'). Each run opens a fresh
// browser context (empty cache) and navigates to the page.
//
// "First events drawn" is the app's own mark `event-map:events-drawn`
// (performance.mark at the first map idle after the event renderer attached,
// src/map/MapView.svelte); its startTime is relative to navigation start. Where
// the build has no such mark, a requestAnimationFrame poll in the page does the
// same from outside: the first frame where the map container says
// data-ready="true" (the renderer is attached), then that map's next `idle` (or
// now, if it is idle already): at most a frame late. `source` says which.
// Either way the run is checked independently: data-ready="true", and with the
// per-day renderer `queryRenderedFeatures` on the event layers must return
// features; a run that fails the check throws (no number for a blank map).
// bytes/requests: what the server sent from navigation until the first events
// were drawn (median over runs).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../tests/e2e/browser.ts';
import { serveStatic } from './server.ts';
import { median } from './stats.ts';

export const EVENTS_DRAWN_MARK = 'event-map:events-drawn';

export interface AppLoadOptions {
  /** The built app (vite build's outDir). Served at '/'. */
  distDir: string;
  /** Page to open, relative to the server root, with query/hash if any: 'index.html', 'index.html?data=gen/x.geojson'. */
  pagePath: string;
  runs: number;
  /** More folders to serve: URL prefix ('/gen/', starting and ending with '/') → folder. */
  extraDirs?: Record<string, string>;
  /** Default 1280×720. */
  viewport?: { width: number; height: number };
  /** Per run; default 60 s. */
  timeoutMs?: number;
  /** Reuse a browser (closed by the caller); default: launch one and close it. */
  browser?: Browser;
}

export interface AppLoadRun {
  /** Navigation start → first events drawn (page clock, ms). */
  first_events_ms: number;
  /** 'mark': the app's performance mark; 'raf-poll': the fallback poll (the build has no mark). */
  source: 'mark' | 'raf-poll';
  /** The poll's own reading (also when the mark is there, as a cross-check). */
  poll_ms: number;
  renderer: string | null;
  /** Event features MapLibre reports on screen (per-day renderer); null for the WebGL 'scale' renderer, which MapLibre cannot query. */
  rendered_features: number | null;
  bytes: number;
  requests: number;
  /** The largest responses of this run (path, raw bytes), largest first. */
  largest: { path: string; bytes: number }[];
}

export interface AppLoadResult {
  page: string;
  first_events_ms_p50: number;
  first_events_ms_runs: number[];
  /** 'mixed' if some runs had the mark and some did not. */
  source: 'mark' | 'raf-poll' | 'mixed';
  /** Median over runs of the raw bytes served until the first events were drawn. */
  bytes: number;
  requests: number;
  runs: AppLoadRun[];
}


/**
 * Installed before any page script: window.__emFirstEventsPoll resolves with
 * performance.now() at the first events drawn. A string, not a function: tsx
 * would wrap named functions in a helper the page does not have.
 */
const POLL_SCRIPT = `window.__emFirstEventsPoll = new Promise(function (done) {
  function tick() {
    var el = document.querySelector('.map[data-ready="true"]');
    var m = el && el.__maplibre;
    if (!m) return void requestAnimationFrame(tick);
    if (m.loaded() && !m.isMoving()) done(performance.now());
    else m.once('idle', function () { done(performance.now()); });
  }
  requestAnimationFrame(tick);
});`;

async function oneRun(browser: Browser, url: string, server: Awaited<ReturnType<typeof serveStatic>>, opts: AppLoadOptions): Promise<AppLoadRun> {
  const timeout = opts.timeoutMs ?? 60_000;
  const ctx = await browser.newContext({ viewport: opts.viewport ?? { width: 1280, height: 720 } });
  try {
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript({ content: POLL_SCRIPT });
    server.resetBytes();
    await page.goto(url, { waitUntil: 'commit', timeout });
    const poll = await page.evaluate(
      (ms) =>
        Promise.race([
          (window as unknown as { __emFirstEventsPoll: Promise<number> }).__emFirstEventsPoll,
          new Promise<number>((_, reject) => setTimeout(() => reject(new Error(`no events drawn within ${ms} ms`)), ms)),
        ]),
      timeout,
    );
    const bytes = server.bytes();
    const served = server.requests();
    const requests = served.length;
    const largest = [...served].sort((a, b) => b.bytes - a.bytes).slice(0, 8).map(({ path, bytes: n }) => ({ path, bytes: n }));
    // The mark is set in the same idle as the poll's reading (its listener is older), so it is there by now if the app sets it.
    const mark = await page.evaluate((name) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? null, EVENTS_DRAWN_MARK);
    // Independent check: the renderer is attached and, where MapLibre can tell, events are on screen.
    const check = await page.evaluate(() => {
      type M = { getStyle(): { layers: { id: string }[] }; queryRenderedFeatures(o: { layers: string[] }): unknown[] };
      const el = document.querySelector('.map') as (HTMLElement & { __maplibre?: M }) | null;
      const m = el?.__maplibre;
      const renderer = el?.dataset['renderer'] ?? null;
      if (!el || el.dataset['ready'] !== 'true' || !m) return { ok: false, renderer, features: null as number | null };
      if (renderer === 'scale') return { ok: true, renderer, features: null };
      const layers = m.getStyle().layers.map((l) => l.id).filter((id) => id.startsWith('em-d'));
      const features = layers.length ? m.queryRenderedFeatures({ layers }).length : 0;
      return { ok: features > 0, renderer, features };
    });
    if (!check.ok) throw new Error(`first-load run: no events on screen (renderer ${check.renderer}, features ${check.features}); page errors: ${errors.join(' | ') || 'none'}`);
    return {
      first_events_ms: Math.round(mark ?? poll),
      source: mark === null ? 'raf-poll' : 'mark',
      poll_ms: Math.round(poll),
      renderer: check.renderer,
      rendered_features: check.features,
      bytes,
      requests,
      largest,
    };
  } finally {
    await ctx.close();
  }
}

/** Measures the first load `runs` times (a fresh browser context each, cold cache) and summarises. */
export async function measureAppLoad(opts: AppLoadOptions): Promise<AppLoadResult> {
  if (!(opts.runs >= 1)) throw new Error('runs must be at least 1');
  const server = await serveStatic({ '/': resolve(opts.distDir), ...Object.fromEntries(Object.entries(opts.extraDirs ?? {}).map(([k, v]) => [k, resolve(v)])) });
  const browser = opts.browser ?? (await launchBrowser());
  const url = new URL(opts.pagePath.replace(/^\//, ''), server.url).href;
  try {
    const runs: AppLoadRun[] = [];
    for (let i = 0; i < opts.runs; i++) runs.push(await oneRun(browser, url, server, opts));
    const times = runs.map((r) => r.first_events_ms);
    const sources = new Set(runs.map((r) => r.source));
    return {
      page: opts.pagePath,
      first_events_ms_p50: Math.round(median(times)),
      first_events_ms_runs: times,
      source: sources.size > 1 ? 'mixed' : runs[0]!.source,
      bytes: median(runs.map((r) => r.bytes)),
      requests: median(runs.map((r) => r.requests)),
      runs,
    };
  } finally {
    if (!opts.browser) await browser.close();
    await server.close();
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const opt = (k: string) => {
    const i = argv.indexOf(`--${k}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const r = await measureAppLoad({ distDir: opt('dist') ?? 'dist', pagePath: opt('page') ?? 'index.html', runs: Number(opt('runs') ?? 5) });
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  console.log(`first events drawn (${r.page}, ${r.source}): p50 ${r.first_events_ms_p50} ms, runs ${r.first_events_ms_runs.join(', ')} ms; ${kb(r.bytes)} in ${r.requests} requests (raw, uncompressed)`);
  for (const run of r.runs) console.log(`  ${run.first_events_ms} ms (poll ${run.poll_ms} ms) ${run.renderer} ${run.rendered_features ?? '-'} features, ${kb(run.bytes)}, ${run.requests} requests`);
  console.log(`largest (run 1): ${r.runs[0]!.largest.map((l) => `${l.path} ${kb(l.bytes)}`).join(', ')}`);
  const out = opt('json');
  if (out) writeFileSync(out, `${JSON.stringify(r, null, 2)}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
