// Size of the built app: every JS/CSS/HTML file under dist/ (raw, gzip -9,
// brotli), totals per kind, and MapLibre's share.
//
//   npm run build && npx tsx scripts/bundle-report.ts [--dir dist] [--json out.json]
//
// MapLibre's share is measured, not guessed from the package: its prebuilt files
// (maplibre-gl.mjs, the worker, the CSS) are compressed the same way, and each
// built file that embeds MapLibre (found by its bundled code) is split into
// "MapLibre" (the package size, capped at the file size) and "ours" (the rest).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, extname } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

interface Size { raw: number; gzip: number; brotli: number }
interface FileRow extends Size { file: string; kind: string; maplibre: string | null }

export function sizes(buf: Buffer): Size {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const kb = (n: number) => (n / 1024).toFixed(1);

function main() {
  const argv = process.argv.slice(2);
  const opt = (k: string) => { const i = argv.indexOf(`--${k}`); return i >= 0 ? argv[i + 1] : undefined; };
  const dir = resolve(opt('dir') ?? 'dist');
  const pkgDir = resolve(import.meta.dirname, '../node_modules/maplibre-gl/dist');
  const pkg = {
    main: sizes(readFileSync(join(pkgDir, 'maplibre-gl.mjs'))),
    worker: sizes(readFileSync(join(pkgDir, 'maplibre-gl-worker.mjs'))),
    css: sizes(readFileSync(join(pkgDir, 'maplibre-gl.css'))),
  };
  // Markers that survive minification: the license banner or MapLibre's own error strings.
  const markers = { main: [/MapLibre GL JS/, /maplibregl-ctrl/], worker: [/maplibre-gl-worker/, /loadTile|geojson-vt|loadVectorTile/], css: [/\.maplibregl-map/] };
  const rows: FileRow[] = [];
  for (const f of walk(dir)) {
    const ext = extname(f);
    if (!['.js', '.mjs', '.css', '.html'].includes(ext)) continue;
    const buf = readFileSync(f);
    const text = buf.toString('utf8');
    const kind = ext === '.css' ? 'css' : ext === '.html' ? 'html' : 'js';
    let maplibre: string | null = null;
    if (kind === 'css' && markers.css.some((m) => m.test(text))) maplibre = 'css';
    else if (kind === 'js' && /worker/i.test(f) && markers.worker.every((m) => m.test(text))) maplibre = 'worker';
    else if (kind === 'js' && markers.main.some((m) => m.test(text))) maplibre = 'main';
    rows.push({ file: relative(dir, f), kind, maplibre, ...sizes(buf) });
  }
  rows.sort((a, b) => b.raw - a.raw);
  const tot = (pred: (r: FileRow) => boolean): Size => rows.filter(pred).reduce((s, r) => ({ raw: s.raw + r.raw, gzip: s.gzip + r.gzip, brotli: s.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  const ml: Size = { raw: 0, gzip: 0, brotli: 0 };
  for (const r of rows) {
    if (!r.maplibre) continue;
    const p = pkg[r.maplibre as keyof typeof pkg];
    ml.raw += Math.min(p.raw, r.raw);
    ml.gzip += Math.min(p.gzip, r.gzip);
    ml.brotli += Math.min(p.brotli, r.brotli);
  }
  const lines: string[] = [];
  lines.push(`| file | raw KB | gzip KB | brotli KB | MapLibre |`, `|---|---:|---:|---:|---|`);
  for (const r of rows) lines.push(`| ${r.file} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} | ${r.maplibre ?? ''} |`);
  const js = tot((r) => r.kind === 'js'), css = tot((r) => r.kind === 'css'), all = tot(() => true);
  lines.push(`| **JS total** | ${kb(js.raw)} | ${kb(js.gzip)} | ${kb(js.brotli)} | |`);
  lines.push(`| **CSS total** | ${kb(css.raw)} | ${kb(css.gzip)} | ${kb(css.brotli)} | |`);
  lines.push(`| **MapLibre (in the above)** | ${kb(ml.raw)} | ${kb(ml.gzip)} | ${kb(ml.brotli)} | ${((100 * ml.gzip) / Math.max(1, all.gzip)).toFixed(0)}% of gzip |`);
  lines.push(`| **ours (the rest)** | ${kb(all.raw - ml.raw)} | ${kb(all.gzip - ml.gzip)} | ${kb(all.brotli - ml.brotli)} | |`);
  console.log(`Bundle report for ${dir}\n\n${lines.join('\n')}\n`);
  const out = opt('json');
  if (out) writeFileSync(out, JSON.stringify({ dir, files: rows, js, css, maplibre: ml, maplibrePackage: pkg }, null, 2));
}

main();
