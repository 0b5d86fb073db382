// Bundle report from a built dist/ (after `vite build`): per entry point, what a
// browser downloads for the first load and what it fetches only later (lazy),
// JS raw / gzip -9 / brotli q11 and CSS, and how much of it is MapLibre.
//
//   bundleReport('dist') → BundleReport          (CLI: scripts/bundle-report.ts)
//
// Entry points:
//   app           index.html  its module scripts, modulepreloads and stylesheets
//   embed         embed.html  the same for the iframe page
//   webComponent  event-map.js (+ event-map.css, which the host page links)
//   parent        embed/parent.js (classic script, no imports)
// "First load" = the entry's scripts and their static imports (transitively);
// "lazy" = chunks reached only through dynamic import() (and Vite's preload
// lists for them), with their own static imports. MapLibre's worker
// (`new URL('…worker….mjs', import.meta.url)`) is reported apart: the map starts
// it at once, so it is part of what the first paint waits for.
//
// MapLibre's share: when the build puts it in a chunk of its own (a file named
// maplibre-*.js / maplibre-*.css, see vite.config.ts and
// src/embed/vite-embed-builds.ts), that file's size, measured ('chunk'). In an
// older build where it is mixed into another chunk, the size of the package's
// own prebuilt file compressed the same way, capped at the chunk ('estimate').
// Sizes are per file (each file is compressed on its own, as served).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface Size {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface FileGroup extends Size {
  /** Paths relative to the dist folder, '/'-separated. */
  files: string[];
}

export interface MapLibreShare {
  /** MapLibre's main code inside the JS this entry loads (first load + lazy). */
  js: Size;
  css: Size;
  worker: Size;
  /** 'chunk': MapLibre has files of its own, measured; 'estimate': the package's size, capped at the chunk that holds it. */
  method: 'chunk' | 'estimate' | 'none';
}

export interface EntryReport {
  name: 'app' | 'embed' | 'webComponent' | 'parent';
  /** The entry file, relative to dist. */
  entry: string;
  firstLoad: { js: FileGroup; css: FileGroup };
  lazy: { js: FileGroup; css: FileGroup };
  /** MapLibre's worker script(s), fetched by the map when it starts. */
  worker: FileGroup;
  maplibre: MapLibreShare;
}

export interface BundleReport {
  dir: string;
  entries: EntryReport[];
  /** The sizes of MapLibre's own prebuilt files (node_modules/maplibre-gl/dist), compressed the same way; only when an estimate needed them. */
  maplibrePackage: Partial<Record<'main' | 'worker' | 'css', Size | null>>;
}

const ZERO: Size = { raw: 0, gzip: 0, brotli: 0 };

export function sizes(buf: Buffer): Size {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length,
  };
}

export function addSizes(a: Size, b: Size): Size {
  return { raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli };
}

const minSize = (a: Size, b: Size): Size => ({ raw: Math.min(a.raw, b.raw), gzip: Math.min(a.gzip, b.gzip), brotli: Math.min(a.brotli, b.brotli) });

/** URL-ish references found in one built JS file (relative paths as written). */
export interface JsRefs {
  staticImports: string[];
  dynamicImports: string[];
  /** Vite's `__vite__mapDeps` list: files preloaded with a dynamic import, relative to the dist root. */
  preloadDeps: string[];
  /** `new URL('literal', import.meta.url)` */
  assetUrls: string[];
}

const Q = '["\'`]';
const STATIC_RE = new RegExp(`\\b(?:import|export)\\s*(?:[^'"\`;()]*?\\bfrom\\s*)?${Q}(\\.{1,2}/[^"'\`]+\\.m?js)${Q}`, 'g');
const DYNAMIC_RE = new RegExp(`\\bimport\\(\\s*${Q}(\\.{1,2}/[^"'\`]+)${Q}\\s*\\)`, 'g');
const MAPDEPS_RE = /m\.f=\[([^\]]*)\]/g;
const ASSET_RE = new RegExp(`new URL\\(\\s*${Q}([^"'\`]+)${Q}\\s*,\\s*import\\.meta\\.url\\s*\\)`, 'g');

