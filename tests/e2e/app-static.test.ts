// The built dist/ as a static site: from a deep sub-path of a plain file
// server (no SPA fallback, no Vite), and with the hand-made fixture that has a
// background event years before the story (the slider's default domain).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { launchBrowser } from './browser';
import { serveStatic, type StaticServer } from '../../scripts/bench/server';

const dist = inject('distDir');
const PREFIX = '/news/2025/maps/exchange/';
const fixtureText = readFileSync(new URL('../fixtures/app/events.geojson', import.meta.url), 'utf8');

let server: StaticServer;
let base: string;
let browser: Browser;

beforeAll(async () => {
  // The bench's plain file server: only PREFIX is served (from dist/), anything else is a 404.
  server = await serveStatic({ [PREFIX]: dist });
  base = new URL(PREFIX, server.url).href;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
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
