// The built app opening a large EVB1 file in real Chromium: 50,000 seeded events
// from the bench's generator (scripts/gen-events.ts), served by vite preview from
// dist/large/. Every expectation is computed in Node from the generator's GeoJSON,
// never from the binary path the app uses.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { launchBrowser } from './browser';
import { ensureEvents } from '../../scripts/gen-events';
import { CATEGORIES, type Category, type EventCollection, type EventFeature } from '../../src/events/types';
import { CATEGORY_LABELS } from '../../src/map/colors';
import { formatHumanDay, parseIsoDay } from '../../src/time/days';
import { placeLabel } from '../../src/ui/format';

const base = inject('baseUrl');
const distDir = inject('distDir');
const origin = new URL(base).origin;
const COUNT = 50_000;
const SEED = 5;

let browser: Browser;
let tmp: string;
let file: string;
let features: EventFeature[];
let byId: Map<string, EventFeature>;
/** Day → events, from the GeoJSON. */
const byDay = new Map<string, EventFeature[]>();
let busy: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'event-map-large-'));
  const gen = ensureEvents(COUNT, SEED, tmp, true, () => {});
  file = basename(gen.binary);
  mkdirSync(join(distDir, 'large'), { recursive: true });
  cpSync(gen.binary, join(distDir, 'large', file));
  cpSync(gen.details, join(distDir, 'large', basename(gen.details)), { recursive: true });
  features = (JSON.parse(readFileSync(gen.geojson, 'utf8')) as EventCollection).features;
  byId = new Map(features.map((f) => [f.id, f]));
  for (const f of features) {
    const list = byDay.get(f.properties.date);
    if (list) list.push(f);
    else byDay.set(f.properties.date, [f]);
  }
  busy = [...byDay.keys()].sort((a, b) => byDay.get(b)!.length - byDay.get(a)!.length || a.localeCompare(b))[0]!;
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const countOn = (iso: string, visible: ReadonlySet<Category> = new Set(CATEGORIES)) => (byDay.get(iso) ?? []).filter((f) => visible.has(f.properties.category)).length;
const nextIso = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

interface Session {
  ctx: BrowserContext;
  page: Page;
  requests: string[];
  console: string[];
}

async function open(query: string, hash: string): Promise<Session> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  const page = await ctx.newPage();
  const requests: string[] = [];
  const consoleLines: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => consoleLines.push(m.text()));
  page.on('pageerror', (e) => consoleLines.push(e.message));
  await page.goto(`${base}${query}${hash}`);
  return { ctx, page, requests, console: consoleLines };
}

async function ready(page: Page) {
  await page.waitForSelector('.map[data-renderer="scale"][data-ready="true"]', { timeout: 60_000 });
  await page.waitForSelector('.em-app[data-map-ready="true"]', { timeout: 60_000 });
}

const listCount = async (page: Page) => Number(await page.locator('section.list').getAttribute('data-count'));
const quoteOf = (page: Page) => page.locator('.panel blockquote');
const selectedId = (page: Page) => page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('sel'));

