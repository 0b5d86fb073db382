// The offline basemap in real Chromium: the style from src/map/basemap/style.ts
// over the files `npm run basemap` built in public/ (vector tiles z0–6, made by
// the e2e setup when missing), served from a sub-path by a loopback server of
// this test. Labels must render with the shipped font, and no request may leave
// the page's origin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { basemapPaint, basemapStyle, BASEMAP_LABEL_LAYERS } from '../../src/map/basemap/style';
import { TILES_STAMP, TILE_MAXZOOM } from '../../src/map/basemap/tiling';

const ROOT = resolve(import.meta.dirname, '../..');
const ARTIFACTS = join(ROOT, 'test-artifacts');
/** Served under a sub-path to prove no URL assumes the site root. */
const PREFIX = '/news/maps/';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.mjs': 'text/javascript',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.pbf': 'application/x-protobuf',
};

let server: Server;
let origin: string;
let browser: Browser;

function fileFor(path: string): string | undefined {
  const rel = normalize(path).replace(/^(\.\.[/\\])+/, '');
  if (rel === 'basemap.html') return join(ROOT, 'tests/e2e/pages/basemap.html');
  if (rel.startsWith('maplibre/')) return join(ROOT, 'node_modules/maplibre-gl/dist', rel.slice('maplibre/'.length));
  if (rel.startsWith('basemap/') || rel.startsWith('fonts/')) return join(ROOT, 'public', rel);
  return undefined;
}

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'public', TILES_STAMP))) {
    throw new Error('public/basemap/tiles is missing: run `npm run basemap`');
  }
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!url.pathname.startsWith(PREFIX)) {
      res.writeHead(404).end();
      return;
    }
    const path = decodeURIComponent(url.pathname.slice(PREFIX.length));
    const theme = /^style-(light|dark)\.json$/.exec(path)?.[1] as 'light' | 'dark' | undefined;
    if (theme) {
      const style = basemapStyle({ theme, baseUrl: `${origin}${PREFIX}basemap.html` });
      res.writeHead(200, { 'content-type': TYPES['.json']! }).end(JSON.stringify(style));
      return;
    }
    const file = fileFor(path);
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
  mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((ok) => server?.close(ok));
});

interface Rendered {
  requests: string[];
  failed: string[];
  page: Page;
}

async function render(
  theme: 'light' | 'dark',
  view: { lng: number; lat: number; zoom: number },
  viewport = { width: 1200, height: 800, deviceScaleFactor: 1 },
): Promise<Rendered> {
  const { deviceScaleFactor, ...size } = viewport;
  const context = await browser.newContext({ viewport: size, deviceScaleFactor });
  const page = await context.newPage();
  const requests: string[] = [];
  const failed: string[] = [];
  // Context-wide, so the map's web worker's fetches are recorded too.
  context.on('request', (r) => requests.push(r.url()));
  context.on('requestfailed', (r) => failed.push(r.url()));
  context.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  const q = new URLSearchParams({ theme, lng: String(view.lng), lat: String(view.lat), zoom: String(view.zoom) });
  await page.goto(`${origin}${PREFIX}basemap.html?${q}`);
  await page.waitForFunction(() => (window as unknown as { __mapIdle?: boolean }).__mapIdle === true, null, {
    timeout: 60_000,
  });
  return { requests, failed, page };
}

/** Names drawn by a label layer in the current view. */
async function labels(page: Page, layer: string): Promise<string[]> {
  return page.evaluate((id) => {
    const map = (window as unknown as { __map: { queryRenderedFeatures(o: object): { properties: { name: string } }[] } })
      .__map;
    return [...new Set(map.queryRenderedFeatures({ layers: [id] }).map((f) => f.properties.name))].sort();
  }, layer);
}

function expectSameOrigin(requests: string[]) {
  const outside = requests.filter((u) => !u.startsWith(`${origin}${PREFIX}`) && !/^(data|blob):/.test(u));
  expect(outside).toEqual([]);
}

