// The embeds on a newsroom-like host page, in real Chromium. The built app is
// served by the e2e setup on http://127.0.0.1:<port>; this test serves the host
// page (tests/e2e/pages/host.html) from a second loopback origin,
// http://localhost:<other port>, so iframes, the parent script, the web
// component and its data are all cross-origin, as on a real news site.
// Two iframes and two web components open at four different dates; a fifth
// component points at a missing file. Nothing is mocked or routed.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { launchBrowser } from './browser';

const base = inject('baseUrl');
const appOrigin = new URL(base).origin;
const HOST_PAGE = new URL('./pages/host.html', import.meta.url).pathname;
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let browser: Browser;
let server: Server;
let hostUrl: string;
let ctx: BrowserContext;
let page: Page;
const requests: string[] = [];
const pageErrors: string[] = [];

function human(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${d} ${months[m - 1]} ${y}`;
}

beforeAll(async () => {
  const html = readFileSync(HOST_PAGE, 'utf8').replaceAll('__BASE__', base.endsWith('/') ? base : `${base}/`);
  server = createServer((req, res) => {
    if (req.url === '/host.html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(html);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  // Same machine, another origin: "localhost" is not "127.0.0.1".
  hostUrl = `http://localhost:${(server.address() as AddressInfo).port}/host.html`;
  browser = await launchBrowser();
  // No reduced-motion preference here: one component autoplays (under 'reduce' it must not; see src/embed/app-props.test.ts).
  ctx = await browser.newContext({ viewport: { width: 1200, height: 900 }, colorScheme: 'light', reducedMotion: 'no-preference' });
  ctx.on('request', (r) => requests.push(r.url()));
  page = await ctx.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(hostUrl);
});

afterAll(async () => {
  await ctx?.close();
  await browser?.close();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
});

async function frameOf(id: string): Promise<Frame> {
  // Until the iframe has started loading embed.html its frame is about:blank: ask again.
  for (let i = 0; i < 600; i++) {
    const f = await (await page.locator(`#${id}`).elementHandle())?.contentFrame();
    if (f && !f.isDetached() && f.url().includes('/embed.html')) return f;
    await page.waitForTimeout(100);
  }
  throw new Error(`no frame for #${id}`);
}

function listIn(scope: Page | Frame, iso: string, within = '') {
  return scope.locator(`${within} ul[aria-label="Events on ${human(iso)}"]`);
}

async function heard(): Promise<{ from: string; type: string; data: Record<string, unknown> }[]> {
  return page.evaluate(() => (window as unknown as { __heard: never[] }).__heard);
}

async function waitHeard(pred: (h: { from: string; type: string; data: Record<string, unknown> }) => boolean, what: string) {
  await expect.poll(async () => (await heard()).some(pred), { timeout: 60_000, message: what }).toBe(true);
}

/** The iframe's height on the host page and its content's height inside. */
async function heights(id: string): Promise<{ outer: number; inner: number }> {
  const outer = await page.locator(`#${id}`).evaluate((el) => el.getBoundingClientRect().height);
  const f = await frameOf(id);
  const inner = await f.evaluate(() => document.getElementById('app')!.getBoundingClientRect().height);
  return { outer, inner };
}

