// The hostile test data: what the real pipeline (scripts/build-data.ts) makes
// of tests/fixtures/hostile/seeds (markup and script in text, titles and ids;
// bidi, zero-width, emoji; a 12 000-character word), built into a temp folder.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The events.geojson text built from the hostile seeds; throws with the build's stderr when it fails. */
export function buildHostileEvents(): string {
  const out = mkdtempSync(join(tmpdir(), 'trust-e2e-hostile-'));
  try {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/build-data.ts'), '--seeds', join(ROOT, 'tests/fixtures/hostile/seeds'), '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, TZ: 'UTC' },
      timeout: 120_000,
    });
    if (r.status !== 0) throw new Error(`hostile build failed: ${r.stderr}`);
    return readFileSync(join(out, 'events.geojson'), 'utf8');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
