// The built files hosted at a deep sub-path (/maps/event-map/) of a site whose
// article (/news/2025/article.html) embeds them with relative URLs: the iframe
// page, the parent script, the web component, its worker, basemap, fonts and
// default data all resolve under the sub-path. The site is a loopback server
// that proxies /maps/event-map/* to the e2e build.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { launchBrowser } from './browser';

const base = inject('baseUrl');
const PREFIX = '/maps/event-map/';
const ARTICLE = '/news/2025/article.html';

let server: Server;
let site: string;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
const requests: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
  const html = readFileSync(new URL('./pages/host-subpath.html', import.meta.url), 'utf8');
  server = createServer(async (req, res) => {
    const url = req.url ?? '/';
    if (url === ARTICLE) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return void res.end(html);
    }
    if (url.startsWith(PREFIX)) {
      const r = await fetch(new URL(url.slice(PREFIX.length), base));
      res.writeHead(r.status, { 'Content-Type': r.headers.get('content-type') ?? 'application/octet-stream' });
      return void res.end(Buffer.from(await r.arrayBuffer()));
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
  ctx = await browser.newContext({ viewport: { width: 1000, height: 900 }, reducedMotion: 'reduce' });
  ctx.on('request', (r) => requests.push(r.url()));
  page = await ctx.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${site}${ARTICLE}`);
});

afterAll(async () => {
  await ctx?.close();
  await browser?.close();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
});

describe('embeds served from a deep sub-path', () => {
  it('the iframe shows its date and is sized to its content', async () => {
    const f = page.frameLocator('#f1');
    await f.locator('ul[aria-label="Events on 23 May 2025"]').waitFor({ state: 'attached', timeout: 60_000 });
    await expect.poll(async () => {
      const outer = await page.locator('#f1').evaluate((el) => el.getBoundingClientRect().height);
      const inner = await f.locator('#app').evaluate((el) => el.getBoundingClientRect().height);
      return outer !== 300 && Math.abs(outer - inner) <= 1;
    }, { timeout: 60_000 }).toBe(true);
  });

  it('the web component loads its default data, basemap and worker from next to itself, and draws the map', async () => {
    await page.locator('#w1 ul[aria-label="Events on 24 May 2025"]').waitFor({ state: 'attached', timeout: 60_000 });
    await page.waitForSelector('#w1 .em-app[data-map-ready="true"]', { state: 'attached', timeout: 60_000 });
    const paths = requests.map((u) => new URL(u)).filter((u) => u.origin === site).map((u) => u.pathname);
    expect(paths).toContain(`${PREFIX}data/events.geojson`);
    expect(paths.some((p) => p.startsWith(`${PREFIX}basemap/`))).toBe(true);
    expect(paths.some((p) => /^\/maps\/event-map\/assets\/maplibre-gl-worker-[\w-]+\.mjs$/.test(p))).toBe(true);
  });

  it('every request stays under the sub-path (or is the article itself), and nothing threw', () => {
    const outside = requests.filter((u) => !/^(data|blob):/.test(u)).map((u) => new URL(u)).filter((u) => u.origin !== site || !(u.pathname.startsWith(PREFIX) || u.pathname === ARTICLE));
    expect(outside.map(String)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