describe('embeds on a host page from another origin', () => {
  it('each iframe and each web component shows its own date', async () => {
    const f1 = await frameOf('f1');
    const f2 = await frameOf('f2');
    await listIn(f1, '2025-05-24').waitFor({ state: 'attached', timeout: 60_000 });
    await listIn(f2, '2025-05-23').waitFor({ state: 'attached', timeout: 60_000 });
    await listIn(page, '2025-05-16', '#w1').waitFor({ state: 'attached', timeout: 60_000 });
    await listIn(page, '2025-05-25', '#w2').waitFor({ state: 'attached', timeout: 60_000 });
    // The slider says the same, for each embed separately.
    expect(await f1.getByRole('slider', { name: 'Date' }).getAttribute('aria-valuetext')).toBe(human('2025-05-24'));
    expect(await f2.getByRole('slider', { name: 'Date' }).getAttribute('aria-valuetext')).toBe(human('2025-05-23'));
    expect(await page.locator('#w1').getByRole('slider', { name: 'Date' }).getAttribute('aria-valuetext')).toBe(human('2025-05-16'));
    expect(await page.locator('#w2').getByRole('slider', { name: 'Date' }).getAttribute('aria-valuetext')).toBe(human('2025-05-25'));
    // Chrome switched by parameters: a title only where asked for, a legend only in f2.
    expect(await page.locator('#w2 .headline').textContent()).toBe('Talks in Istanbul');
    expect(await page.locator('#w1 .headline').count()).toBe(0);
    expect(await f2.locator('section.legend').count()).toBe(1);
    expect(await f1.locator('section.legend').count()).toBe(0);
    expect(await f1.locator('.masthead').count()).toBe(0);
  });

  it('web components on one page: no id twice, each list named by its own heading', async () => {
    const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(await page.locator('#w1').getByRole('region', { name: `Events on ${human('2025-05-16')}` }).count()).toBe(1);
    expect(await page.locator('#w2').getByRole('region', { name: `Events on ${human('2025-05-25')}` }).count()).toBe(1);
  });

  it('the maps render in every embed, with MapLibre controls styled inside the web components', async () => {
    // Chromium does not render cross-origin frames that are scrolled away: bring each into view.
    for (const id of ['f1', 'f2']) {
      await page.locator(`#${id}`).scrollIntoViewIfNeeded();
      const f = await frameOf(id);
      await f.waitForSelector('.em-app[data-map-ready="true"]', { state: 'attached', timeout: 60_000 });
      expect(await f.locator('canvas.maplibregl-canvas').evaluate((c) => c.getBoundingClientRect().height)).toBeGreaterThan(200);
    }
    for (const id of ['w1', 'w2']) {
      await page.locator(`#${id}`).scrollIntoViewIfNeeded();
      await page.waitForSelector(`#${id} .em-app[data-map-ready="true"]`, { state: 'attached', timeout: 60_000 });
      // maplibre-gl.css is in event-map.css: the canvas container is positioned, the zoom buttons sized.
      const ctl = await page.locator(`#${id} .maplibregl-ctrl-zoom-in`).evaluate((b) => {
        const s = getComputedStyle(b);
        return { w: b.getBoundingClientRect().width, bg: s.backgroundImage !== 'none' || s.getPropertyValue('--ml-ctrl-zoom-in') !== '' };
      });
      expect(ctl.w).toBeGreaterThan(20);
      const canvas = await page.locator(`#${id} canvas.maplibregl-canvas`).evaluate((c) => ({ w: c.getBoundingClientRect().width, h: c.getBoundingClientRect().height }));
      expect(canvas.w).toBeGreaterThan(300);
      expect(canvas.h).toBeGreaterThan(200);
    }
  });

  it('iframe heights follow their content, separately, and change with the width', async () => {
    await expect.poll(async () => {
      const h = await heights('f1');
      return Math.abs(h.outer - h.inner) <= 1 && h.outer !== 300;
    }, { timeout: 60_000, message: 'f1 sized to its content' }).toBe(true);
    await expect.poll(async () => {
      const h = await heights('f2');
      return Math.abs(h.outer - h.inner) <= 1 && h.outer !== 300;
    }, { timeout: 60_000, message: 'f2 sized to its content' }).toBe(true);
    const wide1 = (await heights('f1')).outer;
    const wide2 = (await heights('f2')).outer;
    // Different content (13 events on 24 May against one on 23 May, a legend in f2): different heights.
    expect(wide1).not.toBe(wide2);

    await page.evaluate(() => document.getElementById('column')!.classList.add('narrow'));
    await expect.poll(async () => {
      const h = await heights('f1');
      return Math.abs(h.outer - h.inner) <= 1 && h.outer !== wide1;
    }, { timeout: 60_000, message: 'f1 resized after the column narrowed' }).toBe(true);
    await expect.poll(async () => {
      const h = await heights('f2');
      return Math.abs(h.outer - h.inner) <= 1 && h.outer !== wide2;
    }, { timeout: 60_000, message: 'f2 resized after the column narrowed' }).toBe(true);
    await page.evaluate(() => document.getElementById('column')!.classList.remove('narrow'));
    await expect.poll(async () => (await heights('f1')).outer, { timeout: 60_000 }).toBe(wide1);
  });

  it('iframes announce ready and their date; the parent script re-dispatches them on the iframe', async () => {
    await waitHeard((h) => h.from === 'f1' && h.type === 'eventmap:ready' && h.data.date === '2025-05-24', 'ready from f1');
    await waitHeard((h) => h.from === 'f1' && h.type === 'eventmap:dateChanged' && h.data.date === '2025-05-24', 'dateChanged from f1');
    // The parent script named f1 (its URL has no childId) by postMessage, and f1's ready carries that id,
    // whenever parent.js ran: before f1 loaded, while it loaded, or after it was ready.
    await waitHeard((h) => h.from === 'f1' && h.type === 'dom:eventmap:ready' && /^event-map-\d+$/.test(String(h.data.embedId)), 'ready from f1 re-dispatched under its id');
    const childId = (await heard()).find((h) => h.from === 'f1' && h.type === 'dom:eventmap:ready' && /^event-map-\d+$/.test(String(h.data.embedId)))!.data.embedId;
    await waitHeard((h) => h.from === 'f1' && h.type === 'eventmap:ready' && h.data.embedId === childId, 'ready from f1 with its childId');
    // The page was told once that f1 is ready under that id, however often the parent asked.
    expect((await heard()).filter((h) => h.from === 'f1' && h.type === 'dom:eventmap:ready' && h.data.embedId === childId)).toHaveLength(1);
    // Named without a reload: the iframe keeps the URL the page gave it and loaded it once.
    expect(await page.locator('#f1').getAttribute('src')).toBe(`${base.endsWith('/') ? base : `${base}/`}embed.html?date=2025-05-24&show=list`);
    expect(requests.filter((u) => u.includes('/embed.html?date=2025-05-24'))).toHaveLength(1);
    // f2's URL came with a childId (as the Embed dialog writes it): left alone, not reloaded.
    expect(await page.locator('#f2').getAttribute('src')).toMatch(/&childId=em-second$/);
    // f2 allows only another origin: it posts nothing to this page.
    expect((await heard()).filter((h) => h.from === 'f2')).toEqual([]);
    // Web components: DOM events.
    await waitHeard((h) => h.from === 'w1' && h.type === 'ready' && h.data.date === '2025-05-16', 'ready from w1');
    await waitHeard((h) => h.from === 'w2' && h.type === 'ready' && h.data.date === '2025-05-25', 'ready from w2');
  });

  it('commands work: setDate moves f1, f2 ignores a page its allow-list does not name, wrong shapes are ignored', async () => {
    const before = (await heights('f1')).outer;
    await page.evaluate(() => {
      const w = (id: string) => (document.getElementById(id) as HTMLIFrameElement).contentWindow!;
      w('f1').postMessage({ type: 'eventmap:setDate', date: 'not-a-date' }, '*');
      w('f1').postMessage('pymxPYMxevent-map-1xPYMxsetDatexPYMx2025-05-16', '*');
      w('f1').postMessage({ type: 'eventmap:setDate', date: '2025-05-25' }, '*');
      w('f2').postMessage({ type: 'eventmap:setDate', date: '2025-05-25' }, '*');
    });
    const f1 = await frameOf('f1');
    await listIn(f1, '2025-05-25').waitFor({ state: 'attached', timeout: 60_000 });
    await waitHeard((h) => h.from === 'f1' && h.type === 'eventmap:dateChanged' && h.data.date === '2025-05-25', 'dateChanged 2025-05-25 from f1');
    // One event on 25 May instead of thirteen: the iframe shrinks with its content, even scrolled out of view.
    await expect.poll(async () => {
      const h = await heights('f1');
      return Math.abs(h.outer - h.inner) <= 1 && h.outer < before;
    }, { timeout: 60_000, message: 'f1 shrank after setDate' }).toBe(true);
    // Only the valid command moved it: no stop at 16 May on the way.
    const f1Dates = (await heard()).filter((h) => h.from === 'f1' && h.type === 'eventmap:dateChanged').map((h) => h.data.date);
    expect(f1Dates).not.toContain('2025-05-16');
    expect(f1Dates.at(-1)).toBe('2025-05-25');
    expect(new Set(f1Dates)).toEqual(new Set(['2025-05-24', '2025-05-25']));
    const f2 = await frameOf('f2');
    await page.waitForTimeout(500);
    expect(await listIn(f2, '2025-05-23').count()).toBe(1);

    // play / pause reach the clock.
    await page.evaluate(() => (document.getElementById('f1') as HTMLIFrameElement).contentWindow!.postMessage({ type: 'eventmap:setDate', date: '2025-05-16' }, '*'));
    await listIn(f1, '2025-05-16').waitFor({ state: 'attached', timeout: 60_000 });
    await page.evaluate(() => (document.getElementById('f1') as HTMLIFrameElement).contentWindow!.postMessage({ type: 'eventmap:play' }, '*'));
    await waitHeard((h) => h.from === 'f1' && h.type === 'eventmap:playing' && h.data.playing === true, 'playing from f1');
    await page.evaluate(() => (document.getElementById('f1') as HTMLIFrameElement).contentWindow!.postMessage({ type: 'eventmap:pause' }, '*'));
    await waitHeard((h) => h.from === 'f1' && h.type === 'eventmap:playing' && h.data.playing === false, 'paused f1');
  });

  it('web components: methods, the date attribute, and events', async () => {
    await page.evaluate(() => (document.getElementById('w1') as HTMLElement & { setDate(d: string): boolean }).setDate('2025-05-24'));
    await listIn(page, '2025-05-24', '#w1').waitFor({ state: 'attached', timeout: 60_000 });
    await waitHeard((h) => h.from === 'w1' && h.type === 'datechanged' && h.data.date === '2025-05-24', 'datechanged from w1');
    await page.evaluate(() => document.getElementById('w2')!.setAttribute('date', '2025-05-23'));
    await listIn(page, '2025-05-23', '#w2').waitFor({ state: 'attached', timeout: 60_000 });
    expect(await page.evaluate(() => (document.getElementById('w2') as HTMLElement & { date: string }).date)).toBe('2025-05-23');
    // The other component did not move.
    expect(await listIn(page, '2025-05-24', '#w1').count()).toBe(1);
    // A component made by script and commanded at once: the call waits for its data.
    const accepted = await page.evaluate(() => {
      const el = document.createElement('event-map') as HTMLElement & { setDate(d: string): boolean };
      el.id = 'w4';
      el.setAttribute('show', 'list');
      document.getElementById('column')!.append(el);
      return el.setDate('2025-05-23');
    });
    expect(accepted).toBe(true);
    await listIn(page, '2025-05-23', '#w4').waitFor({ state: 'attached', timeout: 60_000 });
    await page.evaluate(() => document.getElementById('w4')!.remove());
    // Selecting an event through the API opens its panel and says so.
    const id = await page.evaluate(async () => {
      const r = await fetch(new URL('data/events.geojson', (document.querySelector('script[type=module]') as HTMLScriptElement).src));
      const c = (await r.json()) as { features: { id: string; properties: { date: string } }[] };
      return c.features.find((f) => f.properties.date === '2025-05-24')!.id;
    });
    await page.evaluate((eid) => (document.getElementById('w1') as HTMLElement & { selectEvent(id: string): boolean }).selectEvent(eid), id);
    await waitHeard((h) => h.from === 'w1' && h.type === 'eventselected' && h.data.id === id, 'eventselected from w1');
  });

  it('a data URL that fails gives an error inside the embed, not an empty box', async () => {
    const alert = page.locator('#bad [role="alert"]');
    await alert.waitFor({ state: 'attached', timeout: 60_000 });
    expect(await alert.textContent()).toMatch(/cannot be shown/i);
    const box = await page.locator('#bad').evaluate((el) => el.getBoundingClientRect().height);
    expect(box).toBeGreaterThan(150);
    await waitHeard((h) => h.from === 'bad' && h.type === 'error', 'error event from #bad');
  });

  it('autoplay, loop, speed and a forced dark theme', async () => {
    // speed 8 over the story's days: the clock reaches the last day and starts again.
    await waitHeard((h) => h.from === 'w3' && h.type === 'playing' && h.data.playing === true, 'w3 plays on load');
    const dates = async () => (await heard()).filter((h) => h.from === 'w3' && h.type === 'datechanged').map((h) => String(h.data.date));
    await expect.poll(async () => {
      const d = await dates();
      const last = d.reduce((m, x) => (x > m ? x : m), '');
      const i = d.indexOf(last);
      return i >= 0 && d.slice(i + 1).some((x) => x < last);
    }, { timeout: 60_000, message: 'w3 looped back after its last day' }).toBe(true);
    const bg = await page.locator('#w3 .em-app').evaluate((el) => [el.getAttribute('data-theme'), getComputedStyle(el).backgroundColor]);
    expect(bg).toEqual(['dark', 'rgb(21, 25, 28)']);
    expect(await page.locator('#w1 .em-app').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)');
    // A map that plays by itself shows its pause button even though show= did not ask for controls.
    await page.locator('#w3').getByRole('button', { name: 'Pause' }).click();
    await waitHeard((h) => h.from === 'w3' && h.type === 'playing' && h.data.playing === false, 'w3 paused by its button');
    expect(await page.locator('#w1').getByRole('button', { name: /^(Play|Pause)$/ }).count()).toBe(0);
  });

  it('the Embed button of the full app gives code that opens the same state', async () => {
    const app = await ctx.newPage();
    app.on('pageerror', (e) => pageErrors.push(e.message));
    await app.goto(`${base}#date=2025-05-25&mode=cumulative&cats=prisoner-exchange,talks`);
    await app.getByRole('button', { name: 'Embed' }).click();
    const iframeCode = await app.getByRole('textbox', { name: /^Iframe/ }).inputValue();
    const componentCode = await app.getByRole('textbox', { name: /^Web component/ }).inputValue();
    expect(componentCode).toContain('date="2025-05-25" mode="cumulative" categories="prisoner-exchange,talks"');
    const src = /<iframe[^>]* src="([^"]+)"/.exec(iframeCode)![1]!.replaceAll('&amp;', '&');
    expect(new URL(src).searchParams.get('date')).toBe('2025-05-25');
    await app.getByRole('button', { name: 'Close' }).click();
    // The printed iframe URL opens the embed at that state.
    await app.goto(src);
    await expect.poll(() => app.getByRole('slider', { name: 'Date' }).getAttribute('aria-valuetext'), { timeout: 60_000 }).toBe(human('2025-05-25'));
    expect(await app.locator('.em-app.embedded').count()).toBe(1);
    await app.close();
  });

  it('the Embed dialog and an embed page have no serious or critical axe-core violations', async () => {
    // axe is injected as a script, which the app's CSP rightly blocks: this context bypasses it.
    const axeCtx = await browser.newContext({ viewport: { width: 1200, height: 900 }, bypassCSP: true, reducedMotion: 'reduce' });
    axeCtx.on('request', (r) => requests.push(r.url()));
    try {
      const run = async (p: Page) => {
        await p.addScriptTag({ path: axePath });
        return p.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
          const r = await axe.run(document, { resultTypes: ['violations'] });
          return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        });
      };
      const app = await axeCtx.newPage();
      await app.goto(`${base}#date=2025-05-24`);
      await app.getByRole('button', { name: 'Embed' }).click();
      await app.getByRole('textbox', { name: /^Iframe/ }).waitFor();
      expect(await run(app)).toEqual([]);
      const embed = await axeCtx.newPage();
      await embed.goto(`${new URL('embed.html', base).href}?date=2025-05-24&show=title,legend,list,controls`);
      await embed.waitForSelector('.em-app[data-map-ready="true"]', { state: 'attached', timeout: 60_000 });
      expect(await run(embed)).toEqual([]);
    } finally {
      await axeCtx.close();
    }
  });

  it('nothing leaves the two loopback origins, and nothing threw', () => {
    const hostOrigin = new URL(hostUrl).origin;
    const outside = requests.filter((u) => !/^(data|blob):/.test(u) && ![appOrigin, hostOrigin].includes(new URL(u).origin));
    expect(outside).toEqual([]);
    expect(requests.some((u) => u.startsWith(`${appOrigin}/`) && u.includes('/basemap/'))).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
