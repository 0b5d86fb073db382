// The built embed files as a static host serves them (the e2e setup's build of
// `vite build`): embed.html, the web component (event-map.js + event-map.css),
// the parent script, and that every URL in them is relative, so dist/ works at
// any sub-path of any host.
import { describe, expect, inject, it } from 'vitest';

const base = inject('baseUrl');

async function get(path: string): Promise<{ status: number; type: string; text: string }> {
  const r = await fetch(new URL(path, base));
  return { status: r.status, type: r.headers.get('content-type') ?? '', text: await r.text() };
}

/** src/href values in HTML markup. */
function htmlUrls(html: string): string[] {
  return [...html.matchAll(/\s(?:src|href)\s*=\s*"([^"]*)"/g)].map((m) => m[1]!);
}

describe('the built embed files', () => {
  it('embed.html is its own page (not the app fallback), loads the embed entry by relative URLs, and carries the CSP', async () => {
    const [embed, index] = await Promise.all([get('embed.html'), get('./')]);
    expect(embed.status).toBe(200);
    expect(embed.text).not.toBe(index.text);
    expect(embed.text).toMatch(/<title>Event map \(embed\)<\/title>/);
    expect(embed.text).toMatch(/http-equiv="Content-Security-Policy"/);
    const urls = htmlUrls(embed.text);
    expect(urls.length).toBeGreaterThan(2);
    for (const u of urls) expect(u, u).toMatch(/^\.\//);
    // The referenced files exist.
    for (const u of urls) expect((await fetch(new URL(u, base))).status, u).toBe(200);
  });

  it('event-map.js is one ES module: no static or dynamic imports of other chunks, assets found from import.meta.url', async () => {
    const js = await get('event-map.js');
    expect(js.status).toBe(200);
    expect(js.type).toMatch(/javascript/);
    expect(js.text).toContain('customElements.define(');
    expect(js.text).not.toMatch(/^\s*import\s[^;]*from\s*["'`]/m);
    expect(js.text).not.toMatch(/\bimport\(\s*["'`]/);
    const assetUrls = [...js.text.matchAll(/new URL\(\s*[`"']([^`"']+)[`"']\s*,\s*import\.meta\.url\)/g)].map((m) => m[1]!);
    expect(assetUrls.some((u) => /maplibre-gl-worker.*\.mjs$/.test(u))).toBe(true);
    for (const u of assetUrls) {
      expect(u, u).not.toMatch(/^(\/|[a-z]+:)/i);
      expect((await fetch(new URL(u, new URL('event-map.js', base)))).status, u).toBe(200);
    }
  });

  it('event-map.css holds MapLibre\'s CSS and the app\'s, with only relative or data: URLs', async () => {
    const css = await get('event-map.css');
    expect(css.status).toBe(200);
    expect(css.text).toContain('.maplibregl-map');
    expect(css.text).toContain('.em-app');
    for (const m of css.text.matchAll(/url\(\s*["']?([^"')]+)/g)) expect(m[1], m[1]).toMatch(/^(data:|\.\/|[\w-]+\/|#)/);
  });

  it('embed/parent.js is a classic script with no imports and no absolute URLs', async () => {
    const js = await get('embed/parent.js');
    expect(js.status).toBe(200);
    expect(js.text).not.toMatch(/^\s*(import|export)\s/m);
    expect(js.text).not.toMatch(/https?:\/\//);
    expect(js.text).toContain('xPYMx');
    expect(js.text).toContain('datawrapper-height');
  });

  it('the basemap files the web component asks for (relative to its own URL) sit next to it', async () => {
    const js = (await get('event-map.js')).text;
    const files = [...new Set([...js.matchAll(/[`"'](basemap\/[\w.-]+)[`"']/g)].map((m) => m[1]!))];
    expect(files).toContain('basemap/countries.geojson');
    for (const f of files) {
      const path = f === 'basemap/sprite' ? 'basemap/sprite.json' : f;
      expect((await fetch(new URL(path, base))).status, path).toBe(200);
    }
    expect((await fetch(new URL('data/events.geojson', base))).status).toBe(200);
  });
});
