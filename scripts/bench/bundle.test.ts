// bundleReport on a small hand-made dist/ shaped like Vite's output: what counts
// as first load, what as lazy, MapLibre's chunk and worker, the web component.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { bundleReport, htmlRefs, jsRefs, type BundleReport } from './bundle';

let dir: string;
let report: BundleReport;

const FILES: Record<string, string> = {
  'index.html': `<!doctype html><script type="module" crossorigin src="./assets/main-A.js"></script>
<link rel="modulepreload" crossorigin href="./assets/maplibre-M.js"><link rel="modulepreload" crossorigin href="./assets/App-B.js">
<link rel="stylesheet" crossorigin href="./assets/maplibre-M.css"><link rel="stylesheet" crossorigin href="./assets/App-B.css">`,
  'assets/main-A.js': 'import{a as e}from"./App-B.js";e();',
  'assets/App-B.js': 'import{m as t}from"./maplibre-M.js";export function a(){return import(`./lazy-C.js`)}',
  'assets/maplibre-M.js': 'export const m=new URL(`maplibre-gl-worker-W.mjs`,import.meta.url);/* MapLibre GL JS */',
  'assets/maplibre-gl-worker-W.mjs': 'self.onmessage=()=>{};'.repeat(20),
  'assets/lazy-C.js': 'import"./App-B.js";new Worker(new URL(`decode.worker-D.js`,import.meta.url));',
  'assets/decode.worker-D.js': 'onmessage=()=>{}',
  'assets/maplibre-M.css': '.maplibregl-map{overflow:hidden}',
  'assets/App-B.css': '.em-app{display:grid}',
  'event-map.js': 'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["./assets/event-map-app-E.js","./assets/event-map-maplibre-F.js"])))=>i.map(i=>d[i]);import{t as e}from"./assets/event-map-preload-helper-G.js";customElements.define("event-map",class extends HTMLElement{});e(()=>import(`./assets/event-map-app-E.js`),__vite__mapDeps([0,1]),import.meta.url);',
  'assets/event-map-preload-helper-G.js': 'export const t=(f)=>f();',
  'assets/event-map-app-E.js': 'import"./event-map-maplibre-F.js";',
  'assets/event-map-maplibre-F.js': 'export const w=new URL(`maplibre-gl-worker-W.mjs`,import.meta.url);',
  'event-map.css': '.maplibregl-map{}.em-placeholder{}',
  'embed/parent.js': '(function(){})();',
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bundle-report-'));
  for (const [f, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), text);
  }
  report = bundleReport(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const entry = (name: string) => report.entries.find((e) => e.name === name)!;

describe('jsRefs / htmlRefs', () => {
  it('finds static, dynamic, preload-list and import.meta.url references in minified code', () => {
    const r = jsRefs(FILES['event-map.js']! + FILES['assets/maplibre-M.js']! + 'export{x}from"../y.js";');
    expect(r.staticImports).toEqual(['./assets/event-map-preload-helper-G.js', '../y.js']);
    expect(r.dynamicImports).toEqual(['./assets/event-map-app-E.js']);
    expect(r.preloadDeps).toEqual(['./assets/event-map-app-E.js', './assets/event-map-maplibre-F.js']);
    expect(r.assetUrls).toEqual(['maplibre-gl-worker-W.mjs']);
  });
  it('reads scripts, modulepreloads and stylesheets from HTML', () => {
    expect(htmlRefs(FILES['index.html']!)).toEqual({
      scripts: ['./assets/main-A.js'],
      preloads: ['./assets/maplibre-M.js', './assets/App-B.js'],
      styles: ['./assets/maplibre-M.css', './assets/App-B.css'],
    });
  });
});

describe('bundleReport', () => {
  it('reports the entries it finds (no embed.html here)', () => {
    expect(report.entries.map((e) => e.name)).toEqual(['app', 'webComponent', 'parent']);
  });
  it('app: first load = the page\'s scripts and their static imports; lazy = dynamic imports and what they reach; MapLibre measured as its chunk', () => {
    const app = entry('app');
    expect(app.firstLoad.js.files.sort()).toEqual(['assets/App-B.js', 'assets/main-A.js', 'assets/maplibre-M.js']);
    expect(app.firstLoad.css.files).toEqual(['assets/maplibre-M.css', 'assets/App-B.css']);
    expect(app.lazy.js.files.sort()).toEqual(['assets/decode.worker-D.js', 'assets/lazy-C.js']);
    expect(app.worker.files).toEqual(['assets/maplibre-gl-worker-W.mjs']);
    expect(app.maplibre.method).toBe('chunk');
    expect(app.maplibre.js.raw).toBe(FILES['assets/maplibre-M.js']!.length);
    expect(app.maplibre.css.raw).toBe(FILES['assets/maplibre-M.css']!.length);
    expect(app.maplibre.worker.raw).toBe(FILES['assets/maplibre-gl-worker-W.mjs']!.length);
    expect(app.firstLoad.js.raw).toBe(['assets/main-A.js', 'assets/App-B.js', 'assets/maplibre-M.js'].reduce((n, f) => n + FILES[f]!.length, 0));
    expect(app.firstLoad.js.gzip).toBeGreaterThan(0);
    expect(app.firstLoad.js.brotli).toBeGreaterThan(0);
  });
  it('web component: event-map.js and its static import first, the app and MapLibre lazy, the worker found from the MapLibre chunk', () => {
    const wc = entry('webComponent');
    expect(wc.firstLoad.js.files).toEqual(['event-map.js', 'assets/event-map-preload-helper-G.js']);
    expect(wc.firstLoad.css.files).toEqual(['event-map.css']);
    expect(wc.lazy.js.files.sort()).toEqual(['assets/event-map-app-E.js', 'assets/event-map-maplibre-F.js']);
    expect(wc.worker.files).toEqual(['assets/maplibre-gl-worker-W.mjs']);
    expect(wc.maplibre.js.raw).toBe(FILES['assets/event-map-maplibre-F.js']!.length);
  });
  it('parent.js: one file, nothing of MapLibre', () => {
    const p = entry('parent');
    expect(p.firstLoad.js.files).toEqual(['embed/parent.js']);
    expect(p.maplibre.method).toBe('none');
    expect(p.maplibre.js.raw + p.worker.raw).toBe(0);
  });
});
