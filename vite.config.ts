import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { cspPlugin } from './src/security/vite-csp.ts';
import { embedBuilds } from './src/embed/vite-embed-builds.ts';

/**
 * Serves `data/*.geojson` at ./data/ in dev and copies them into dist/data
 * at build, so the app loads `./data/events.geojson` from its own origin.
 * EVENTMAP_DATA_DIR points it at another folder (the e2e setup uses the
 * fixture when the real data cannot be built).
 */
function eventData(): Plugin {
  const dir = resolve(import.meta.dirname, process.env.EVENTMAP_DATA_DIR ?? 'data');
  const files = () =>
    existsSync(dir) ? readdirSync(dir).filter((f) => /\.geojson$/.test(f) && statSync(join(dir, f)).isFile()) : [];
  return {
    name: 'event-map-data',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = /\/data\/([\w.-]+\.geojson)(?:\?.*)?$/.exec(req.url ?? '');
        const name = m?.[1];
        if (!name || !files().includes(name)) return next();
        res.setHeader('Content-Type', 'application/geo+json; charset=utf-8');
        res.setHeader('Cache-Control', 'no-cache');
        res.end(readFileSync(join(dir, name)));
      });
    },
    generateBundle() {
      for (const name of files()) {
        this.emitFile({ type: 'asset', fileName: `data/${name}`, source: readFileSync(join(dir, name)) });
      }
    },
  };
}

// base './' so dist/ works from any sub-path of any static host.
export default defineConfig({
  base: './',
  plugins: [svelte(), eventData(), cspPlugin(), embedBuilds()],
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
