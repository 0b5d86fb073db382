import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { cspPlugin } from './src/security/vite-csp.ts';
import { embedBuilds } from './src/embed/vite-embed-builds.ts';
import { basemapTiles } from './src/map/basemap/tiles-ready.ts';

/**
 * Serves `data/*.geojson` and `data/*.evb` (with each .evb's details folder
 * `<name>.evb.details/*.json`, see src/data/binary/details.ts) at ./data/ in dev
 * and copies them into dist/data at build, so the app loads its events from its
 * own origin. EVENTMAP_DATA_DIR points it at another folder (the e2e setup uses
 * the fixture when the real data cannot be built).
 */
function eventData(): Plugin {
  const dir = resolve(import.meta.dirname, process.env.EVENTMAP_DATA_DIR ?? 'data');
  const isFile = (p: string) => existsSync(p) && statSync(p).isFile();
  const files = () => (existsSync(dir) ? readdirSync(dir).filter((f) => /\.(geojson|evb)$/.test(f) && isFile(join(dir, f))) : []);
  /** Relative paths of every file to serve: data files and the chunks of each .evb's details folder. */
  const allFiles = () => {
    const out: string[] = [];
    for (const f of files()) {
      out.push(f);
      const details = join(dir, `${f}.details`);
      if (!f.endsWith('.evb') || !existsSync(details) || !statSync(details).isDirectory()) continue;
      for (const c of readdirSync(details).sort()) if (/^\d+\.json$/.test(c) && isFile(join(details, c))) out.push(`${f}.details/${c}`);
    }
    return out;
  };
  const TYPES: Record<string, string> = { geojson: 'application/geo+json; charset=utf-8', evb: 'application/octet-stream', json: 'application/json; charset=utf-8' };
  return {
    name: 'event-map-data',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = /\/data\/([\w.-]+\.(?:geojson|evb)(?:\.details\/\d+\.json)?)(?:\?.*)?$/.exec(req.url ?? '');
        const name = m?.[1];
        if (!name || !allFiles().includes(name)) return next();
        res.setHeader('Content-Type', TYPES[name.slice(name.lastIndexOf('.') + 1)]!);
        res.setHeader('Cache-Control', 'no-cache');
        res.end(readFileSync(join(dir, name)));
      });
    },
    generateBundle() {
      for (const name of allFiles()) {
        this.emitFile({ type: 'asset', fileName: `data/${name}`, source: readFileSync(join(dir, name)) });
      }
    },
  };
}

// base './' so dist/ works from any sub-path of any static host.
export default defineConfig({
  base: './',
  plugins: [svelte(), eventData(), cspPlugin(), embedBuilds(), basemapTiles(import.meta.dirname)],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        embed: resolve(import.meta.dirname, 'embed.html'),
      },
      // MapLibre in a chunk of its own: the app and embed.html share it (cached
      // across both, and unchanged by our releases), and the bundle report
      // (scripts/bench/bundle.ts) measures its share exactly.
      output: { codeSplitting: { groups: [{ name: 'maplibre', test: /[\\/]node_modules[\\/]maplibre-gl[\\/]/ }] } },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
