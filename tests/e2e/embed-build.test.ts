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

/** Relative module URLs in built JS: static imports, dynamic imports (and Vite's preload lists), `new URL(x, import.meta.url)`. */
function refs(js: string): { static: string[]; dynamic: string[]; assets: string[] } {
  const q = '["\'`]';
  const all = (re: RegExp) => [...js.matchAll(re)].map((m) => m[1]!);
  return {
    static: all(new RegExp(`\\b(?:import|export)\\s*(?:[^'"\`;()]*?\\bfrom\\s*)?${q}([^"'\`]+\\.m?js)${q}`, 'g')),
    dynamic: [
      ...all(new RegExp(`\\bimport\\(\\s*${q}([^"'\`]+)${q}\\s*\\)`, 'g')),
      ...all(/m\.f=\[([^\]]*)\]/g).flatMap((l) => [...l.matchAll(/["'`]([^"'`]+)["'`]/g)].map((m) => m[1]!)),
    ],
    assets: all(new RegExp(`new URL\\(\\s*${q}([^"'\`]+)${q}\\s*,\\s*import\\.meta\\.url\\s*\\)`, 'g')),
  };
}

/** Fetches JS modules from `roots` and (transitively) their static imports, and dynamic ones too with `dynamic`; every one must be served. */
async function crawl(roots: string[], dynamic: boolean): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  const queue = [...roots];
  while (queue.length) {
    const u = queue.shift()!;
    if (seen.has(u)) continue;
    const r = await fetch(u);
    expect(r.status, u).toBe(200);
    const text = await r.text();
    seen.set(u, text);
    const found = refs(text);
    // Vite's preload lists are written relative to event-map.js's folder in the entry and to the chunk's own folder in chunks.
    for (const ref of [...found.static, ...(dynamic ? found.dynamic : [])]) queue.push(new URL(ref, u).href);
  }
  return seen;
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

  it('event-map.js is a small module that imports the app (and MapLibre) only lazily; every chunk and the worker resolve next to it', async () => {
    const js = await get('event-map.js');
    expect(js.status).toBe(200);
    expect(js.type).toMatch(/javascript/);
    expect(js.text).toContain('customElements.define(');
    expect(js.text).toContain('Loading map…');
    // What the host page loads before the element asks for the app: event-map.js and its static imports.
    const entry = new URL('event-map.js', base).href;
    const first = await crawl([entry], false);
    const firstBytes = [...first.values()].reduce((n, t) => n + t.length, 0);
    expect(firstBytes).toBeLessThan(16 * 1024);
    for (const text of first.values()) expect(text).not.toMatch(/MapLibre GL JS|maplibregl-ctrl/);
    // Everything, dynamic imports followed: relative URLs only, all served, and no chunk imports event-map.js back
    // (a host page that adds ?v=1 to it would otherwise run it twice).
    const all = await crawl([entry], true);
    const chunks = [...all.keys()].filter((u) => u !== entry);
    expect(chunks.some((u) => /\/assets\/event-map-maplibre-[\w-]+\.js$/.test(u)), chunks.join(' ')).toBe(true);
    expect(chunks.some((u) => /\/assets\/event-map-web-component-app-[\w-]+\.js$/.test(u)), chunks.join(' ')).toBe(true);
    for (const [u, text] of all) {
      for (const r of [...refs(text).static, ...refs(text).dynamic]) {
        expect(r, `${u} → ${r}`).toMatch(/^\.\.?\//);
        expect(new URL(r, u).href, `${u} → ${r}`).not.toBe(entry);
      }
    }
    // MapLibre's worker: found from import.meta.url of the chunk that holds MapLibre.
    const workers = [...all].flatMap(([u, text]) => refs(text).assets.filter((a) => /maplibre-gl-worker.*\.mjs$/.test(a)).map((a) => new URL(a, u).href));
    expect(workers.length).toBeGreaterThan(0);
    for (const w of workers) expect((await fetch(w)).status, w).toBe(200);
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
    const js = [...(await crawl([new URL('event-map.js', base).href], true)).values()].join('\n');
    const files = [...new Set([...js.matchAll(/[`"'](basemap\/[\w.-]+)[`"']/g)].map((m) => m[1]!))];
    expect(files).toContain('basemap/tiles');
    const probe: Record<string, string> = { 'basemap/sprite': 'basemap/sprite.json', 'basemap/tiles': 'basemap/tiles/0/0/0.pbf' };
    for (const f of files) {
      const path = probe[f] ?? f;
      const res = await fetch(new URL(path, base));
      expect(res.status, path).toBe(200);
      // vite preview answers an unknown path with index.html (200): the file must be the real one.
      expect((await res.text()).slice(0, 200).toLowerCase(), path).not.toContain('<!doctype html');
    }
    expect((await fetch(new URL('data/events.geojson', base))).status).toBe(200);
  });
});