export function jsRefs(code: string): JsRefs {
  const all = (re: RegExp) => [...code.matchAll(re)].map((m) => m[1]!);
  return {
    staticImports: all(STATIC_RE),
    dynamicImports: all(DYNAMIC_RE),
    preloadDeps: all(MAPDEPS_RE).flatMap((list) => [...list.matchAll(/["'`]([^"'`]+)["'`]/g)].map((m) => m[1]!)),
    assetUrls: all(ASSET_RE),
  };
}

/** Script, modulepreload and stylesheet URLs of an HTML page, in order. */
export function htmlRefs(html: string): { scripts: string[]; preloads: string[]; styles: string[] } {
  const out = { scripts: [] as string[], preloads: [] as string[], styles: [] as string[] };
  for (const m of html.matchAll(/<(script|link)\b([^>]*)>/gi)) {
    const attrs = Object.fromEntries([...m[2]!.matchAll(/([\w-]+)\s*=\s*"([^"]*)"/g)].map((a) => [a[1]!.toLowerCase(), a[2]!]));
    if (m[1]!.toLowerCase() === 'script' && attrs['src']) out.scripts.push(attrs['src']);
    else if (attrs['rel'] === 'modulepreload' && attrs['href']) out.preloads.push(attrs['href']);
    else if (attrs['rel'] === 'stylesheet' && attrs['href']) out.styles.push(attrs['href']);
  }
  return out;
}

const isRemote = (u: string) => /^([a-z][\w+.-]*:|\/\/)/i.test(u);

class Dist {
  readonly #sizes = new Map<string, Size>();
  constructor(readonly dir: string) {}
  /** A reference from `fromFile` (relative to dist) → a dist-relative path, or null if outside / missing. */
  resolveRef(fromFile: string, ref: string, fromRoot = false): string | null {
    if (isRemote(ref)) return null;
    const clean = ref.replace(/[?#].*$/, '');
    const p = clean.startsWith('/') ? clean.slice(1) : posix.normalize(posix.join(fromRoot ? '' : posix.dirname(fromFile), clean));
    if (p.startsWith('..')) return null;
    return this.exists(p) ? p : null;
  }
  exists(rel: string): boolean {
    const f = join(this.dir, rel);
    return existsSync(f) && statSync(f).isFile();
  }
  text(rel: string): string {
    return readFileSync(join(this.dir, rel), 'utf8');
  }
  size(rel: string): Size {
    let s = this.#sizes.get(rel);
    if (!s) this.#sizes.set(rel, (s = sizes(readFileSync(join(this.dir, rel)))));
    return s;
  }
  group(files: Iterable<string>): FileGroup {
    const list = [...new Set(files)];
    return { files: list, ...list.reduce((acc, f) => addSizes(acc, this.size(f)), ZERO) };
  }
}

const isMapLibreWorker = (f: string) => /(^|\/)maplibre-gl-worker[^/]*\.m?js$/.test(f);
const isCss = (f: string) => f.endsWith('.css');

interface Walk {
  js: Set<string>;
  css: Set<string>;
  workers: Set<string>;
  dynamic: Set<string>;
}

/** Static closure of `roots`; dynamic imports (and their preload lists) are collected, not followed. */
function walkStatic(d: Dist, roots: string[]): Walk {
  const w: Walk = { js: new Set(), css: new Set(), workers: new Set(), dynamic: new Set() };
  const queue = [...roots];
  while (queue.length) {
    const f = queue.shift()!;
    if (w.js.has(f)) continue;
    w.js.add(f);
    const refs = jsRefs(d.text(f));
    for (const r of refs.staticImports) {
      const p = d.resolveRef(f, r);
      if (p) queue.push(p);
    }
    for (const r of refs.dynamicImports) {
      const p = d.resolveRef(f, r);
      if (p) w.dynamic.add(p);
    }
    for (const r of refs.preloadDeps) {
      // Vite writes these relative to the base (the dist root here); fall back to the importer's folder.
      const p = d.resolveRef(f, r, true) ?? d.resolveRef(f, r);
      if (p) w.dynamic.add(p);
    }
    for (const r of refs.assetUrls) {
      const p = d.resolveRef(f, r);
      // MapLibre's worker apart; our own workers (a module script each) count as JS where they are reached.
      if (p && isMapLibreWorker(p)) w.workers.add(p);
      else if (p && /\.m?js$/.test(p)) w.js.add(p);
    }
  }
  return w;
}

function entryReport(d: Dist, name: EntryReport['name'], entry: string, firstJs: string[], firstCss: string[]): EntryReport {
  const first = walkStatic(d, firstJs);
  const lazyJs = new Set<string>();
  const lazyCss = new Set<string>();
  const workers = new Set(first.workers);
  // Follow dynamic imports level by level: everything not already in the first load is lazy.
  let pending = [...first.dynamic];
  const seen = new Set<string>();
  while (pending.length) {
    const next: string[] = [];
    for (const f of pending) {
      if (seen.has(f)) continue;
      seen.add(f);
      if (isCss(f)) {
        if (!firstCss.includes(f)) lazyCss.add(f);
        continue;
      }
      const w = walkStatic(d, [f]);
      for (const j of w.js) if (!first.js.has(j)) lazyJs.add(j);
      for (const c of w.css) if (!firstCss.includes(c)) lazyCss.add(c);
      for (const x of w.workers) workers.add(x);
      next.push(...w.dynamic);
    }
    pending = next;
  }
  const allJs = [...first.js, ...lazyJs];
  const allCss = [...firstCss, ...lazyCss];
  const named = (f: string, ext: string) => new RegExp(`(^|/)([\\w-]*-)?maplibre-(?!gl-worker)[\\w-]+\\.${ext}$`).test(f);
  let method: MapLibreShare['method'] = 'none';
  let mlJs = ZERO;
  let mlCss = ZERO;
  for (const f of allJs) {
    if (named(f, 'js')) {
      mlJs = addSizes(mlJs, d.size(f));
      method = 'chunk';
    }
  }
  for (const f of allCss) if (named(f, 'css')) mlCss = addSizes(mlCss, d.size(f));
  // Only an older build without MapLibre chunks needs the package's sizes (slow to compress: computed on demand).
  if (method === 'none') {
    for (const f of allJs) {
      const p = /MapLibre GL JS|maplibregl-ctrl/.test(d.text(f)) ? packageSize('main') : null;
      if (p) {
        mlJs = addSizes(mlJs, minSize(p, d.size(f)));
        method = 'estimate';
      }
    }
  }
  if (mlCss.raw === 0) {
    for (const f of allCss) {
      const p = /\.maplibregl-map/.test(d.text(f)) ? packageSize('css') : null;
      if (p) mlCss = addSizes(mlCss, minSize(p, d.size(f)));
    }
  }
  const worker = d.group(workers);
  return {
    name,
    entry,
    firstLoad: { js: d.group(first.js), css: d.group(firstCss) },
    lazy: { js: d.group(lazyJs), css: d.group(lazyCss) },
    worker,
    maplibre: { js: mlJs, css: mlCss, worker: addSizes(ZERO, worker), method },
  };
}

function htmlEntry(d: Dist, name: EntryReport['name'], html: string): EntryReport | null {
  if (!d.exists(html)) return null;
  const refs = htmlRefs(d.text(html));
  const res = (list: string[]) => list.map((u) => d.resolveRef(html, u)).filter((p): p is string => p !== null);
  return entryReport(d, name, html, [...res(refs.scripts), ...res(refs.preloads)], res(refs.styles));
}

const PKG_FILES = { main: 'maplibre-gl.mjs', worker: 'maplibre-gl-worker.mjs', css: 'maplibre-gl.css' } as const;
const pkgCache: Partial<Record<keyof typeof PKG_FILES, Size | null>> = {};
/** The size of one of MapLibre's prebuilt files, or null where the package is missing. */
function packageSize(kind: keyof typeof PKG_FILES): Size | null {
  if (!(kind in pkgCache)) {
    const f = resolve(import.meta.dirname, '../../node_modules/maplibre-gl/dist', PKG_FILES[kind]);
    pkgCache[kind] = existsSync(f) ? sizes(readFileSync(f)) : null;
  }
  return pkgCache[kind] ?? null;
}

/** Reads a built dist/ and reports each entry point it finds (missing ones are left out). */
export function bundleReport(distDir: string): BundleReport {
  const d = new Dist(resolve(distDir));
  const entries: EntryReport[] = [];
  const app = htmlEntry(d, 'app', 'index.html');
  if (app) entries.push(app);
  const embed = htmlEntry(d, 'embed', 'embed.html');
  if (embed) entries.push(embed);
  if (d.exists('event-map.js')) entries.push(entryReport(d, 'webComponent', 'event-map.js', ['event-map.js'], d.exists('event-map.css') ? ['event-map.css'] : []));
  if (d.exists('embed/parent.js')) entries.push(entryReport(d, 'parent', 'embed/parent.js', ['embed/parent.js'], []));
  return { dir: d.dir, entries, maplibrePackage: { ...pkgCache } };
}

const kb = (n: number) => (n / 1024).toFixed(1);
const trio = (s: Size) => `${kb(s.raw)} / ${kb(s.gzip)} / ${kb(s.brotli)}`;
const pct = (part: number, whole: number) => (whole > 0 ? `${Math.round((100 * part) / whole)}%` : '–');

/** The report as a Markdown table (KB = 1024 bytes; raw / gzip / brotli). */
export function formatBundleReport(r: BundleReport): string {
  const lines = [
    `Bundle report for ${r.dir} (KB, raw / gzip / brotli)`,
    '',
    '| entry | first-load JS | first-load CSS | lazy JS | lazy CSS | MapLibre worker | MapLibre JS (first+lazy) | MapLibre CSS | MapLibre share of JS gzip (first+lazy+worker) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const e of r.entries) {
    const jsAll = addSizes(addSizes(e.firstLoad.js, e.lazy.js), e.worker);
    const ml = addSizes(e.maplibre.js, e.maplibre.worker);
    lines.push(
      `| ${e.name} (${e.entry}) | ${trio(e.firstLoad.js)} | ${trio(e.firstLoad.css)} | ${trio(e.lazy.js)} | ${trio(e.lazy.css)} | ${trio(e.worker)} | ${trio(e.maplibre.js)}${e.maplibre.method === 'estimate' ? ' (est.)' : ''} | ${trio(e.maplibre.css)} | ${pct(ml.gzip, jsAll.gzip)} |`,
    );
  }
  lines.push('', 'Files:', '');
  for (const e of r.entries) {
    const list = (label: string, g: FileGroup) => (g.files.length ? `  ${label}: ${g.files.join(', ')}` : null);
    lines.push(`- ${e.name}`, ...[list('first-load JS', e.firstLoad.js), list('first-load CSS', e.firstLoad.css), list('lazy JS', e.lazy.js), list('lazy CSS', e.lazy.css), list('worker', e.worker)].filter((x): x is string => x !== null));
  }
  return lines.join('\n');
}
