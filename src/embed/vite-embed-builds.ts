// Vite plugin: after the app build (index.html, embed.html) has been written,
// build into the same folder
//   event-map.js + event-map.css   the web component: a small ES module that defines
//                                  <event-map> and its placeholder, and all the CSS;
//                                  the app (Svelte, App, MapLibre in a chunk of its
//                                  own) in assets/event-map-*.js, imported dynamically
//                                  relative to event-map.js (as is MapLibre's worker,
//                                  from import.meta.url)
//   embed/parent.js                the parent-page script, a classic script
// so `vite build` (and the e2e setup, which calls Vite's build()) produces
// everything. The nested builds use no config file, so they do not recurse.
import { build, type InlineConfig, type Plugin, type ResolvedConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { resolve } from 'node:path';

export function webComponentBuild(root: string, outDir: string): InlineConfig {
  return {
    configFile: false,
    root,
    base: './',
    logLevel: 'warn',
    publicDir: false,
    plugins: [svelte()],
    build: {
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      target: 'es2022',
      cssCodeSplit: false,
      chunkSizeWarningLimit: 2000,
      rollupOptions: {
        input: { 'event-map': resolve(root, 'src/embed/web-component.ts') },
        preserveEntrySignatures: 'exports-only',
        output: {
          format: 'es',
          // Only the dynamic import of the app splits (the entry imports nothing
          // the app uses, see lazy.ts); MapLibre gets a chunk of its own, like in the app.
          codeSplitting: { groups: [{ name: 'maplibre', test: /[\\/]node_modules[\\/]maplibre-gl[\\/]/ }] },
          entryFileNames: 'event-map.js',
          chunkFileNames: 'assets/event-map-[name]-[hash].js',
          assetFileNames: (info) => (info.names.some((n) => n.endsWith('.css')) ? 'event-map.css' : 'assets/[name]-[hash][extname]'),
        },
      },
    },
  };
}

export function parentScriptBuild(root: string, outDir: string): InlineConfig {
  return {
    configFile: false,
    root,
    base: './',
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      target: 'es2017',
      rollupOptions: {
        input: { parent: resolve(root, 'src/embed/parent.ts') },
        output: { format: 'iife', entryFileNames: 'embed/parent.js' },
      },
    },
  };
}

export function embedBuilds(): Plugin {
  let config: ResolvedConfig | undefined;
  return {
    name: 'event-map-embed-builds',
    apply: 'build',
    configResolved(c) {
      config = c;
    },
    async closeBundle() {
      if (!config || config.build.watch) return;
      const outDir = resolve(config.root, config.build.outDir);
      await build(webComponentBuild(config.root, outDir));
      await build(parentScriptBuild(config.root, outDir));
    },
  };
}
