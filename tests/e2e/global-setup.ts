// Builds the app once and serves dist/ on a loopback port for the e2e tests.
// The URL reaches the tests through vitest's provide/inject.
//
// The app is tested against the REAL data: when data/events.geojson (or the
// basemap's generated tiles in public/basemap/tiles) is missing, the project's
// own build scripts make it first. Only when the data build is unavailable or
// fails does the build fall back to the hand-made fixture (tests/fixtures/app),
// and says so.
import { build, preview, type PreviewServer } from 'vite';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureTiles } from '../../src/map/basemap/tiles-ready.ts';

let server: PreviewServer | undefined;
const root = resolve(import.meta.dirname, '../..');

function npmScripts(): Record<string, string> {
  try {
    return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts ?? {};
  } catch {
    return {};
  }
}

function ensure(output: string, script: string): boolean {
  if (existsSync(join(root, output))) return true;
  if (!npmScripts()[script]) return false;
  try {
    console.warn(`e2e setup: ${output} is missing, running npm run ${script}`);
    execFileSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit', timeout: 600_000 });
  } catch (e) {
    console.warn(`e2e setup: npm run ${script} failed: ${String(e)}`);
  }
  return existsSync(join(root, output));
}

export default async function setup(project: TestProject) {
  // The basemap's vector tiles are generated (gitignored): make them when missing or stale.
  const tiles = ensureTiles(root, (m) => console.warn(`e2e setup: ${m}`));
  if (tiles) throw new Error(`e2e setup: ${tiles}`);
  const realData = ensure('data/events.geojson', 'data');
  if (!realData) {
    console.warn('e2e setup: no data/events.geojson; building the app with tests/fixtures/app instead');
    process.env.EVENTMAP_DATA_DIR = 'tests/fixtures/app';
  }
  // A private outDir per run, so parallel runs never overwrite each other's build.
  const outDir = mkdtempSync(join(tmpdir(), 'event-map-e2e-'));
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  server = await preview({ build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  project.provide('baseUrl', url);
  project.provide('dataSource', realData ? 'real' : 'fixture');
  project.provide('distDir', outDir);
  return async () => {
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** Whether the build used data/events.geojson ('real') or the fixture. */
    dataSource: 'real' | 'fixture';
    /** The built app (for tests that serve it some other way, e.g. from a sub-path). */
    distDir: string;
  }
}
