// Hostile news text in the built app, in real Chromium. The data is what the
// real pipeline makes of tests/fixtures/hostile/seeds (markup and script in the
// text, title and id; bidi, zero-width, emoji; a 12 000-character word), plus
// what the build would never write but a hand-edited file can hold: javascript:
// and data: links and a place name made of markup. It is served from the page's
// own origin (?data=./trust/hostile.geojson). Every payload sets window.__pwned
// if it ever runs; the CSP would also report it.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';
import { buildHostileEvents } from './hostile-data';
import { screenPoint } from './map-helpers';
import { injectedMarkup, linkTargets, mapIdle, openWatched, type Watched } from '../fixtures/hostile/browser-harness';
import type { EventCollection, EventFeature } from '../../src/events/types';

const base = inject('baseUrl');
const origin = new URL(base).origin;
const EVIL = '<img src=x onerror="window.__pwned=\'place\'"><script>window.__pwned=\'place-script\'</script>';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const human = (iso: string) => `${Number(iso.slice(8))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

let browser: Browser;
let doc: EventCollection;
let body: string;

beforeAll(async () => {
  doc = JSON.parse(buildHostileEvents());
  // What only a hand-edited file holds: script links, and markup as a place name (in the tooltip).
  const links: Record<string, string> = {
    'js-url': "javascript:window.__pwned='link'",
    'data-url': "data:text/html,<script>window.__pwned='data'</script>",
    'markup-title': " JaVaScRiPt:window.__pwned='spaced'",
    'file-url': 'file:///etc/passwd',
    'protocol-relative': '//evil.example/x',
  };
  doc.articles = doc.articles.map((a) => (links[a.id] ? { ...a, url: links[a.id] } : a));
  const lviv: EventFeature = {
    type: 'Feature',
    id: 'hand-made-evil-place',
    geometry: { type: 'Point', coordinates: [24.03, 49.84] },
    properties: {
      id: 'hand-made-evil-place',
      category: 'strike',
      date: '2025-05-24',
      datePrecision: 'day',
      status: 'reported',
      place: { name: EVIL, mention: `Lviv ${EVIL}`, country: 'UA', kind: 'city', precisionKm: 5 },
      quote: `Drones hit ${EVIL} overnight.`,
      source: { article: 'js-url', start: 0, end: 10 },
      figures: {},
      confidence: 0.9,
    },
  };
  doc.features.push(lviv);
  body = JSON.stringify(doc);
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
});

async function openHostile(hash: string): Promise<Watched> {
  return openWatched(browser, `${base}?data=./trust/hostile.geojson${hash}`, { routes: { '/trust/hostile.geojson': { body } } });
}

async function showDate(w: Watched, iso: string) {
  await w.page.evaluate((d) => {
    location.hash = `#date=${d}&span=all`;
  }, iso);
  await w.page.getByRole('list', { name: `Events on ${human(iso)}` }).waitFor({ timeout: 15_000 });
}

