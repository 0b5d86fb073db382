// Events from another origin in the iframe embed. embed.html carries the app's
// Content-Security-Policy (connect-src 'self' plus EVENTMAP_CSP_ORIGINS), so:
// - the default build refuses a data URL on another origin, and says so inside
//   the embed (not an empty box);
// - a build that allows the data origin loads it over CORS;
// - a data server without CORS headers gives the error state too.
// The data server is a second loopback origin started here; the second build
// goes to a temp dir and is served by vite preview on a third.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { launchBrowser } from './browser';

const base = inject('baseUrl');
const root = resolve(import.meta.dirname, '../..');
const dataFile = existsSync(join(root, 'data/events.geojson')) ? join(root, 'data/events.geojson') : join(root, 'tests/fixtures/app/events.geojson');

let browser: Browser;
let dataServer: Server;
let dataOrigin: string;
let allowing: PreviewServer | undefined;
let allowingBase: string;
let outDir: string;
const requests: string[] = [];

beforeAll(async () => {
  const body = readFileSync(dataFile);
  dataServer = createServer((req, res) => {
    const cors = req.url?.startsWith('/cors/');
    if (!req.url?.endsWith('/events.geojson')) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'application/geo+json', ...(cors ? { 'Access-Control-Allow-Origin': '*' } : {}) });
    res.end(body);
  });
  await new Promise<void>((r) => dataServer.listen(0, '127.0.0.1', r));
  // "localhost" is another origin than the app's 127.0.0.1.
  dataOrigin = `http://localhost:${(dataServer.address() as AddressInfo).port}`;

  // A second build of the app that allows that origin, as a deployment would configure it.
  outDir = mkdtempSync(join(tmpdir(), 'event-map-cors-'));
  const before = process.env.EVENTMAP_CSP_ORIGINS;
  process.env.EVENTMAP_CSP_ORIGINS = dataOrigin;
  try {
    await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    if (before === undefined) delete process.env.EVENTMAP_CSP_ORIGINS;
    else process.env.EVENTMAP_CSP_ORIGINS = before;
  }
  allowing = await preview({ root, build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
  allowingBase = allowing.resolvedUrls!.local[0]!;
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await allowing?.close();
  await new Promise<void>((r) => (dataServer ? dataServer.close(() => r()) : r()));
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

async function openEmbed(appBase: string, data: string): Promise<{ page: Page; console: string[] }> {
  const ctx = await browser.newContext({ viewport: { width: 800, height: 700 }, reducedMotion: 'reduce' });
  ctx.on('request', (r) => requests.push(r.url()));
  const page = await ctx.newPage();
  const console: string[] = [];
  page.on('console', (m) => console.push(m.text()));
  await page.goto(`${new URL('embed.html', appBase).href}?date=2025-05-24&show=list&data=${encodeURIComponent(data)}`);
  return { page, console };
}

describe('iframe embed with events from another origin', () => {
  it('the default build refuses it (CSP) and shows the error inside the embed', async () => {
    const { page, console } = await openEmbed(base, `${dataOrigin}/cors/events.geojson`);
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.textContent()).toMatch(/cannot be shown/i);
    expect(await page.locator('#app').evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(150);
    // Refused by the policy, not by the data host (which does send CORS headers).
    expect(console.join('\n')).toMatch(/Content Security Policy/);
    await page.context().close();
  });

  it('a build that allows the origin loads the events over CORS', async () => {
    const { page } = await openEmbed(allowingBase, `${dataOrigin}/cors/events.geojson`);
    await page.locator('ul[aria-label="Events on 24 May 2025"]').waitFor({ state: 'attached', timeout: 60_000 });
    expect(await page.locator('ul[aria-label="Events on 24 May 2025"] li').count()).toBeGreaterThan(0);
    expect(requests).toContain(`${dataOrigin}/cors/events.geojson`);
    await page.context().close();
  });

  it('a data host without CORS headers gives the error state, not an empty box', async () => {
    const { page } = await openEmbed(allowingBase, `${dataOrigin}/plain/events.geojson`);
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.textContent()).toMatch(/cannot be shown/i);
    await page.context().close();
  });

  it('asked nothing of any host but the loopback ones', () => {
    const allowed = new Set([new URL(base).origin, new URL(allowingBase).origin, dataOrigin]);
    expect(requests.filter((u) => !/^(data|blob):/.test(u) && !allowed.has(new URL(u).origin))).toEqual([]);
  });
});