describe('offline basemap in Chromium', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: the Ukraine region at zoom 5 shows countries, cities and the Black Sea, all from the origin`, async () => {
      const { page, requests, failed } = await render(theme, { lng: 32.5, lat: 48.3, zoom: 5 });
      try {
        expect(failed).toEqual([]);
        expectSameOrigin(requests);
        // The shipped font was used, not a system font.
        expect(requests.some((u) => /\/fonts\/noto-sans\/noto-sans-latin-600-normal\.woff2$/.test(u))).toBe(true);
        const countries = await labels(page, 'basemap-country-label');
        // Russia by a regional label point: its main label is in Siberia.
        expect(countries).toEqual(expect.arrayContaining(['Ukraine', 'Belarus', 'Poland', 'Romania', 'Russia']));
        const cities = await labels(page, 'basemap-city-label');
        expect(cities).toEqual(expect.arrayContaining(['Kyiv', 'Odesa', 'Kharkiv', 'Minsk']));
        expect(cities).not.toContain('Kiev');
        expect(await labels(page, 'basemap-marine-label')).toContain('Black Sea');
        const errors = await page.evaluate(() => (window as unknown as { __mapErrors?: string[] }).__mapErrors ?? []);
        expect(errors).toEqual([]);
        await page.screenshot({ path: join(ARTIFACTS, `basemap-${theme}-ukraine-z5.png`) });
      } finally {
        await page.context().close();
      }
    });

    it(`${theme}: the world view names the largest countries and no small towns`, async () => {
      const { page, requests } = await render(theme, { lng: 15, lat: 25, zoom: 1.6 });
      try {
        expectSameOrigin(requests);
        const countries = await labels(page, 'basemap-country-label');
        expect(countries).toEqual(expect.arrayContaining(['Russia', 'Canada', 'Brazil']));
        const cities = await labels(page, 'basemap-city-label');
        // Density: at world zoom at most a few dozen capitals (none below zoom 2), no small towns.
        expect(cities.length).toBeLessThan(60);
        expect(cities).not.toContain('Kupiansk');
        await page.screenshot({ path: join(ARTIFACTS, `basemap-${theme}-world.png`) });
      } finally {
        await page.context().close();
      }
    });
  }

  it('frontline region at zoom 7 shows the smaller Donbas and Kharkiv towns', async () => {
    const { page, requests } = await render('light', { lng: 37.2, lat: 48.9, zoom: 7 });
    try {
      expectSameOrigin(requests);
      const cities = await labels(page, 'basemap-city-label');
      expect(cities).toEqual(expect.arrayContaining(['Kharkiv', 'Kramatorsk', 'Sloviansk']));
      await page.screenshot({ path: join(ARTIFACTS, 'basemap-light-donbas-z7.png') });
    } finally {
      await page.context().close();
    }
  });

  it('labels follow their min zoom: the small Kharkiv-oblast towns appear only from zoom 7–8', async () => {
    const { page, failed } = await render('light', { lng: 37.5, lat: 49.6, zoom: 6.5 });
    try {
      expect(failed).toEqual([]);
      const cities = await labels(page, 'basemap-city-label');
      expect(cities).toContain('Kharkiv');
      // z 7 and z 8 towns: in the z6 tiles (overzoomed below) but filtered out at tile zoom 6.
      expect(cities).not.toContain('Izium');
      expect(cities).not.toContain('Kupiansk');
    } finally {
      await page.context().close();
    }
  });

  // Kupiansk, Chuhuiv (z 8) east of Kharkiv; Shebekino (z 7) in Russia, across the border from Vovchansk.
  for (const { zoom, lng, lat, cities: names } of [
    { zoom: 8.5, lng: 37.1, lat: 49.85, cities: ['Kupiansk', 'Chuhuiv'] },
    { zoom: 10, lng: 36.92, lat: 50.35, cities: ['Shebekino'] },
  ]) {
    it(`overzoomed to ${zoom} from the z${TILE_MAXZOOM} tiles: towns, borders, no deeper tile requested`, async () => {
      const { page, requests, failed } = await render('light', { lng, lat, zoom }, { width: 1000, height: 700, deviceScaleFactor: 1 });
      try {
        expect(failed).toEqual([]);
        expectSameOrigin(requests);
        const tiles = requests.map((u) => /\/basemap\/tiles\/(\d+)\/\d+\/\d+\.pbf$/.exec(u)?.[1]).filter((z) => z !== undefined).map(Number);
        expect(tiles.length).toBeGreaterThan(0);
        expect(Math.max(...tiles)).toBe(TILE_MAXZOOM);
        const cities = await labels(page, 'basemap-city-label');
        expect(cities).toEqual(expect.arrayContaining(names));
        const borders = await page.evaluate(() =>
          (window as unknown as { __map: { queryRenderedFeatures(o: object): unknown[] } }).__map.queryRenderedFeatures({ layers: ['basemap-border'] }).length,
        );
        expect(borders).toBeGreaterThan(0);
        await page.screenshot({ path: join(ARTIFACTS, `basemap-light-kharkiv-oblast-z${zoom}.png`) });
      } finally {
        await page.context().close();
      }
    });
  }

  it('a phone-sized, high-DPI viewport renders labels with the @2x sprite', async () => {
    const { page, requests } = await render('dark', { lng: 31.5, lat: 48.5, zoom: 4.2 }, { width: 390, height: 700, deviceScaleFactor: 2 });
    try {
      expectSameOrigin(requests);
      expect(requests.some((u) => u.endsWith('/basemap/sprite@2x.png'))).toBe(true);
      expect(await labels(page, 'basemap-city-label')).toContain('Kyiv');
      await page.screenshot({ path: join(ARTIFACTS, 'basemap-dark-phone.png') });
    } finally {
      await page.context().close();
    }
  });

  it('switches light → dark by paint properties alone, with no new request', async () => {
    const { page, requests } = await render('light', { lng: 32.5, lat: 48.3, zoom: 5 });
    try {
      const before = requests.length;
      const paint = basemapPaint('dark');
      await page.evaluate((entries) => {
        const w = window as unknown as { __mapIdle: boolean; __map: { setPaintProperty(id: string, k: string, v: unknown): void; once(e: string, f: () => void): void } };
        w.__mapIdle = false;
        for (const [id, key, value] of entries) w.__map.setPaintProperty(id, key, value);
        w.__map.once('idle', () => { w.__mapIdle = true; });
      }, paint);
      await page.waitForFunction(() => (window as unknown as { __mapIdle?: boolean }).__mapIdle === true);
      const water = await page.evaluate(() =>
        (window as unknown as { __map: { getPaintProperty(id: string, k: string): unknown } }).__map.getPaintProperty('basemap-water', 'background-color'),
      );
      expect(water).toBe(paint.find(([id]) => id === 'basemap-water')![2]);
      expect(requests.length).toBe(before);
      await page.screenshot({ path: join(ARTIFACTS, 'basemap-light-to-dark-ukraine-z5.png') });
    } finally {
      await page.context().close();
    }
  });

  it('every basemap layer of the style is one MapLibre accepted', async () => {
    const { page } = await render('light', { lng: 34, lat: 45.5, zoom: 6.5 });
    try {
      const ids = await page.evaluate(() =>
        (window as unknown as { __map: { getStyle(): { layers: { id: string }[] } } }).__map
          .getStyle()
          .layers.map((l) => l.id),
      );
      expect(ids).toEqual(expect.arrayContaining([...BASEMAP_LABEL_LAYERS]));
      // Crimea at zoom 6.5: Simferopol and Sevastopol are labelled, and no border crosses the isthmus.
      const cities = await labels(page, 'basemap-city-label');
      expect(cities).toEqual(expect.arrayContaining(['Simferopol', 'Sevastopol']));
      await page.screenshot({ path: join(ARTIFACTS, 'basemap-light-crimea-z6.png') });
    } finally {
      await page.context().close();
    }
  });
});