describe('hostile text in the built app', () => {
  it('shows every event of every day as text in the list and the panel; no script runs; links are http(s) only', async () => {
    const w = await openHostile('#span=all');
    await mapIdle(w.page);
    const dates = [...new Set(doc.features.map((f) => f.properties.date))].sort();
    expect(dates.length).toBeGreaterThanOrEqual(5);
    let panels = 0;
    for (const date of dates) {
      await showDate(w, date);
      const list = w.page.getByRole('list', { name: `Events on ${human(date)}` });
      const items = list.getByRole('button');
      const n = await items.count();
      expect(n, date).toBe(doc.features.filter((f) => f.properties.date === date).length);
      for (let i = 0; i < n; i++) {
        await items.nth(i).click();
        const panel = w.page.locator('section.panel');
        await panel.waitFor();
        // The quote is the article's sentence, character for character (bidi, zero-width and all).
        const quote = await panel.locator('blockquote').evaluate((b) => b.textContent);
        const id = await w.page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('sel'));
        const f = doc.features.find((x) => x.id === id);
        expect(f, `selected ${id}`).toBeDefined();
        expect(quote).toBe(f!.properties.quote);
        const article = doc.articles.find((a) => a.id === f!.properties.source.article);
        const caption = await panel.locator('figcaption').evaluate((c) => c.textContent ?? '');
        if (article) expect(caption).toContain(article.title);
        // A 3 000-character word wraps inside the panel; nothing pushes the page sideways.
        const overflow = await w.page.evaluate(() => {
          const p = document.querySelector('section.panel')!;
          const list = document.querySelector('.em-app ul[aria-label^="Events on"]');
          return { panel: p.scrollWidth - p.clientWidth, list: list ? list.scrollWidth - list.clientWidth : 0, page: document.documentElement.scrollWidth - innerWidth };
        });
        expect(overflow, id ?? '').toEqual({ panel: 0, list: 0, page: 0 });
        for (const href of await panel.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href)))
          expect(['http:', 'https:'], href).toContain(new URL(href).protocol);
        panels++;
      }
    }
    expect(panels).toBe(doc.features.length);
    // The markup in the data is on screen as characters.
    await showDate(w, '2025-05-24');
    const text = await w.page.locator('.em-app').evaluate((e) => e.textContent ?? '');
    expect(text).toContain('<img src=x onerror=');
    expect(await injectedMarkup(w.page)).toEqual([]);
    for (const href of await linkTargets(w.page)) expect(['http:', 'https:'], href).toContain(new URL(href).protocol);
    const { pwned, violations } = await w.traps();
    expect(pwned).toEqual([]);
    expect(violations).toEqual([]);
    expect(w.dialogs).toEqual([]);
    expect(w.errors).toEqual([]);
    await w.ctx.close();
  });

  it('the panel offers the good https link and no link at all for javascript:, data:, file: or //host', async () => {
    const w = await openHostile('#date=2025-05-24&span=all');
    await mapIdle(w.page);
    const choose = async (id: string) => {
      await w.page.evaluate((sel) => {
        location.hash = `#date=2025-05-24&span=all&sel=${encodeURIComponent(sel)}`;
      }, id);
      await w.page.locator('section.panel').waitFor();
      return w.page.locator('section.panel figcaption');
    };
    const good = doc.features.find((f) => f.properties.source.article === 'good-https')!;
    const cap = await choose(good.id);
    await expect.poll(() => cap.locator('a').getAttribute('href')).toBe('https://example.org/news/kyiv?a=1&b=%3C2%3E');
    expect(await cap.locator('a').getAttribute('rel')).toMatch(/noopener/);
    for (const article of ['js-url', 'data-url']) {
      const f = doc.features.find((x) => x.properties.source.article === article && x.properties.date === '2025-05-24')!;
      const c = await choose(f.id);
      await expect.poll(() => c.locator('cite').count()).toBe(1);
      expect(await c.locator('a').count(), article).toBe(0);
    }
    expect((await w.traps()).pwned).toEqual([]);
    await w.ctx.close();
  });

  it('the tooltip shows a place named with markup as text', async () => {
    const w = await openHostile('#date=2025-05-24&span=all&view=24.03,49.84,7');
    await mapIdle(w.page);
    const point = await screenPoint(w.page, [24.03, 49.84]);
    const tip = w.page.getByRole('tooltip');
    // Hover until MapLibre has the feature under the pointer (rendering is asynchronous).
    await expect
      .poll(
        async () => {
          await w.page.mouse.move(point.x - 3, point.y - 3);
          await w.page.mouse.move(point.x, point.y);
          return tip.count();
        },
        { timeout: 15_000 },
      )
      .toBeGreaterThan(0);
    const text = await tip.evaluate((t) => t.textContent ?? '');
    expect(text).toContain('<img src=x onerror=');
    expect(await tip.locator('img, script').count()).toBe(0);
    expect(await injectedMarkup(w.page)).toEqual([]);
    const { pwned, violations } = await w.traps();
    expect(pwned).toEqual([]);
    expect(violations).toEqual([]);
    await w.ctx.close();
  });

  it.each([
    ['?data=javascript:', `?data=${encodeURIComponent("javascript:window.__pwned='data-param'")}`, true],
    ['?data=data:', `?data=${encodeURIComponent('data:application/json,{"type":"FeatureCollection","features":[]}')}`, true],
    ['?style=javascript:', `?style=${encodeURIComponent("javascript:window.__pwned='style-param'")}#date=2025-05-24`, false],
    ['a hash full of markup', `#date=${encodeURIComponent('<script>window.__pwned=1</script>')}&sel=${encodeURIComponent(EVIL)}&cats=${encodeURIComponent('<img src=x onerror=window.__pwned=1>')}&view=NaN,1e999,-5`, false],
  ])('hostile page parameters (%s) run nothing', async (_name, params, failsToLoad) => {
    const w = await openWatched(browser, `${base}${params}`);
    if (failsToLoad) {
      await w.page.getByRole('alert').waitFor({ timeout: 30_000 });
      expect(await w.page.getByRole('alert').innerText()).toMatch(/could not load|not valid|no events/i);
    } else {
      await mapIdle(w.page);
      expect(await w.page.getByRole('list', { name: /^Events on / }).count()).toBe(1);
    }
    expect(await injectedMarkup(w.page)).toEqual([]);
    const { pwned } = await w.traps();
    expect(pwned).toEqual([]);
    expect(w.dialogs).toEqual([]);
    expect(w.errors).toEqual([]);
    await w.ctx.close();
  });

  it('the Embed dialog prints code that parses into exactly an iframe + script and a web component, whatever the hostile state', async () => {
    const w = await openHostile(`#date=2025-05-24&span=all&sel=${encodeURIComponent('<img src=x onerror=window.__pwned=1>')}`);
    await mapIdle(w.page);
    await w.page.getByRole('button', { name: 'Embed' }).click();
    const areas = w.page.locator('dialog textarea');
    await expect.poll(() => areas.count()).toBe(2);
    const [iframeCode, componentCode] = await areas.evaluateAll((ts) => ts.map((t) => (t as HTMLTextAreaElement).value));
    // (Checked before parsing the code below: Chromium reports the parsed snippet's style attribute against the page's policy.)
    expect((await w.traps()).violations).toEqual([]);
    const parsed = await w.page.evaluate((codes) => codes.map((c) => {
      const d = new DOMParser().parseFromString(`<body>${c}</body>`, 'text/html');
      return Array.from(d.body.querySelectorAll('*')).map((e) => ({ tag: e.tagName.toLowerCase(), attrs: Array.from(e.attributes).map((a) => [a.name, a.value]) }));
    }), [iframeCode!, componentCode!]);
    expect(parsed[0]!.map((e) => e.tag)).toEqual(['iframe', 'script']);
    expect(parsed[1]!.map((e) => e.tag)).toEqual(['link', 'script', 'event-map']);
    for (const el of parsed.flat())
      for (const [name, value] of el.attrs) {
        expect(name).not.toMatch(/^on/i);
        if (name === 'src' || name === 'href') expect(['http:', 'https:']).toContain(new URL(value!).protocol);
      }
    expect(await injectedMarkup(w.page)).toEqual([]);
    expect((await w.traps()).pwned).toEqual([]);
    await w.ctx.close();
  });

  it('a data URL from another origin is refused by the policy, and nothing leaves the origin', async () => {
    const w = await openWatched(browser, `${base}?data=${encodeURIComponent('https://evil.example/events.geojson')}`);
    await w.page.getByRole('alert').waitFor({ timeout: 30_000 });
    expect(await w.page.getByRole('alert').innerText()).toMatch(/could not load the events/i);
    await expect.poll(async () => (await w.traps()).violations.join('\n')).toMatch(/connect-src blocked https:\/\/evil\.example/);
    expect(w.requests.filter((u) => new URL(u).origin !== origin && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    await w.ctx.close();
  });
});
