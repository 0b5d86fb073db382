// The embed page (embed.html) in real Chromium, inside parent pages on other
// origins (routed, no network): hostile data shows as text and runs nothing
// under the embed's CSP; the postMessage API obeys its origin allow-list and
// the sender check (only the parent window), ignores wrong-shaped messages,
// and sends its own events only to the allowed origin.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';
import { buildHostileEvents } from './hostile-data';
import { injectedMarkup, openWatched } from '../fixtures/hostile/browser-harness';

const base = inject('baseUrl');
const origin = new URL(base).origin;
// Parent pages are served by real loopback servers on their own ports (two origins):
// Chromium blocks a routed "public" page from framing a loopback one (local network access).
let PARENT = '';
let EVIL = '';
const servers: Server[] = [];

let browser: Browser;
let hostile: string;
let hasEmbed = false;

beforeAll(async () => {
  const [embed, index] = await Promise.all(['./embed.html', './'].map(async (p) => (await fetch(new URL(p, base))).text()));
  hasEmbed = embed !== index;
  hostile = buildHostileEvents();
  for (const set of [(o: string) => (PARENT = o), (o: string) => (EVIL = o)]) {
    const srv = createServer((req, res) => {
      const u = new URL(req.url ?? '/', 'http://x');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(u.pathname === '/sibling.html' ? SIBLING : parentPage(`${base}embed.html${u.searchParams.get('q') ?? ''}`, u.searchParams.has('sibling')));
    });
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
    servers.push(srv);
    set(`http://127.0.0.1:${(srv.address() as AddressInfo).port}`);
  }
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  for (const s of servers) s.close();
});

/** A parent page on `at` holding the embed (and optionally a sibling frame from the same origin). */
function parentPage(embedSrc: string, sibling = false): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>parent</title></head><body>
<iframe id="em" src="${embedSrc.replace(/"/g, '&quot;')}" width="900" height="640" style="border:0"></iframe>
${sibling ? '<iframe id="sib" src="/sibling.html" width="10" height="10"></iframe>' : ''}
<script>
  window.__got = [];
  addEventListener('message', (e) => {
    if (e.data && typeof e.data === 'object' && typeof e.data.type === 'string' && e.data.type.startsWith('eventmap:')) window.__got.push(e.data);
  });
  window.send = (m) => document.getElementById('em').contentWindow.postMessage(m, '*');
</script></body></html>`;
}
const SIBLING = `<!doctype html><html><body><script>
  window.sendToEmbed = (m) => parent.frames[0].postMessage(m, '*');
</script></body></html>`;

/** Opens a parent page on origin `at` whose iframe loads the embed with `embedQuery`. */
async function openAt(at: string, embedQuery: string, sibling = false) {
  const ctx = await browser.newContext({ viewport: { width: 1000, height: 720 }, reducedMotion: 'reduce' });
  const errors: string[] = [];
  const page = await ctx.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${at}/page.html?q=${encodeURIComponent(embedQuery)}${sibling ? '&sibling' : ''}`);
  const frame = await embedFrame(page);
  return { ctx, page, frame, errors };
}

async function embedFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('#em');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('no embed frame');
  await frame.waitForSelector('.em-app[data-state="ready"]', { timeout: 60_000 });
  return frame;
}

const dateOf = (f: Frame) => f.getByRole('slider', { name: 'Date' }).getAttribute('aria-valuetext');

describe('the embed page', () => {
  it('shows hostile data as text and runs nothing, under its own CSP, asking only its origin', async (ctx) => {
    if (!hasEmbed) ctx.skip();
    const q = `?data=./trust/hostile.geojson&date=2025-05-24&show=title,legend,list&headline=${encodeURIComponent('<img src=x onerror="window.__pwned=\'headline\'">')}`;
    const w = await openWatched(browser, `${base}embed.html${q}`, { routes: { '/trust/hostile.geojson': { body: hostile } } });
    await w.page.waitForSelector('.em-app[data-state="ready"]', { timeout: 60_000 });
    const list = w.page.getByRole('list', { name: /^Events on 24 May 2025/ });
    await list.waitFor();
    await list.getByRole('button').filter({ hasText: 'Kyiv' }).first().click();
    await w.page.locator('section.panel blockquote').waitFor();
    const text = await w.page.locator('body').evaluate((b) => b.textContent ?? '');
    expect(text).toContain('<img src=x onerror=');
    expect(await injectedMarkup(w.page)).toEqual([]);
    const { pwned, violations } = await w.traps();
    expect(pwned).toEqual([]);
    expect(violations).toEqual([]);
    expect(w.dialogs).toEqual([]);
    expect(w.requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin)).toEqual([]);
    await w.ctx.close();
  });
});

