import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Topology } from 'topojson-specification';
import { area } from '@turf/turf';
import {
  CRIMEA_BBOX,
  boundaries,
  countryAt,
  countryPolygons,
  dropCutSegments,
  planarPolygons,
  planarRing,
  unwrapLine,
  worldCountries,
  type CountryRecord,
} from './world-polygons';

const require = createRequire(import.meta.url);
const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
const list = JSON.parse(readFileSync(require.resolve('world-countries/countries.json'), 'utf8')) as CountryRecord[];
const world = worldCountries(topology, list);
const countries = countryPolygons(world);
const byCode = new Map(countries.map((c) => [c.properties.iso2, c]));

describe('worldCountries / countryPolygons', () => {
  it('moves exactly one polygon (Crimea) from Russia to Ukraine', () => {
    expect(world.crimeaPolygonsMoved).toBe(1);
  });

  it('does not modify the input topology', () => {
    const fresh = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
    expect(topology.objects).toEqual(fresh.objects);
  });

  // [lon, lat] → expected ISO alpha-2 (undefined: at sea).
  const cases: { name: string; at: [number, number]; expected: string | undefined }[] = [
    { name: 'Simferopol', at: [34.1, 44.95], expected: 'UA' },
    { name: 'Sevastopol', at: [33.52, 44.59], expected: 'UA' },
    { name: 'Kerch', at: [36.47, 45.36], expected: 'UA' },
    { name: 'Kyiv', at: [30.52, 50.45], expected: 'UA' },
    { name: 'Taman peninsula', at: [37.0, 45.2], expected: 'RU' },
    { name: 'Moscow', at: [37.62, 55.75], expected: 'RU' },
    { name: 'Kaliningrad', at: [20.5, 54.7], expected: 'RU' },
    { name: 'Chukotka west of the antimeridian', at: [172, 67], expected: 'RU' },
    { name: 'Chukotka east of the antimeridian', at: [-173.2, 66.0], expected: 'RU' },
    { name: 'Hargeisa (Somaliland is Somalia)', at: [44.06, 9.56], expected: 'SO' },
    { name: 'Northern Nicosia (Northern Cyprus is Cyprus)', at: [33.6, 35.25], expected: 'CY' },
    { name: 'Pristina', at: [21.17, 42.67], expected: 'XK' },
    { name: 'the South Pole plateau (Antarctica made planar)', at: [0, -80], expected: 'AQ' },
    { name: 'Antarctica across the antimeridian', at: [179.5, -85], expected: 'AQ' },
    { name: 'Southern Ocean', at: [0, -60], expected: undefined },
    { name: 'Black Sea', at: [34.0, 43.0], expected: undefined },
    { name: 'Sea of Azov', at: [36.5, 46.0], expected: undefined },
  ];
  for (const c of cases) {
    it(`${c.name} is in ${c.expected ?? 'no country'}`, () => {
      expect(countryAt(countries, c.at)).toBe(c.expected);
    });
  }

  it('Simferopol is inside Ukraine’s polygon and not Russia’s', () => {
    const at: [number, number] = [34.1, 44.95];
    expect(countryAt([byCode.get('UA')!], at)).toBe('UA');
    expect(countryAt([byCode.get('RU')!], at)).toBeUndefined();
  });

  it('gives Ukraine its recognised area (about 603 000 km² with Crimea)', () => {
    const km2 = area(byCode.get('UA')!) / 1e6;
    expect(km2).toBeGreaterThan(580_000);
    expect(km2).toBeLessThan(625_000);
    // Crimea dissolved into the mainland: Kyiv and Simferopol in one polygon,
    // so there is no seam (and no outline) at Perekop.
    const g = byCode.get('UA')!.geometry;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    const holder = (at: [number, number]) =>
      polys.findIndex((p) => countryAt([{ ...byCode.get('UA')!, geometry: { type: 'Polygon', coordinates: p } }], at));
    expect(holder([34.1, 44.95])).toBeGreaterThanOrEqual(0);
    expect(holder([34.1, 44.95])).toBe(holder([30.52, 50.45]));
  });

  it('codes every unit with a unique ISO alpha-2 code', () => {
    const codes = countries.map((c) => c.properties.iso2);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^[A-Z]{2}$/);
    expect(codes).toEqual([...codes].sort());
  });
});

describe('boundaries', () => {
  const b = boundaries(world);
  const inCrimea = ([lon, lat]: number[]) =>
    lon! > CRIMEA_BBOX.west && lon! < CRIMEA_BBOX.east && lat! > CRIMEA_BBOX.south && lat! < 46.15;

  it('has no international border across Crimea (Perekop is not a border)', () => {
    const vertices = b.international.coordinates.flat();
    expect(vertices.length).toBeGreaterThan(10_000);
    expect(vertices.filter(inCrimea)).toEqual([]);
  });

  it('keeps the Ukraine–Russia land border, which reaches the Sea of Azov', () => {
    const near = (lon: number, lat: number) =>
      b.international.coordinates.some((l) => l.some(([x, y]) => Math.hypot(x! - lon, y! - lat) < 0.3));
    expect(near(38.2, 47.1)).toBe(true); // Azov coast east of Mariupol
    expect(near(31.8, 52.1)).toBe(true); // tripoint with Belarus
  });

  it('draws Somaliland and Western Sahara lines as disputed, not international', () => {
    expect(b.disputed.coordinates.length).toBeGreaterThan(0);
    const nearHargeisa = (l: number[][]) => l.some(([x, y]) => x! > 43 && x! < 49.5 && y! > 7.5 && y! < 11.5);
    expect(b.disputed.coordinates.some(nearHargeisa)).toBe(true);
  });

  it('has no coast along the antimeridian or the south pole', () => {
    for (const line of b.coast.coordinates) {
      for (let i = 1; i < line.length; i++) {
        const [p, q] = [line[i - 1]!, line[i]!];
        expect(p[1]! <= -89.9 && q[1]! <= -89.9).toBe(false);
      }
    }
  });
});

describe('planar helpers', () => {
  it('unwrapLine makes longitudes continuous across 180°', () => {
    expect(unwrapLine([[179, 0], [-179, 1], [-178, 2]])).toEqual([[179, 0], [181, 1], [182, 2]]);
    expect(unwrapLine([[-179, 0], [179, 1]])).toEqual([[-179, 0], [-181, 1]]);
  });

  it('planarRing closes a ring around the pole along the pole', () => {
    const ring = planarRing([[-180, -70], [-90, -72], [0, -71], [90, -70], [180, -70]]);
    expect(ring[ring.length - 1]).toEqual(ring[0]);
    expect(ring.slice(-3, -1)).toEqual([[180, -90], [-180, -90]]);
  });

  it('planarPolygons turns a ring round the pole with a coast hole into the coast closed along the pole', () => {
    const cap = [[-180, -89.999], [0, -89.999], [180, -89.999], [-180, -89.999]];
    const coast = [[-180, -70], [0, -65], [180, -70]];
    const [poly, ...rest] = planarPolygons([cap, coast]);
    expect(rest).toEqual([]);
    expect(poly).toEqual([[[-180, -70], [0, -65], [180, -70], [180, -90], [-180, -90], [-180, -70]]]);
    const square = [[0, 0], [1, 0], [1, 1], [0, 0]];
    expect(planarPolygons([square])).toEqual([[square]]);
  });

  it('dropCutSegments splits a line where it runs along a cut', () => {
    expect(dropCutSegments([[170, 60], [180, 61], [180, 65], [170, 66]])).toEqual([
      [[170, 60], [180, 61]],
      [[180, 65], [170, 66]],
    ]);
  });
});
