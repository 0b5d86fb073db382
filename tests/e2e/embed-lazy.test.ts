// <event-map loading="lazy"> in Chromium, on a host page served from a second
// loopback origin (as in embed-retry.test.ts): event-map.js defines the element
// at once and shows a placeholder of the map's height; the app's code (Svelte,
// MapLibre, the App: assets/event-map-*.js), MapLibre's worker, the basemap and
// the data are requested only when the element comes within about one viewport
// of being visible. Without the attribute it loads at once, as before.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { launchBrowser } from './browser';

const base = inject('baseUrl');
const app = base.endsWith('/') ? base : `${base}/`;
const appOrigin = new URL(app).origin;

/** The app's code, MapLibre's worker and what the map fetches: none of it before the element starts. */
const APP_CODE = /\/assets\/event-map-(?!preload-helper)[\w-]+\.js$|maplibre-gl-worker|\/data\/events\.geojson$|\/basemap\//;

const VIEW = { width: 1000, height: 800 };
const page = (element: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article</title>
<link rel="stylesheet" href="${app}event-map.css"></head>
<body style="margin:0"><main style="width:760px"><h1>Article</h1><div style="height:${4 * VIEW.height}px">A long article.</div>
${element}<p id="end">End.</p></main>
<script type="module" src="${app}event-map.js"></script></body></html>`;
const PAGES: Record<string, string> = {
  '/lazy.html': page('<event-map id="m" loading="lazy" date="2025-05-24"></event-map>'),
  '/eager.html': page('<event-map id="m" date="2025-05-24"></event-map>'),
};

let browser: Browser;
let server: Server;
let host: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const html = PAGES[req.url ?? ''];
    if (html) res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  // "localhost" is another origin than the app's 127.0.0.1.
  host = `http://localhost:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
});

interface Session {
  ctx: BrowserContext;
  page: Page;
  requests: string[];
  errors: string[];
}

async function open(path: string): Promise<Session> {
  const ctx = await browser.newContext({ viewport: VIEW, reducedMotion: 'reduce' });
  const p = await ctx.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  ctx.on('request', (r) => requests.push(r.url()));
  p.on('pageerror', (e) => errors.push(e.message));
  await p.goto(`${host}${path}`);
  await p.evaluate(() => customElements.whenDefined('event-map'));
  return { ctx, page: p, requests, errors };
}

const appCode = (s: Session) => s.requests.filter((u) => APP_CODE.test(new URL(u).pathname));
const mapReady = (s: Session) => s.page.waitForSelector('#m .em-app[data-map-ready="true"]', { state: 'attached', timeout: 60_000 });
const height = (s: Session) => s.page.locator('#m').evaluate((el) => el.getBoundingClientRect().height);

describe('<event-map loading="lazy">', () => {
  it('far below the fold: only event-map.js (and its CSS) load; the placeholder keeps the map\'s height', async () => {
    const s = await open('/lazy.html');
    await s.page.waitForLoadState('networkidle');
    expect(s.requests.some((u) => u === `${app}event-map.js`)).toBe(true);
    await s.page.locator('#m .em-placeholder[role="status"]').filter({ hasText: 'Loading map…' }).waitFor({ state: 'attached', timeout: 60_000 });
    expect(appCode(s)).toEqual([]);
    expect(await s.page.locator('#m').evaluate((el) => el.getBoundingClientRect().top)).toBeGreaterThan(2 * VIEW.height);
    // Reserved: clamp(240px, 58vw, 540px) for the map + 178px under it = 718px at 1000px wide.
    expect(await height(s)).toBe(718);
    expect(await s.page.locator('#m').getByRole('status').textContent()).toBe('Loading map…');
    expect(s.errors).toEqual([]);
    await s.ctx.close();
  });

  it('starts within about one viewport of being visible, before it is on screen, then draws its map where the placeholder was', async () => {
    const s = await open('/lazy.html');
    await s.page.waitForLoadState('networkidle');
    const before = await height(s);
    // Calls made before the code has arrived are kept (and an invalid day refused at once).
    expect(await s.page.evaluate(() => (document.getElementById('m') as HTMLElement & { setDate(d: string): boolean }).setDate('2025-02-30'))).toBe(false);
    expect(await s.page.evaluate(() => (document.getElementById('m') as HTMLElement & { setDate(d: string): boolean }).setDate('2025-05-23'))).toBe(true);
    expect(appCode(s)).toEqual([]);
    // Scroll so the element's top is half a viewport below the visible area: inside the one-viewport margin.
    const started = s.page.waitForRequest((r) => /\/assets\/event-map-web-component-app-[\w-]+\.js$/.test(r.url()), { timeout: 60_000 });
    await s.page.evaluate((vh) => {
      const top = document.getElementById('m')!.getBoundingClientRect().top + scrollY;
      scrollTo(0, top - 1.5 * vh);
    }, VIEW.height);
    await started;
    const top = await s.page.locator('#m').evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThan(VIEW.height);
    await mapReady(s);
    await expect.poll(() => s.page.evaluate(() => (document.getElementById('m') as HTMLElement & { date: string | null }).date), { timeout: 30_000 }).toBe('2025-05-23');
    // The app's code, MapLibre (in a chunk of its own), its worker, the basemap and the data all came from event-map.js's origin.
    const code = appCode(s);
    expect(code.some((u) => /\/assets\/event-map-maplibre-[\w-]+\.js$/.test(u))).toBe(true);
    expect(code.some((u) => /maplibre-gl-worker/.test(u))).toBe(true);
    expect(code.some((u) => /\/data\/events\.geojson$/.test(u))).toBe(true);
    const foreign = s.requests.filter((u) => !/^(data|blob):/.test(u)).map((u) => new URL(u)).filter((u) => u.origin !== appOrigin && u.origin !== host);
    expect(foreign.map(String)).toEqual([]);
    // The article under the map did not jump when it arrived (no chrome switched on: map + slider).
    expect(Math.abs((await height(s)) - before)).toBeLessThanOrEqual(4);
    expect(s.errors).toEqual([]);
    await s.ctx.close();
  });

  it('switching the attribute to eager starts it without scrolling', async () => {
    const s = await open('/lazy.html');
    await s.page.waitForLoadState('networkidle');
    expect(appCode(s)).toEqual([]);
    await s.page.evaluate(() => document.getElementById('m')!.setAttribute('loading', 'eager'));
    await mapReady(s);
    expect(appCode(s).length).toBeGreaterThan(0);
    expect(await s.page.evaluate(() => scrollY)).toBe(0);
    await s.ctx.close();
  });
});

describe('<event-map> without loading (eager, the default)', () => {
  it('far below the fold, loads and draws its map at once', async () => {
    const s = await open('/eager.html');
    await mapReady(s);
    expect(await s.page.evaluate(() => scrollY)).toBe(0);
    expect(appCode(s).some((u) => /\/assets\/event-map-maplibre-[\w-]+\.js$/.test(u))).toBe(true);
    expect(s.errors).toEqual([]);
    await s.ctx.close();
  });
});
