// `npm run basemap` is reproducible: rebuilding from the installed packages
// gives exactly the committed files. If this fails after a package update,
// run `npm run basemap` and commit the result.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { buildBasemap } from '../../../scripts/build-basemap';
import { countryAt, type CountryFeature } from '../../geo/world-polygons';

const ROOT = resolve(import.meta.dirname, '../../..');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('build-basemap', () => {
  it('rebuilds byte-identical files to the committed ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'basemap-'));
    try {
      // No timing assertion: ~5 s idle, but CI shares two cores with other suites.
      const { files } = buildBasemap({ publicDir: join(dir, 'public'), srcDir: join(dir, 'src') });
      expect(files.size).toBeGreaterThan(20);
      for (const path of files.keys()) {
        const committed =
          path === 'font-files.json'
            ? readFileSync(join(ROOT, 'src/map/basemap/font-files.json'))
            : readFileSync(join(ROOT, 'public', path));
        const rebuilt = readFileSync(path === 'font-files.json' ? join(dir, 'src', path) : join(dir, 'public', path));
        expect({ path, sha: sha(rebuilt) }).toEqual({ path, sha: sha(committed) });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('ships Crimea inside Ukraine: Simferopol falls in UA’s shipped polygon, not RU’s', () => {
    const { features } = JSON.parse(readFileSync(join(ROOT, 'public/basemap/countries.geojson'), 'utf8')) as {
      features: CountryFeature[];
    };
    expect(countryAt(features, [34.1, 44.95])).toBe('UA');
    expect(countryAt(features.filter((f) => f.properties.iso2 === 'RU'), [34.1, 44.95])).toBeUndefined();
    const boundaries = readFileSync(join(ROOT, 'public/basemap/boundaries.geojson'), 'utf8');
    expect(JSON.parse(boundaries).features.map((f: { properties: { kind: string } }) => f.properties.kind)).toEqual([
      'international',
      'disputed',
    ]);
  });

  it('ships what the map needs, in bounded sizes', () => {
    const labels = JSON.parse(readFileSync(join(ROOT, 'public/basemap/labels.geojson'), 'utf8')) as {
      features: { properties: { kind: string; name: string; z: number } }[];
    };
    const names = (kind: string) => labels.features.filter((f) => f.properties.kind === kind).map((f) => f.properties.name);
    expect(names('country')).toEqual(expect.arrayContaining(['Ukraine', 'Russia', 'Belarus', 'Turkey']));
    expect(names('city')).toEqual(expect.arrayContaining(['Kyiv', 'Odesa', 'Kupiansk', 'Istanbul', 'Simferopol']));
    expect(names('marine')).toContain('Black Sea');
    const bytes = ['countries', 'boundaries', 'labels'].reduce(
      (s, f) => s + readFileSync(join(ROOT, `public/basemap/${f}.geojson`)).length,
      0,
    );
    expect(bytes).toBeLessThan(6 * 1024 * 1024);
  });
});
