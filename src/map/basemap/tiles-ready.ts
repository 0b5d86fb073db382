// The basemap's vector tiles are generated, not committed (5 461 files): every
// entry point that serves the app (npm start, npm run build/dev through the Vite
// plugin below, the e2e setup) makes them first when they are missing or are
// not the ones the committed record (src/map/basemap/tiles.json) describes.
// Node only (fs, child_process): imported by vite.config.ts and scripts, never
// by the app.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { TILES_RECORD, TILES_STAMP } from './tiling.ts';

/** Why the tiles under `root`/public are not usable, or null when they are. */
export function tilesProblem(root: string): string | null {
  const stamp = join(root, 'public', TILES_STAMP);
  if (!existsSync(stamp)) return `public/${TILES_STAMP} is missing`;
  const record = join(root, TILES_RECORD);
  // No record (a checkout without one): any complete folder will do.
  if (existsSync(record) && readFileSync(stamp, 'utf8') !== readFileSync(record, 'utf8')) {
    return `public/${TILES_STAMP} differs from ${TILES_RECORD} (tiles from another build)`;
  }
  return null;
}

/**
 * Runs `npm run basemap` when the tiles are not usable. Returns null when they
 * are afterwards, else what is wrong (the caller decides whether that is fatal).
 */
export function ensureTiles(root: string, log: (msg: string) => void = console.warn): string | null {
  const problem = tilesProblem(root);
  if (!problem) return null;
  log(`basemap tiles: ${problem}; making them with npm run basemap …`);
  const r = spawnSync('npm', ['run', '--silent', 'basemap'], { cwd: root, stdio: 'inherit', timeout: 600_000 });
  const after = tilesProblem(root);
  return after && `${after} (npm run basemap exited ${r.status ?? r.error?.message})`;
}

/** `vite build` and `vite` (dev) make the tiles first, and fail clearly if they cannot. */
export function basemapTiles(root: string): Plugin {
  return {
    name: 'event-map-basemap-tiles',
    buildStart() {
      const problem = ensureTiles(root, (m) => this.warn(m));
      if (problem) this.error(`the offline basemap's tiles are not there: ${problem}. Run \`npm run basemap\`.`);
    },
  };
}
