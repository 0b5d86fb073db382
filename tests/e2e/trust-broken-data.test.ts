// Broken data files (tests/fixtures/broken-data) in the built app, in real
// Chromium, served from the page's own origin: bad features are counted and
// explained on screen, the good ones still show, the page stays usable; a file
// that is no data at all, a server error and a failed fetch each show an error
// message, never a blank page. Also a 50 MB file generated here.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';
import { mapIdle, openWatched, type Route } from '../fixtures/hostile/browser-harness';

const base = inject('baseUrl');
const DIR = fileURLToPath(new URL('../fixtures/broken-data/', import.meta.url));
const fixture = (f: string) => readFileSync(DIR + f);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const open = (route: Route | 'abort', hash = '') =>
  openWatched(browser, `${base}?data=./trust/data.geojson${hash}`, route === 'abort' ? { abort: ['/trust/data.geojson'] } : { routes: { '/trust/data.geojson': route } });

/** The slider still answers the keyboard: the page is usable. */
async function sliderWorks(page: Page) {
  const slider = page.getByRole('slider', { name: 'Date' });
  await slider.focus();
  await page.keyboard.press('Home');
  const first = await slider.getAttribute('aria-valuetext');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => slider.getAttribute('aria-valuetext')).not.toBe(first);
}

describe('broken data in the browser', () => {
  it('mixed.geojson: 43 bad features counted and explained, the 4 good ones shown, the page usable', async () => {
    const w = await open({ body: fixture('mixed.geojson') }, '#date=2025-05-24&span=all');
    await mapIdle(w.page);
    const skipped = w.page.locator('details.skipped');
    await expect.poll(() => skipped.locator('summary').innerText()).toMatch(/^43 events were left out/);
    await skipped.locator('summary').click();
    const reasons = skipped.locator('li');
    expect(await reasons.count()).toBe(43);
    const all = await skipped.innerText();
    for (const s of ['bad-date-feb-30', 'bad-coords-lat-95', 'bad-coords-lon-200', 'bad-category-unknown', 'duplicate id exchange-border-0523', 'not a real calendar day', 'latitude 95 outside'])
      expect(all).toContain(s);
    // The good events are on the map and in the list.
    const rendered = await w.page.evaluate(() => {
      const el = document.querySelector('.map') as HTMLElement & { __maplibre: import('maplibre-gl').Map };
      const src = el.__maplibre.getSource('em-events') as unknown as { serialize(): { data: { features: { id?: unknown; properties?: { id?: string } }[] } } };
      return src.serialize().data.features.map((f) => String(f.properties?.id ?? f.id));
    });
    expect(rendered.sort()).toEqual(['bg-invasion-2022', 'exchange-border-0523', 'exchange-returned-0524', 'talks-istanbul']);
    expect(await w.page.getByRole('list', { name: /^Events on 24 May 2025/ }).getByRole('button').count()).toBeGreaterThan(0);
    await sliderWorks(w.page);
    // The article with a javascript: link and a markup title (in `articles`) is inert too.
    const { pwned, violations } = await w.traps();
    expect(pwned).toEqual([]);
    expect(violations).toEqual([]);
    expect(w.errors).toEqual([]);
    await w.ctx.close();
  });

  it.each([
    ['truncated.geojson', /not valid JSON/i],
    ['array-root.geojson', /not a GeoJSON FeatureCollection/i],
    ['single-feature.geojson', /not a GeoJSON FeatureCollection/i],
    ['features-object.geojson', /not a GeoJSON FeatureCollection/i],
    ['null.geojson', /not a GeoJSON FeatureCollection/i],
    ['empty.geojson', /no events/i],
    ['bom-empty.geojson', /no events|not valid JSON/i],
    ['html-page.geojson', /could not load|not valid JSON/i],
  ])('%s: an error message on screen, not a blank page', async (file, message) => {
    const w = await open({ body: fixture(file), contentType: 'application/geo+json' });
    const alert = w.page.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.innerText()).toMatch(message);
    expect((await w.page.locator('body').innerText()).trim().length).toBeGreaterThan(20);
    expect((await w.traps()).pwned).toEqual([]); // html-page.geojson holds a script: it is data, never run
    expect(w.errors).toEqual([]);
    await w.ctx.close();
  });

  it.each([
    ['a server error', { body: 'oops', status: 500, contentType: 'text/plain' } as Route, /could not load the events \(500/i],
    ['a missing file', { body: 'not found', status: 404, contentType: 'text/plain' } as Route, /could not load the events \(404/i],
    ['a failed connection', 'abort' as const, /could not load the events/i],
  ])('%s: an error message on screen', async (_name, route, message) => {
    const w = await open(route);
    const alert = w.page.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.innerText()).toMatch(message);
    expect(w.errors).toEqual([]);
    await w.ctx.close();
  });

  it('a 50 MB file: loads, counts its bad features, and the page stays usable', async () => {
    const good = JSON.parse(fixture('mixed.geojson').toString('utf8')).features[1];
    const parts: string[] = [];
    let size = 0;
    let bad = 0;
    for (let n = 0; size < 50 * 1024 * 1024; n++) {
      const f = structuredClone(good);
      f.id = f.properties.id = `big-${n}`;
      // Spread over a month and a region, one in a hundred broken.
      f.properties.date = `2025-05-${String(1 + (n % 28)).padStart(2, '0')}`;
      f.geometry = { type: 'Point', coordinates: [22 + (n % 1000) / 50, 45 + (n % 700) / 70] };
      if (n % 100 === 99) {
        f.geometry.coordinates = [30, 95];
        bad++;
      }
      f.properties.quote = `${n} `.padEnd(600, 'word ');
      const s = JSON.stringify(f);
      parts.push(s);
      size += s.length + 1;
    }
    const body = `{"type":"FeatureCollection","features":[${parts.join(',')}],"articles":[]}`;
    expect(body.length).toBeGreaterThanOrEqual(50 * 1024 * 1024);
    const t0 = Date.now();
    const w = await open({ body }, '#date=2025-05-10');
    await mapIdle(w.page, 110_000);
    const ms = Date.now() - t0;
    const skipped = w.page.locator('details.skipped summary');
    expect(await skipped.innerText()).toMatch(new RegExp(`^${bad.toLocaleString('en-US').replace(/,/g, ',?')} events were left out`));
    await sliderWorks(w.page);
    expect(w.errors).toEqual([]);
    console.info(`50 MB: ${parts.length} features, ${bad} bad, ready in ${ms} ms`);
    await w.ctx.close();
  }, 180_000);
});
