// The shared land boundary of two countries, from Natural Earth 1:50m polygons
// (world-atlas TopoJSON). Topology makes this exact: the boundary is the set of
// arcs the two country geometries have in common, so no polygon intersection
// (and no floating-point slivers) is needed. Node-only.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { MultiLineString, Position } from 'geojson';
import { mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { along, length, lineString } from '@turf/turf';

export interface SharedBorder {
  line: MultiLineString;
  /** [lon, lat] of the point halfway along the border. */
  point: [number, number];
}

interface Atlas {
  topology: Topology;
  countries: GeometryCollection;
  /** ISO alpha-2 → ISO numeric (world-atlas ids). */
  numeric: Map<string, string>;
}

let atlas: Atlas | undefined;

function loadAtlas(): Atlas {
  if (atlas) return atlas;
  const require = createRequire(import.meta.url);
  const topology = JSON.parse(
    readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'),
  ) as Topology;
  const countries = topology.objects['countries'] as GeometryCollection;
  const list = JSON.parse(
    readFileSync(require.resolve('world-countries/countries.json'), 'utf8'),
  ) as { cca2: string; ccn3: string }[];
  const numeric = new Map(list.filter((c) => c.ccn3).map((c) => [c.cca2, c.ccn3]));
  atlas = { topology, countries, numeric };
  return atlas;
}

// Natural Earth's de facto view puts Crimea inside Russia, so world-atlas has a
// "UA–RU" arc across the Perekop isthmus. News maps draw the internationally
// recognised border, which is the land border from the Belarus tripoint to the
// Sea of Azov; drop any UA–RU line lying wholly inside Crimea's bounding box.
const CRIMEA = { west: 32.4, east: 36.7, south: 44.3, north: 46.3 };
const inCrimea = ([lon, lat]: Position) =>
  lon! >= CRIMEA.west && lon! <= CRIMEA.east && lat! >= CRIMEA.south && lat! <= CRIMEA.north;

const cache = new Map<string, SharedBorder | null>();

export function sharedBorder(a: string, b: string): SharedBorder | null {
  const A = a.toUpperCase();
  const B = b.toUpperCase();
  const key = [A, B].sort().join('-');
  if (cache.has(key)) return cache.get(key)!;
  const result = computeBorder(A, B);
  cache.set(key, result);
  return result;
}

function computeBorder(a: string, b: string): SharedBorder | null {
  if (a === b) return null;
  const { topology, countries, numeric } = loadAtlas();
  const na = numeric.get(a);
  const nb = numeric.get(b);
  if (!na || !nb) return null;
  const m = mesh(
    topology,
    countries,
    (x, y) => (x.id === na && y.id === nb) || (x.id === nb && y.id === na),
  );
  let lines = m.coordinates.filter((l) => l.length >= 2);
  if (key2(a, b) === 'RU-UA') lines = lines.filter((l) => !l.every(inCrimea));
  if (lines.length === 0) return null;
  // Longest part first, so the map and the midpoint favour the main border.
  const parts = lines
    .map((coords) => ({ coords, km: length(lineString(coords), { units: 'kilometers' }) }))
    .sort((p, q) => q.km - p.km);
  const line: MultiLineString = { type: 'MultiLineString', coordinates: parts.map((p) => p.coords) };
  return { line, point: halfway(parts) };
}

const key2 = (a: string, b: string) => [a, b].sort().join('-');

/** The point half the total length along the parts, walked in order. */
function halfway(parts: { coords: Position[]; km: number }[]): [number, number] {
  const total = parts.reduce((s, p) => s + p.km, 0);
  let remaining = total / 2;
  for (const p of parts) {
    if (remaining <= p.km) {
      const c = along(lineString(p.coords), remaining, { units: 'kilometers' }).geometry.coordinates;
      return [round6(c[0]!), round6(c[1]!)];
    }
    remaining -= p.km;
  }
  const last = parts[parts.length - 1]!.coords;
  const c = last[last.length - 1]!;
  return [round6(c[0]!), round6(c[1]!)];
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
