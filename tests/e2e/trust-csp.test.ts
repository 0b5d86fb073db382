// The Content-Security-Policy of the built pages (src/security/vite-csp.ts), in
// real Chromium: the app works under it with no violation at all (map idle,
// events listed, tooltip, panel, playback), an outside fetch and an injected
// inline script are blocked and reported, and every request the default app
// (and the embed page, once it exists) makes goes to the page's own origin.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';
import { injectedMarkup, mapIdle, openWatched } from '../fixtures/hostile/browser-harness';

const base = inject('baseUrl');
const origin = new URL(base).origin;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const outside = (urls: string[]) => urls.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin);

/** The policy as the built page states it. */
async function policyOf(path: string): Promise<Map<string, string[]> | null> {
  const res = await fetch(new URL(path, base));
  if (!res.ok) return null;
  const html = await res.text();
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
  if (!m) return new Map();
  return new Map(m[1]!.replace(/&quot;/g, '"').split(/;\s*/).map((d) => { const [k, ...v] = d.split(' '); return [k!, v]; }));
}

describe('Content-Security-Policy', () => {
  it('the built page states a policy with no inline script, no eval, connections to itself only', async () => {
    const p = await policyOf('./');
    expect(p?.get('script-src')).toEqual(["'self'"]);
    expect(p?.get('connect-src')).toEqual(["'self'"]);
    expect(p?.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(p?.get('object-src')).toEqual(["'none'"]);
    const html = await (await fetch(base)).text();
    // The policy is the first thing after <meta charset>, before any script or style.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.search(/<script|<style|<link/));
  });

  it('the app works under it: map idle, events listed, tooltip, panel and playback, with no violation', async () => {
    const w = await openWatched(browser, `${base}#date=2025-05-24`);
    await mapIdle(w.page);
    const list = w.page.getByRole('list', { name: /^Events on 24 May 2025/ });
    await list.waitFor({ timeout: 30_000 });
    expect(await list.getByRole('button').count()).toBeGreaterThan(2);
    expect(await list.innerText()).toContain('Kyiv');
    // Tooltip over Kyiv, then the panel, then play.
    const kyiv = await w.page.evaluate(() => {
      const el = document.querySelector('.map') as HTMLElement & { __maplibre: import('maplibre-gl').Map };
      const p = el.__maplibre.project([30.5238, 50.4547]);
      const r = el.getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    });
    await expect
      .poll(async () => {
        await w.page.mouse.move(kyiv.x - 2, kyiv.y - 2);
        await w.page.mouse.move(kyiv.x, kyiv.y);
        return w.page.getByRole('tooltip').count();
      }, { timeout: 15_000 })
      .toBeGreaterThan(0);
    await list.getByRole('button').filter({ hasText: 'Kyiv' }).first().click();
    await w.page.locator('section.panel blockquote').waitFor();
    await w.page.getByRole('button', { name: 'Play' }).click();
    await w.page.waitForTimeout(1500);
    await mapIdle(w.page);
    const { violations, pwned } = await w.traps();
    expect(violations).toEqual([]);
    expect(pwned).toEqual([]);
    expect(w.errors).toEqual([]);
    await w.ctx.close();
  });

  it('blocks and reports a fetch to another origin, an injected inline script and an inline handler', async () => {
    const w = await openWatched(browser, base);
    await mapIdle(w.page);
    await w.page.evaluate(async () => {
      await fetch('https://tracker.example/pixel').catch(() => undefined);
      const s = document.createElement('script');
      s.textContent = "window.__pwned = 'inline-script'";
      document.body.append(s);
      document.body.insertAdjacentHTML('beforeend', `<img id="trap" src="x" onerror="window.__pwned='handler'">`);
      await new Promise((r) => setTimeout(r, 500));
    });
    const { violations, pwned } = await w.traps();
    expect(pwned).toEqual([]);
    const v = violations.join('\n');
    expect(v).toMatch(/connect-src blocked https:\/\/tracker\.example\/pixel/);
    expect(v).toMatch(/script-src-elem blocked \(?inline\)?/);
    expect(v).toMatch(/script-src-attr blocked \(?inline\)?/);
    // The harness sees the injected markup: the checks the hostile tests rely on can fail.
    expect(await injectedMarkup(w.page)).toEqual(expect.arrayContaining(['inline <script>', 'img[onerror]', '<img src=x>']));
    expect(outside(w.requests)).toEqual([]);
    await w.ctx.close();
  });
});

describe('requests', () => {
  it('the default app asks only its own origin for anything', async () => {
    const w = await openWatched(browser, base);
    await mapIdle(w.page);
    // Move, zoom and play so tiles, glyphs and sprites beyond the first view load too.
    await w.page.mouse.move(640, 400);
    await w.page.mouse.wheel(0, -400);
    await w.page.getByRole('button', { name: 'Play' }).click();
    await w.page.waitForTimeout(2000);
    await mapIdle(w.page);
    expect(w.requests.length).toBeGreaterThan(5);
    expect(outside(w.requests)).toEqual([]);
    expect((await w.traps()).violations).toEqual([]);
    await w.ctx.close();
  });

  it('the embed page asks only its own origin too, and carries the policy', async () => {
    // vite preview answers an unknown path with index.html: only a page of its own counts.
    const [embed, index] = await Promise.all(['./embed.html', './'].map(async (p) => (await fetch(new URL(p, base))).text()));
    expect(embed, 'the build has an embed page of its own').not.toBe(index);
    const policy = await policyOf('./embed.html');
    expect(policy!.get('script-src')).toEqual(["'self'"]);
    const w = await openWatched(browser, new URL('./embed.html', base).href);
    await mapIdle(w.page);
    await w.page.waitForTimeout(1000);
    expect(w.requests.length).toBeGreaterThan(3);
    expect(outside(w.requests)).toEqual([]);
    const { violations, pwned } = await w.traps();
    expect(violations).toEqual([]);
    expect(pwned).toEqual([]);
    await w.ctx.close();
  });
});
