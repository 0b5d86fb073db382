// The built dist/ as a static site: from a deep sub-path of a plain file
// server (no SPA fallback, no Vite), and with the hand-made fixture that has a
// background event years before the story (the slider's default domain).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { launchBrowser } from './browser';

const dist = inject('distDir');
const PREFIX = '/news/2025/maps/exchange/';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.pbf': 'application/x-protobuf',
};
const fixtureText = readFileSync(new URL('../fixtures/app/events.geojson', import.meta.url), 'utf8');

let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(PREFIX)) {
      res.writeHead(404).end('not here');
      return;
    }
    let file = normalize(join(dist, path.slice(PREFIX.length)));
    if (!file.startsWith(dist)) return void res.writeHead(403).end();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${addr.port}${PREFIX}`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

async function ready(page: Page) {
  await page.waitForSelector('.em-app[data-map-ready="true"]', { timeout: 60_000 });
}

describe('the static build', () => {
  it('works from a sub-path of a plain static server, every request under that path', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    const failed: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${base}#date=2025-05-24`);
    await ready(page);
    await page.getByRole('list', { name: 'Events on 24 May 2025' }).waitFor();
    expect(failed).toEqual([]);
    const outside = requests.filter((u) => !u.startsWith(base) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(outside).toEqual([]);
    await page.close();
  });

  it('opens on the story, not on years of background, and widens to all on request', async () => {
    const page = await browser.newPage();
    await page.route((u) => u.pathname.endsWith('/data/fixture.geojson'), (r) => r.fulfill({ status: 200, contentType: 'application/geo+json', body: fixtureText }));
    await page.goto(`${base}?data=./data/fixture.geojson`);
    await ready(page);
    const slider = page.getByRole('slider', { name: 'Date' });
    // Default: the latest day with reported events; the domain is the story's span, padded.
    expect(await slider.getAttribute('aria-valuetext')).toBe('24 May 2025');
    const span = async () => [Number(await slider.getAttribute('min')), Number(await slider.getAttribute('max'))];
    const [a, b] = await span();
    expect(b! - a!).toBeLessThan(20);
    await page.getByRole('button', { name: /^Show all dates \(from 1 February 2022\)/ }).click();
    const [a2, b2] = await span();
    expect(b2! - a2!).toBeGreaterThan(1000);
    expect(await page.evaluate(() => location.hash)).toContain('span=all');
    await slider.focus();
    await page.keyboard.press('Home');
    expect(await slider.getAttribute('aria-valuetext')).toBe('1 February 2022');
    const list = await page.getByRole('list', { name: 'Events on 1 February 2022' }).innerText();
    expect(list).toContain('Ukraine');
    expect(list).toMatch(/Background/i);
    await page.getByRole('button', { name: /^Zoom to the story/ }).click();
    expect(await slider.getAttribute('aria-valuetext')).toBe(`${new Date(a! * 864e5).getUTCDate()} May 2025`);
    await page.close();
  });

  it('follows a switch between light and dark', async () => {
    const page = await browser.newPage({ colorScheme: 'light' });
    await page.goto(`${base}#date=2025-05-24&view=30.5,50.4,5`);
    await ready(page);
    const bg = () =>
      page.evaluate(() => {
        const m = (document.querySelector('.map') as HTMLElement & { __maplibre: import('maplibre-gl').Map }).__maplibre;
        const layer = m.getStyle().layers.find((l) => l.type === 'background');
        return { color: JSON.stringify(layer && 'paint' in layer ? layer.paint : null), events: m.getStyle().layers.filter((l) => l.id.startsWith('em-d')).length };
      });
    const light = await bg();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction((c) => {
      const el = document.querySelector('.map') as (HTMLElement & { __maplibre?: import('maplibre-gl').Map }) | null;
      const m = el?.__maplibre;
      if (!m || !m.isStyleLoaded() || document.querySelector('.em-app')?.getAttribute('data-map-ready') !== 'true') return false;
      const layer = m.getStyle().layers.find((l) => l.type === 'background');
      return JSON.stringify(layer && 'paint' in layer ? layer.paint : null) !== c;
    }, light.color, { timeout: 30_000 });
    const dark = await bg();
    expect(dark.events).toBe(light.events);
    expect(dark.events).toBeGreaterThan(0);
    await page.close();
  });
});
