// The built app in real Chromium (MapLibre on SwiftShader WebGL), against the
// data the project builds. No mocks of MapLibre; the only routed request is a
// deliberately hostile data file in the last test.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launchBrowser } from './browser';
import { hoverTooltip, screenPoint } from './map-helpers';

const base = inject('baseUrl');
const origin = new URL(base).origin;
const ARTIFACTS = new URL('../../test-artifacts/', import.meta.url).pathname;
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

interface Session {
  ctx: BrowserContext;
  page: Page;
  requests: string[];
  errors: string[];
}

async function open(hash = '', opts: { width?: number; height?: number; query?: string; colorScheme?: 'light' | 'dark'; bypassCSP?: boolean } = {}): Promise<Session> {
  const ctx = await browser.newContext({
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 },
    colorScheme: opts.colorScheme ?? 'light',
    reducedMotion: 'reduce',
    // Only the axe test sets this: its script is injected inline, which the page's CSP rightly blocks.
    bypassCSP: opts.bypassCSP ?? false,
  });
  const page = await ctx.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}${opts.query ?? ''}${hash}`);
  return { ctx, page, requests, errors };
}

/** Waits until the map has loaded its style, the event layers are in, and it is idle. */
async function mapIdle(page: Page): Promise<void> {
  await page.waitForSelector('.em-app[data-map-ready="true"]', { timeout: 60_000 });
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const el = document.querySelector('.map') as (HTMLElement & { __maplibre?: import('maplibre-gl').Map }) | null;
        const m = el?.__maplibre;
        if (!m) return resolve();
        const done = () => (m.loaded() && !m.isMoving() ? resolve() : m.once('idle', () => resolve()));
        done();
      }),
  );
}

function eventList(page: Page, date: string) {
  return page.getByRole('list', { name: new RegExp(`^Events on ${date}`) });
}

async function close(s: Session) {
  await s.ctx.close();
}

describe('the event map in Chromium', () => {
  it('loads the map: a WebGL canvas, the style, the event layers, idle', async () => {
    const s = await open('#date=2025-05-24');
    await mapIdle(s.page);
    const info = await s.page.evaluate(() => {
      const el = document.querySelector('.map') as HTMLElement & { __maplibre: import('maplibre-gl').Map };
      const m = el.__maplibre;
      const canvas = m.getCanvas();
      return {
        w: canvas.width,
        h: canvas.height,
        webgl: !!(canvas.getContext('webgl2') ?? canvas.getContext('webgl')),
        layers: m.getStyle().layers.map((l) => l.id),
        sources: Object.keys(m.getStyle().sources),
      };
    });
    expect(info.w).toBeGreaterThan(300);
    expect(info.h).toBeGreaterThan(200);
    expect(info.webgl).toBe(true);
    expect(await s.page.locator('.map').getAttribute('data-renderer')).toBe('day-layers');
    expect(info.sources).toContain('em-events');
    expect(info.layers.some((l) => l.startsWith('em-d'))).toBe(true);
    expect(s.errors).toEqual([]);
    // The built page carries a Content-Security-Policy and the map runs under it.
    expect(await s.page.locator('meta[http-equiv="Content-Security-Policy"]').count()).toBe(1);
    await close(s);
  });

  it('lists Istanbul and not Kyiv on 16 May 2025', async () => {
    const s = await open('#date=2025-05-16');
    const list = eventList(s.page, '16 May 2025');
    await expect(list.waitFor({ timeout: 30_000 })).resolves.toBeUndefined();
    const text = await list.innerText();
    expect(text).toMatch(/Istanbul|İstanbul/);
    expect(text).not.toMatch(/Kyiv|Kiev/);
    await close(s);
  });

  it('lists Kyiv, Odesa and Kupyansk on 24 May 2025', async () => {
    const s = await open('#date=2025-05-24');
    const list = eventList(s.page, '24 May 2025');
    await list.waitFor({ timeout: 30_000 });
    const text = await list.innerText();
    expect(text).toContain('Kyiv');
    expect(text).toContain('Odesa');
    expect(text).toMatch(/Kupyansk|Kupiansk/);
    await close(s);
  });

  it('plays: the date advances and the hash follows', async () => {
    const s = await open('#date=2025-05-16');
    await mapIdle(s.page);
    const slider = s.page.getByRole('slider', { name: 'Date' });
    expect(await slider.getAttribute('aria-valuetext')).toBe('16 May 2025');
    const historyBefore = await s.page.evaluate(() => history.length);
    await s.page.getByRole('button', { name: 'Play' }).click();
    await s.page.waitForFunction(() => document.querySelector('input[type=range]')?.getAttribute('aria-valuetext') !== '16 May 2025', null, { timeout: 10_000 });
    await s.page.waitForTimeout(600);
    await s.page.getByRole('button', { name: 'Pause' }).click();
    const after = await slider.getAttribute('aria-valuetext');
    expect(after).not.toBe('16 May 2025');
    const iso = await s.page.evaluate(() => location.hash);
    expect(iso).toMatch(/date=2025-05-(1[7-9]|2\d)/);
    // Playing replaces the history entry instead of piling one up per day.
    expect(await s.page.evaluate(() => history.length)).toBe(historyBefore);
    await close(s);
  });

  it('moves the slider with the keyboard, and changing the date never re-tiles', async () => {
    const s = await open('#date=2025-05-20');
    await mapIdle(s.page);
    // Spy on the real map: anything that would send tiles back to the worker.
    await s.page.evaluate(() => {
      const m = (document.querySelector('.map') as HTMLElement & { __maplibre: import('maplibre-gl').Map }).__maplibre;
      const w = window as unknown as { __calls: Record<string, number>; __spied: unknown };
      w.__spied = m;
      w.__calls = { setFilter: 0, setLayoutProperty: 0, setData: 0, setGlobalStateProperty: 0, sourceLoads: 0, setPaintProperty: 0 };
      for (const name of ['setFilter', 'setLayoutProperty', 'setGlobalStateProperty', 'setPaintProperty'] as const) {
        const orig = (m as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!.bind(m);
        (m as unknown as Record<string, unknown>)[name] = (...a: unknown[]) => {
          w.__calls[name]!++;
          return orig(...a);
        };
      }
      const src = m.getSource('em-events') as unknown as { setData: (...a: unknown[]) => unknown };
      const origSet = src.setData.bind(src);
      src.setData = (...a: unknown[]) => {
        w.__calls.setData!++;
        return origSet(...a);
      };
      m.on('sourcedataloading', (e: { sourceId?: string }) => {
        if (e.sourceId === 'em-events') w.__calls.sourceLoads!++;
      });
    });
    const slider = s.page.getByRole('slider', { name: 'Date' });
    await slider.focus();
    const vt = () => slider.getAttribute('aria-valuetext');
    await s.page.keyboard.press('ArrowRight');
    expect(await vt()).toBe('21 May 2025');
    await s.page.keyboard.press('ArrowLeft');
    await s.page.keyboard.press('ArrowLeft');
    expect(await vt()).toBe('19 May 2025');
    await s.page.keyboard.press('PageUp');
    expect(await vt()).toBe('26 May 2025');
    await s.page.keyboard.press('PageDown');
    expect(await vt()).toBe('19 May 2025');
    await s.page.keyboard.press('Home');
    const first = await vt();
    await s.page.keyboard.press('End');
    const last = await vt();
    expect(first).not.toBe(last);
    for (let i = 0; i < 6; i++) await s.page.keyboard.press('PageDown');
    // Updates reach the map once per animation frame; on a loaded machine the last frame may still be pending.
    const target = Number(await slider.inputValue());
    await s.page.waitForFunction(
      (d) => (document.querySelector('.map') as HTMLElement & { __maplibre: import('maplibre-gl').Map }).__maplibre.getGlobalState()['em-day'] === d,
      target,
      { timeout: 10_000 },
    );
    await mapIdle(s.page);
    const calls = await s.page.evaluate(() => (window as unknown as { __calls: Record<string, number> }).__calls);
    const sameMap = await s.page.evaluate(() => (document.querySelector('.map') as HTMLElement & { __maplibre: unknown }).__maplibre === (window as unknown as { __spied: unknown }).__spied);
    expect(sameMap, 'the map was not replaced while stepping').toBe(true);
    // The date did reach the map (key presses inside one frame coalesce, so at least once).
    expect(calls.setGlobalStateProperty).toBeGreaterThanOrEqual(1);
    const mapDay = await s.page.evaluate(() => (document.querySelector('.map') as HTMLElement & { __maplibre: import('maplibre-gl').Map }).__maplibre.getGlobalState()['em-day'] as number);
    expect(mapDay).toBe(Number(await slider.inputValue())); // the range input's value is the day number
    expect(calls.setFilter).toBe(0);
    expect(calls.setLayoutProperty).toBe(0);
    expect(calls.setPaintProperty).toBe(0);
    expect(calls.setData).toBe(0);
    expect(calls.sourceLoads).toBe(0);
    // The list follows the slider.
    expect(await s.page.getByRole('list', { name: /^Events on / }).getAttribute('aria-label')).toBe(`Events on ${await vt()}`);
    await close(s);
  });

  it('scroll over the map zooms it in the app; in an embed it scrolls the article and says Ctrl + scroll', async () => {
    const zoomAfterWheel = async (s: Session, ctrl: boolean) => {
      const zoom = () => s.page.evaluate(() => (document.querySelector('.map') as HTMLElement & { __maplibre: import('maplibre-gl').Map }).__maplibre.getZoom());
      const box = (await s.page.locator('.map').boundingBox())!;
      await s.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const before = await zoom();
      if (ctrl) await s.page.keyboard.down('Control');
      for (let i = 0; i < 3; i++) await s.page.mouse.wheel(0, -240);
      if (ctrl) await s.page.keyboard.up('Control');
      await s.page.waitForTimeout(700);
      await mapIdle(s.page);
      return { before, after: await zoom() };
    };
    const app = await open('#date=2025-05-24');
    await mapIdle(app.page);
    const z = await zoomAfterWheel(app, false);
    expect(z.after, 'the full app zooms on scroll').toBeGreaterThan(z.before + 0.1);
    expect(await app.page.locator('.maplibregl-cooperative-gesture-screen').count()).toBe(0);
    await close(app);

    const embed = await open('', { query: 'embed.html?date=2025-05-24', width: 800, height: 900 });
    await mapIdle(embed.page);
    const plain = await zoomAfterWheel(embed, false);
    expect(plain.after, 'a plain scroll leaves the embedded map alone').toBeCloseTo(plain.before, 5);
    const screen = embed.page.locator('.maplibregl-cooperative-gesture-screen');
    expect(await screen.locator('.maplibregl-desktop-message').textContent()).toBe('Use Ctrl + scroll to zoom the map');
    expect(await screen.locator('.maplibregl-mobile-message').textContent()).toBe('Use two fingers to move the map');
    // Legible: white on a dark veil, in the app's type.
    const look = await screen.evaluate((el) => {
      const cs = getComputedStyle(el);
      return { color: cs.color, bg: cs.backgroundColor, size: parseFloat(cs.fontSize) };
    });
    expect(look.color).toBe('rgb(255, 255, 255)');
    expect(Number(/[\d.]+\)$/.exec(look.bg)?.[0].slice(0, -1))).toBeGreaterThanOrEqual(0.6);
    expect(look.size).toBeGreaterThanOrEqual(16);
    const withCtrl = await zoomAfterWheel(embed, true);
    expect(withCtrl.after, 'Ctrl + scroll zooms the embedded map').toBeGreaterThan(withCtrl.before + 0.1);
    expect(embed.errors).toEqual([]);
    await close(embed);
  });

  it('restores the state from a link, and back/forward walk through it', async () => {
    const s0 = await open('#date=2025-05-24');
    await mapIdle(s0.page);
    // Pick an event from the list to learn a real id.
    await eventList(s0.page, '24 May 2025').getByRole('button').filter({ hasText: 'Kyiv' }).first().click();
    await s0.page.getByRole('heading', { level: 2, name: 'Kyiv' }).waitFor();
    const sel = new URLSearchParams((await s0.page.evaluate(() => location.hash)).slice(1)).get('sel');
    expect(sel).toBeTruthy();
    await close(s0);

    const hash = `#date=2025-05-24&mode=cumulative&cats=strike,air-defense,casualties&sel=${encodeURIComponent(sel!)}&view=30.5,50.4,6`;
    const s = await open(hash);
    await mapIdle(s.page);
    expect(await s.page.getByRole('radio', { name: 'Up to day' }).isChecked()).toBe(true);
    expect(await s.page.getByRole('slider', { name: 'Date' }).getAttribute('aria-valuetext')).toBe('24 May 2025');
    const legend = s.page.locator('.legend');
    expect(await legend.getByRole('button', { name: /^Strike/ }).getAttribute('aria-pressed')).toBe('true');
    expect(await legend.getByRole('button', { name: /^Prisoner exchange/ }).getAttribute('aria-pressed')).toBe('false');
    await s.page.getByRole('heading', { level: 2, name: 'Kyiv' }).waitFor();
    const list = await eventList(s.page, '24 May 2025').innerText();
    expect(list).not.toMatch(/border/); // prisoner exchanges are filtered out
    const view = await s.page.evaluate(() => {
      const m = (document.querySelector('.map') as HTMLElement & { __maplibre: import('maplibre-gl').Map }).__maplibre;
      return { ...m.getCenter(), zoom: m.getZoom() };
    });
    expect(view.lng).toBeCloseTo(30.5, 1);
    expect(view.lat).toBeCloseTo(50.4, 1);
    expect(view.zoom).toBeCloseTo(6, 1);

    // A discrete change pushes a history entry; Back returns to the link's state.
    await s.page.getByRole('button', { name: 'Close details' }).click();
    await s.page.getByRole('button', { name: 'Previous day with events' }).click();
    const moved = await s.page.getByRole('slider', { name: 'Date' }).getAttribute('aria-valuetext');
    expect(moved).not.toBe('24 May 2025');
    await s.page.goBack();
    await s.page.waitForFunction(() => document.querySelector('input[type=range]')?.getAttribute('aria-valuetext') === '24 May 2025');
    await s.page.goBack();
    await s.page.getByRole('heading', { level: 2, name: 'Kyiv' }).waitFor();
    await s.page.goForward();
    await s.page.goForward();
    await s.page.waitForFunction((d) => document.querySelector('input[type=range]')?.getAttribute('aria-valuetext') === d, moved);
    await close(s);
  });

  it('never requests anything outside its own origin', async () => {
    const s = await open('#date=2025-05-23');
    await mapIdle(s.page);
    await s.page.getByRole('button', { name: 'Next day with events' }).click();
    await s.page.getByRole('list', { name: /^Events on / }).getByRole('button').first().click();
    await s.page.mouse.move(400, 300);
    await s.page.mouse.wheel(0, -300);
    await s.page.waitForTimeout(500);
    await mapIdle(s.page);
    expect(s.requests.length).toBeGreaterThan(5);
    const outside = s.requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(outside).toEqual([]);
    // The basemap and data came from here, relative to the page.
    expect(s.requests.some((u) => u.includes('/data/events.geojson'))).toBe(true);
    await close(s);
  });

  it('works on a 375×700 phone: no sideways scroll, the map, the slider, the list and a bottom sheet', async () => {
    const s = await open('#date=2025-05-24', { width: 375, height: 700 });
    await mapIdle(s.page);
    const dims = await s.page.evaluate(() => ({
      scrollW: document.documentElement.scrollWidth,
      canvas: (document.querySelector('.maplibregl-canvas') as HTMLCanvasElement).getBoundingClientRect().toJSON(),
      slider: (document.querySelector('input[type=range]') as HTMLElement).getBoundingClientRect().toJSON(),
    }));
    expect(dims.scrollW).toBeLessThanOrEqual(375);
    expect(dims.canvas.width).toBeGreaterThan(300);
    expect(dims.canvas.height).toBeGreaterThan(250);
    expect(dims.slider.width).toBeGreaterThan(300);
    await s.page.screenshot({ path: `${ARTIFACTS}app-phone.png`, fullPage: true });
    await eventList(s.page, '24 May 2025').getByRole('button').filter({ hasText: 'Kyiv' }).first().click();
    const sheet = s.page.locator('.sheet');
    await sheet.waitFor();
    const box = await sheet.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + box!.height).toBeLessThanOrEqual(701);
    expect(box!.width).toBeGreaterThan(370);
    await s.page.waitForTimeout(300);
    await s.page.screenshot({ path: `${ARTIFACTS}app-phone-sheet.png` });
    expect(s.errors).toEqual([]);
    await close(s);
  });

  it('fits a 320 px screen without sideways scrolling, tick labels apart', async () => {
    const s = await open('#date=2025-05-24', { width: 320, height: 640 });
    await mapIdle(s.page);
    expect(await s.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const boxes = await s.page.locator('.ticks span').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.left).toBeGreaterThan(boxes[i - 1]!.right);
    await close(s);
  });

  it('has no serious or critical axe-core violations (light and dark, with the panel open)', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const s = await open('#date=2025-05-24', { colorScheme, bypassCSP: true });
      await mapIdle(s.page);
      await eventList(s.page, '24 May 2025').getByRole('button').first().click();
      await s.page.addScriptTag({ path: axePath });
      const result = await s.page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const r = await axe.run(document, { resultTypes: ['violations'] });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
      });
      const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad, `${colorScheme}: ${JSON.stringify(bad)}`).toEqual([]);
      await close(s);
    }
  });

  it('saves desktop screenshots (light and dark) as test artifacts', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const s = await open('#date=2025-05-24', { colorScheme });
      await mapIdle(s.page);
      await s.page.screenshot({ path: `${ARTIFACTS}app-desktop-${colorScheme}.png` });
      await eventList(s.page, '24 May 2025').getByRole('button').filter({ hasText: 'Kyiv' }).first().click();
      await s.page.waitForTimeout(300);
      await mapIdle(s.page);
      await s.page.screenshot({ path: `${ARTIFACTS}app-desktop-${colorScheme}-panel.png` });
      await close(s);
    }
  });

  it('hover shows a tooltip and a click opens the details of the events at that place', async () => {
    const s = await open('#date=2025-05-24&view=30.52,50.45,6');
    await mapIdle(s.page);
    const pt = await screenPoint(s.page, [30.5234, 50.4501]);
    const tip = await hoverTooltip(s.page, pt);
    expect(await tip.innerText()).toContain('Kyiv');
    await s.page.mouse.click(pt.x, pt.y);
    await s.page.getByRole('heading', { level: 2, name: 'Kyiv' }).waitFor();
    // Several events share Kyiv that day: the panel lists the others.
    expect(await s.page.getByRole('heading', { level: 3, name: 'Also at Kyiv' }).count()).toBe(1);
    expect(await s.page.evaluate(() => location.hash)).toMatch(/sel=/);
    // A click on empty sea closes it.
    await s.page.mouse.click(pt.x + 250, pt.y + 250);
    await s.page.getByRole('heading', { level: 2, name: 'Kyiv' }).waitFor({ state: 'detached' });
    await close(s);
  });

  it('draws what the date says: Odesa full on its day, fading on the trail, absent before', async () => {
    const s = await open('#date=2025-05-24&view=30.73,46.48,7');
    await mapIdle(s.page);
    const slider = s.page.getByRole('slider', { name: 'Date' });
    /**
     * The reddest of a few pixels 4–5 px from Odesa's centre (inside its 6 px circle, clear of the
     * basemap's city dot drawn on top), read from the WebGL buffer inside MapLibre's own render event.
     */
    const sample = () =>
      s.page.evaluate(
        () =>
          new Promise<number[]>((resolve) => {
            const m = (document.querySelector('.map') as HTMLElement & { __maplibre: import('maplibre-gl').Map }).__maplibre;
            m.once('render', () => {
              const canvas = m.getCanvas();
              const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
              const p = m.project([30.7326, 46.4775]);
              const k = canvas.width / canvas.clientWidth;
              let best = [0, 0, 0];
              for (const [dx, dy] of [[-4.5, 0], [0, 4.5], [0, -4.5], [-3.2, 3.2], [-3.2, -3.2], [3.2, 3.2]] as const) {
                const px = new Uint8Array(4);
                gl.readPixels(Math.round((p.x + dx) * k), canvas.height - Math.round((p.y + dy) * k), 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
                if (px[0]! - px[2]! > best[0]! - best[2]! || best[0] === 0) best = [px[0]!, px[1]!, px[2]!];
              }
              resolve(best);
            });
            m.triggerRepaint();
          }),
      );
    const goTo = async (keys: string[]) => {
      await slider.focus();
      for (const k of keys) await s.page.keyboard.press(k);
      const want = Number(await slider.inputValue());
      await s.page.waitForFunction(
        (d) => (document.querySelector('.map') as HTMLElement & { __maplibre: import('maplibre-gl').Map }).__maplibre.getGlobalState()['em-day'] === d,
        want,
      );
    };
    const today = await sample();
    await goTo(['ArrowRight', 'ArrowRight']); // 26 May: two days into the trail
    const trail = await sample();
    await goTo(['PageDown', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft']); // 16 May: before the strike
    const before = await sample();
    const redness = (c: number[]) => c[0]! - c[2]!; // vermillion: much more red than blue; land is near grey
    const seen = JSON.stringify({ today, trail, before });
    expect(redness(today), seen).toBeGreaterThan(90);
    expect(redness(trail), seen).toBeGreaterThan(redness(before) + 20);
    expect(redness(trail), seen).toBeLessThan(redness(today) - 20);
    expect(Math.abs(redness(before)), seen).toBeLessThan(30);
    await close(s);
  });

  it('runs with the large-data renderer when asked (?renderer=scale)', async () => {
    const s = await open('#date=2025-05-24&view=30.52,50.45,6', { query: '?renderer=scale' });
    await mapIdle(s.page);
    expect(await s.page.locator('.map').getAttribute('data-renderer')).toBe('scale');
    // Overlay mode: the events draw on their own canvas above the map, which lets pointer events through.
    expect(await s.page.locator('canvas.events-scale-overlay').count()).toBe(1);
    expect(await eventList(s.page, '24 May 2025').innerText()).toContain('Kyiv');
    // Picking works through the overlay: hovering Kyiv names it.
    const pt = await screenPoint(s.page, [30.5238, 50.4547]);
    const tip = await hoverTooltip(s.page, pt);
    expect(await tip.innerText()).toContain('Kyiv');
    await s.page.getByRole('slider', { name: 'Date' }).focus();
    await s.page.keyboard.press('ArrowLeft');
    await mapIdle(s.page);
    expect(s.errors).toEqual([]);
    await close(s);
  });

  it('says so when the data cannot be loaded', async () => {
    const s = await open('', { query: '?data=./data/no-such-file.geojson' });
    const alert = s.page.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.innerText()).toMatch(/could not load the events (\(404|from .*no-such-file\.geojson: the server sent a web page)/i);
    await close(s);
  });

  it('renders hostile article text as text, drops non-http links, reports invalid features', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    const page = await ctx.newPage();
    let fired = false;
    await page.exposeFunction('__pwned', () => {
      fired = true;
    });
    const evil = '<img src=x onerror="window.__pwned()"><script>window.__pwned()</script>';
    const feature = (id: string, extra: object = {}) => ({
      type: 'Feature',
      id,
      geometry: { type: 'Point', coordinates: [30.52, 50.45] },
      properties: {
        id,
        category: 'strike',
        date: '2025-05-24',
        datePrecision: 'day',
        status: 'reported',
        place: { name: `Kyiv ${evil}`, mention: 'Kyiv', country: 'UA', kind: 'city', precisionKm: 10 },
        quote: `He said ${evil} and left.`,
        source: { article: 'evil', start: 0, end: 10 },
        figures: { drones: 5 },
        confidence: 0.9,
        ...extra,
      },
    });
    const doc = {
      type: 'FeatureCollection',
      articles: [{ id: 'evil', title: `Title ${evil}`, date: '2025-05-24', url: 'javascript:window.__pwned()' }],
      features: [feature('ok-1'), feature('bad-1', { category: 'explosion' })],
    };
    await page.route((u) => u.pathname.endsWith('/data/hostile.geojson'), (route) => route.fulfill({ status: 200, contentType: 'application/geo+json', body: JSON.stringify(doc) }));
    await page.goto(`${base}?data=./data/hostile.geojson#date=2025-05-24`);
    await eventList(page, '24 May 2025').getByRole('button').first().click();
    const panel = page.locator('.sheet');
    await panel.waitFor();
    expect(await panel.locator('blockquote').innerText()).toContain('<img src=x onerror=');
    expect(await page.locator('.em-app img, .em-app script').count()).toBe(0);
    expect(await panel.locator('a').count()).toBe(0); // the javascript: link is not a link
    expect(await panel.innerText()).toContain('Title <img');
    const skipped = page.locator('details.skipped');
    expect(await skipped.locator('summary').innerText()).toMatch(/^1 event was left out/);
    await skipped.locator('summary').click();
    expect(await skipped.innerText()).toMatch(/bad-1/);
    await page.waitForTimeout(300);
    expect(fired).toBe(false);
    await ctx.close();
  });
});
