import { defineConfig } from 'vite';
import { resolve } from 'node:path';

// The bench page is built on its own (never part of the app's dist/): bench/dist/.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  build: {
    target: 'es2022',
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
  worker: { format: 'es' },
  logLevel: 'warn',
});
