import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Topology } from 'topojson-specification';
import type { Polygon } from 'geojson';
import { labelPoint, polygonLabelPoint, regionalLabelPoints } from './label-point';
import { containsPoint, countryPolygons, worldCountries, type CountryRecord } from './world-polygons';

const require = createRequire(import.meta.url);

describe('polygonLabelPoint', () => {
  it('puts a C-shaped polygon’s point inside it, where its centroid is outside', () => {
    // A "C" opening east: the centroid (~[3.4, 5]) falls in the notch.
    const c: Polygon = {
      type: 'Polygon',
      coordinates: [[[0, 0], [10, 0], [10, 2], [2, 2], [2, 8], [10, 8], [10, 10], [0, 10], [0, 0]]],
    };
    const { point, clearance } = polygonLabelPoint(c.coordinates);
    expect(containsPoint(c, point)).toBe(true);
    expect(clearance).toBeGreaterThan(0);
    expect(point[0]).toBeLessThan(2);
  });

  it('finds the middle of a square', () => {
    const { point } = polygonLabelPoint([[[0, -5], [10, -5], [10, 5], [0, 5], [0, -5]]]);
    expect(point[0]).toBeCloseTo(5, 1);
    expect(point[1]).toBeCloseTo(0, 1);
  });

  it('avoids a hole', () => {
    const rings = [
      [[0, -5], [10, -5], [10, 5], [0, 5], [0, -5]],
      [[3, -2], [7, -2], [7, 2], [3, 2], [3, -2]],
    ];
    const { point } = polygonLabelPoint(rings);
    expect(containsPoint({ type: 'Polygon', coordinates: rings }, point)).toBe(true);
  });

  it('is deterministic', () => {
    const ring = [[[0, 0], [7, 1], [9, 6], [3, 9], [0, 0]]];
    expect(polygonLabelPoint(ring)).toEqual(polygonLabelPoint(ring));
  });
});

describe('country label points', () => {
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
  const list = JSON.parse(readFileSync(require.resolve('world-countries/countries.json'), 'utf8')) as CountryRecord[];
  const countries = countryPolygons(worldCountries(topology, list));

  it('lies inside its own country for every country', () => {
    const outside = countries
      .filter((c) => {
        const [lon, lat] = labelPoint(c.geometry).point;
        return ![lon, lon + 360, lon - 360].some((x) => containsPoint(c.geometry, [x, lat]));
      })
      .map((c) => c.properties.iso2);
    expect(outside).toEqual([]);
  });

  it('labels Ukraine in central Ukraine and Russia in Siberia', () => {
    const at = (iso2: string) => labelPoint(countries.find((c) => c.properties.iso2 === iso2)!.geometry).point;
    const [uaLon, uaLat] = at('UA');
    expect(uaLon).toBeGreaterThan(29);
    expect(uaLon).toBeLessThan(36);
    expect(uaLat).toBeGreaterThan(47.5);
    expect(uaLat).toBeLessThan(50.5);
    expect(at('RU')[0]).toBeGreaterThan(60);
  });

  it('repeats Russia’s name in European Russia for regional views', () => {
    const ru = countries.find((c) => c.properties.iso2 === 'RU')!;
    const extra = regionalLabelPoints(ru.geometry, labelPoint(ru.geometry).point);
    expect(extra.some(([lon, lat]) => lon > 30 && lon < 50 && lat > 48 && lat < 60)).toBe(true);
  });
});