describe('the <event-map> web component', () => {
  it('on a host page without any CSP, shows hostile data and attributes as text and runs nothing', async (ctx) => {
    if (!hasEmbed) ctx.skip();
    const headline = '<img src=x onerror="window.__pwned=\'wc-headline\'">';
    const host = `<!doctype html><html><head><meta charset="utf-8"><title>host</title>
<link rel="stylesheet" href="../event-map.css"><script type="module" src="../event-map.js"></script></head>
<body><h1>A newsroom page</h1>
<event-map id="m" src="./hostile.geojson" date="2025-05-24" show="title legend list" headline="${headline.replace(/"/g, '&quot;')}" style="display:block;height:640px"></event-map>
</body></html>`;
    const w = await openWatched(browser, `${base}trust/host.html`, {
      routes: { '/trust/host.html': { body: host, contentType: 'text/html' }, '/trust/hostile.geojson': { body: hostile } },
    });
    await w.page.waitForSelector('event-map .em-app[data-state="ready"]', { timeout: 60_000 });
    const list = w.page.getByRole('list', { name: /^Events on 24 May 2025/ });
    await list.waitFor();
    await list.getByRole('button').filter({ hasText: 'Kyiv' }).first().click();
    await w.page.locator('event-map section.panel blockquote').waitFor();
    const text = await w.page.locator('event-map').evaluate((e) => e.textContent ?? '');
    expect(text).toContain('<img src=x onerror=');
    expect(await injectedMarkup(w.page)).toEqual([]);
    await w.page.waitForTimeout(500);
    const { pwned } = await w.traps();
    expect(pwned).toEqual([]);
    expect(w.dialogs).toEqual([]);
    expect(w.errors).toEqual([]);
    await w.ctx.close();
  });
});

describe('postMessage', () => {
  it('obeys commands from the allowed parent origin, ignores wrong shapes, and answers only that origin', async (ctx) => {
    if (!hasEmbed) ctx.skip();
    const s = await openAt(PARENT, `?date=2025-05-24&origins=${encodeURIComponent(PARENT)}&childId=t1`);
    await expect.poll(() => s.page.evaluate(() => (window as unknown as { __got: { type: string }[] }).__got.map((m) => m.type))).toContain('eventmap:ready');
    expect(await dateOf(s.frame)).toBe('24 May 2025');
    // Wrong shapes: none may move the map or throw.
    const junk: unknown[] = [
      'eventmap:setDate',
      { type: 'eventmap:setDate', date: '2025-02-30' },
      { type: 'eventmap:setDate', date: '20 May 2025' },
      { type: 'eventmap:setDate', date: ['2025-05-20'] },
      { type: 'eventmap:setDate', date: { toString: '2025-05-20' } },
      { type: 'EVENTMAP:SETDATE', date: '2025-05-20' },
      { type: ['eventmap:setDate'], date: '2025-05-20' },
      { type: 'eventmap:selectEvent', id: 'x'.repeat(500) },
      { type: 'eventmap:selectEvent', id: '<img src=x onerror="window.__pwned=1">' },
      { type: 'eventmap:plays' },
      { type: 'eventmap:setDate ', date: '2025-05-20' },
      'pymxPYMxt1xPYMxwidthxPYMx-1',
      { 'datawrapper-height': { t1: 'NaN' } },
      null,
      42,
      [1, 2, 3],
      new Array(1000).fill('eventmap:setDate'),
    ];
    for (const m of junk) await s.page.evaluate((msg) => (window as unknown as { send: (m: unknown) => void }).send(msg), m);
    await s.page.waitForTimeout(500);
    expect(await dateOf(s.frame)).toBe('24 May 2025');
    // A well-formed command from the allowed origin works (the channel is open).
    await s.page.evaluate(() => (window as unknown as { send: (m: unknown) => void }).send({ type: 'eventmap:setDate', date: '2025-05-20' }));
    await expect.poll(() => dateOf(s.frame)).toBe('20 May 2025');
    await expect
      .poll(() => s.page.evaluate(() => (window as unknown as { __got: { type: string; date?: string }[] }).__got.filter((m) => m.type === 'eventmap:dateChanged').map((m) => m.date)))
      .toContain('2025-05-20');
    const pwned = await s.frame.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
    expect(pwned).toBeUndefined();
    expect(s.errors).toEqual([]);
    await s.ctx.close();
  });

  it('ignores commands from a parent origin outside the allow-list, and tells it nothing', async (ctx) => {
    if (!hasEmbed) ctx.skip();
    const s = await openAt(EVIL, `?date=2025-05-24&origins=${encodeURIComponent(PARENT)}&childId=t2`);
    await s.page.evaluate(() => {
      const send = (window as unknown as { send: (m: unknown) => void }).send;
      send({ type: 'eventmap:setDate', date: '2025-05-20' });
      send({ type: 'eventmap:play' });
    });
    await s.page.waitForTimeout(1500);
    expect(await dateOf(s.frame)).toBe('24 May 2025');
    const got = await s.page.evaluate(() => (window as unknown as { __got: { type: string }[] }).__got.map((m) => m.type));
    expect(got).toEqual([]);
    await s.ctx.close();
  });

  it('ignores commands from a sibling frame of the allowed origin (only the parent window may command)', async (ctx) => {
    if (!hasEmbed) ctx.skip();
    const s = await openAt(PARENT, `?date=2025-05-24&origins=${encodeURIComponent(PARENT)}&childId=t3`, true);
    const sib = await (await s.page.waitForSelector('#sib')).contentFrame();
    await sib!.waitForFunction(() => typeof (window as unknown as { sendToEmbed?: unknown }).sendToEmbed === 'function');
    await sib!.evaluate(() => (window as unknown as { sendToEmbed: (m: unknown) => void }).sendToEmbed({ type: 'eventmap:setDate', date: '2025-05-20' }));
    await s.page.waitForTimeout(1000);
    expect(await dateOf(s.frame)).toBe('24 May 2025');
    // The parent itself still can.
    await s.page.evaluate(() => (window as unknown as { send: (m: unknown) => void }).send({ type: 'eventmap:setDate', date: '2025-05-21' }));
    await expect.poll(() => dateOf(s.frame)).toBe('21 May 2025');
    await s.ctx.close();
  });
});