describe('a 50,000-event EVB1 file in the app', () => {
  it('opens with the scale renderer; list, slider, panel, legend and the URL work from the columns', async () => {
    const s = await open(`?data=./large/${file}`, `#date=${busy}`);
    try {
      await ready(s.page);
      const day = parseIsoDay(busy)!;
      await s.page.getByRole('heading', { name: `Events on ${formatHumanDay(day)}` }).waitFor();
      // The day's count for all categories, as the GeoJSON says.
      const want = countOn(busy);
      expect(want).toBeGreaterThan(20);
      expect(await listCount(s.page)).toBe(want);
      const items = s.page.locator('section.list li');
      expect(await items.count()).toBe(Math.min(200, want));
      if (want > 200) await expect(s.page.locator('section.list .more').textContent()).resolves.toBe(`and ${(want - 200).toLocaleString('en-US')} more on this day`);
      // Legend counts are the whole file's.
      const strikes = features.filter((f) => f.properties.category === 'strike').length;
      await expect(s.page.getByRole('button', { name: new RegExp(`^${CATEGORY_LABELS.strike}`) }).locator('.count').textContent()).resolves.toBe(String(strikes));
      // The benchmark's mark: set once the events are drawn.
      await s.page.waitForFunction(() => performance.getEntriesByName('event-map:events-drawn', 'mark').length === 1, null, { timeout: 30_000 });

      // ArrowRight: the next day, and the list follows.
      const slider = s.page.getByRole('slider', { name: 'Date' });
      await slider.focus();
      await s.page.keyboard.press('ArrowRight');
      const next = nextIso(busy);
      await s.page.waitForFunction((t) => document.querySelector('input[type=range]')?.getAttribute('aria-valuetext') === t, formatHumanDay(parseIsoDay(next)!));
      await s.page.getByRole('heading', { name: `Events on ${formatHumanDay(parseIsoDay(next)!)}` }).waitFor();
      expect(await listCount(s.page)).toBe(countOn(next));
      await s.page.keyboard.press('ArrowLeft');
      await s.page.getByRole('heading', { name: `Events on ${formatHumanDay(day)}` }).waitFor();

      // No details fetched before a selection; one chunk after.
      expect(s.requests.some((u) => u.includes('.evb.details/'))).toBe(false);
      await items.nth(3).getByRole('button').click();
      await s.page.waitForFunction(() => /(^|&|#)sel=/.test(location.hash));
      const id = (await selectedId(s.page))!;
      const f = byId.get(id)!;
      expect(f.properties.date).toBe(busy);
      await expect(quoteOf(s.page).textContent({ timeout: 30_000 })).resolves.toBe(f.properties.quote);
      expect(await s.page.locator('.panel h2').textContent()).toBe(placeLabel(f.properties.place));
      expect(s.requests.filter((u) => u.includes('.evb.details/')).length).toBe(1);

      // Reloading the page with its URL (#date=…&sel=…) restores the selection, quote included.
      expect(s.page.url()).toContain(`sel=${encodeURIComponent(id)}`);
      await s.page.reload();
      await ready(s.page);
      await expect(quoteOf(s.page).textContent({ timeout: 30_000 })).resolves.toBe(f.properties.quote);
      expect(await selectedId(s.page)).toBe(id);
      expect(await s.page.locator('section.list li button[aria-current="true"]').count()).toBe(1);

      // A category off in the legend: the day's count drops by that category's events.
      const cat = f.properties.category;
      await s.page.getByRole('button', { name: new RegExp(`^${CATEGORY_LABELS[cat]}`) }).click();
      const visible = new Set(CATEGORIES.filter((c) => c !== cat));
      await s.page.waitForFunction((n) => document.querySelector('section.list')?.getAttribute('data-count') === String(n), countOn(busy, visible));
      expect(countOn(busy, visible)).toBeLessThan(want);

      // Only the page's own origin, the decode worker included (under the built CSP).
      const outside = s.requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'));
      expect(outside).toEqual([]);
      expect(s.requests.some((u) => u.endsWith(`/large/${file}`))).toBe(true);
      expect(s.console.filter((l) => /Content Security Policy|Refused/i.test(l))).toEqual([]);
    } finally {
      await s.ctx.close();
    }
  }, 90_000);

  it('names the file and the problem when the .evb is missing', async () => {
    const s = await open('?data=./large/missing.evb', '');
    try {
      const alert = s.page.getByRole('alert');
      await alert.waitFor({ timeout: 30_000 });
      const text = (await alert.textContent()) ?? '';
      expect(text).toContain('The map cannot be shown.');
      expect(text).toContain(`${origin}/large/missing.evb`);
      // vite preview answers a missing file with index.html (a static host with a 404).
      expect(text).toMatch(/: (HTTP 404|the server sent a web page, not an EVB1 file)/);
    } finally {
      await s.ctx.close();
    }
  }, 60_000);
});
