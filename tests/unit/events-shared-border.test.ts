import { describe, expect, it } from 'vitest';
import { sharedBorder } from '../../src/geoparse/borders/shared-border.ts';

describe('sharedBorder', () => {
  it('finds the Ukraine–Belarus border, with its midpoint on it', () => {
    const b = sharedBorder('UA', 'BY');
    expect(b).not.toBeNull();
    expect(b!.line.type).toBe('MultiLineString');
    const [lon, lat] = b!.point;
    expect(lat).toBeGreaterThan(51);
    expect(lat).toBeLessThan(52.5);
    expect(lon).toBeGreaterThan(23.5);
    expect(lon).toBeLessThan(31.8);
  });

  it('is symmetric and case-insensitive', () => {
    expect(sharedBorder('by', 'ua')).toEqual(sharedBorder('UA', 'BY'));
  });

  it.each([
    ['UA', 'FR'],
    ['UA', 'UA'],
    ['UA', 'XX'],
  ])('%s–%s has no shared border', (a, b) => {
    expect(sharedBorder(a, b)).toBeNull();
  });

  it('draws the internationally recognised UA–RU border (no Crimea isthmus line)', () => {
    const b = sharedBorder('UA', 'RU')!;
    const all = b.line.coordinates.flat();
    // Nothing south of the Sea of Azov coast line where the land border ends (~47.1°N).
    expect(Math.min(...all.map((c) => c[1]!))).toBeGreaterThan(46.5);
  });
});
