// The crash screen inside a web component on a host page: "Try again" re-creates
// the map in its element; the article around it is not reloaded. The crash is
// real: WebGL is refused (getContext returns null) until the test allows it, so
// MapLibre's constructor throws inside the App's error boundary. The host page
// is served from a second loopback origin, as in embed-host.test.ts.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { launchBrowser } from './browser';

const base = inject('baseUrl');
const app = base.endsWith('/') ? base : `${base}/`;

let browser: Browser;
let server: Server;
let hostUrl: string;

const HOST = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article</title>
<link rel="stylesheet" href="${app}event-map.css"></head>
<body><h1>Article</h1><event-map id="w" date="2025-05-24" show="list"></event-map><p>After the map.</p>
<script type="module" src="${app}event-map.js"></script></body></html>`;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/host.html') res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(HOST);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  hostUrl = `http://localhost:${(server.address() as AddressInfo).port}/host.html`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
});

describe('a crashed web component', () => {
  it('offers "Try again", which re-creates the map without reloading the host page', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1000, height: 900 }, reducedMotion: 'reduce' });
    const page = await ctx.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __noGL: boolean };
      w.__noGL = true;
      const orig = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        if (w.__noGL && type.startsWith('webgl')) return null;
        return (orig as (...a: unknown[]) => unknown).call(this, type, ...rest);
      } as typeof orig;
    });
    let navigations = 0;
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame()) navigations++;
    });
    await page.goto(hostUrl);
    await page.evaluate(() => ((window as unknown as { __article: string }).__article = 'still here'));
    const crash = page.locator('#w [role="alert"]');
    await crash.filter({ hasText: 'The map stopped working.' }).waitFor({ timeout: 60_000 });
    expect(await page.locator('#w').getByRole('button', { name: 'Reload the page' }).count()).toBe(0);
    const before = await page.locator('#w .em-app').elementHandle();

    await page.evaluate(() => ((window as unknown as { __noGL: boolean }).__noGL = false));
    await page.locator('#w').getByRole('button', { name: 'Try again' }).click();
    await page.waitForSelector('#w .em-app[data-map-ready="true"]', { timeout: 60_000 });
    expect(await page.locator('#w [role="alert"]').count()).toBe(0);
    expect(await page.locator('#w ul[aria-label="Events on 24 May 2025"]').count()).toBe(1);
    // A new App in the same element, on the same page.
    expect(await before!.evaluate((el) => el.isConnected)).toBe(false);
    expect(await page.evaluate(() => (window as unknown as { __article?: string }).__article)).toBe('still here');
    expect(navigations).toBe(1);
    await ctx.close();
  });
});
