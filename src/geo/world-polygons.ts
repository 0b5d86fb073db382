// Country polygons and boundary lines from world-atlas (Natural Earth 1:50m,
// TopoJSON), with ISO 3166 alpha-2 codes and internationally recognised borders.
//
// Pure: callers pass in the parsed topology and the world-countries list, so
// this runs in Node (basemap build, geoparser) and in the browser alike.
//
// Everything is done on the topology, not on coordinates: a polygon is moved
// from one country's geometry to another's, and the boundary sets come from
// topojson's mesh (an arc shared by two different countries is a land border,
// an arc used once is a coastline). That keeps shared edges exact, so no
// slivers or gaps, and a border that stops being international (Perekop)
// simply stops being drawn.
import type {
  Feature,
  FeatureCollection,
  MultiLineString,
  MultiPolygon,
  Polygon,
  Position,
} from 'geojson';
import { feature, merge, mesh } from 'topojson-client';
import type {
  GeometryCollection,
  GeometryObject,
  MultiPolygon as TopoMultiPolygon,
  Polygon as TopoPolygon,
  Topology,
} from 'topojson-specification';

/** The part of world-countries' records this module reads. */
export interface CountryRecord {
  cca2: string;
  ccn3: string;
  name: { common: string };
}

export interface CountryProps {
  /** ISO 3166-1 alpha-2, e.g. "UA"; Kosovo is "XK". */
  iso2: string;
  name: string;
}

export type CountryFeature = Feature<Polygon | MultiPolygon, CountryProps>;

/**
 * Crimea's extent. Natural Earth's de facto view puts the peninsula in Russia's
 * MultiPolygon as a polygon of its own (it touches Russia nowhere by land);
 * a Russian polygon lying wholly inside this box is Crimea.
 */
export const CRIMEA_BBOX = { west: 32.4, east: 36.7, south: 44.3, north: 46.3 } as const;

/**
 * Natural Earth units without an ISO numeric code, mapped to the country that
 * holds them under international recognition (Somaliland, Northern Cyprus) or
 * that administers them (Siachen, the Australian Indian Ocean territories).
 * Kosovo keeps its own user-assigned code XK.
 */
const UNCODED: Record<string, string> = {
  Kosovo: 'XK',
  Somaliland: 'SO',
  'N. Cyprus': 'CY',
  'Siachen Glacier': 'IN',
  'Indian Ocean Ter.': 'AU',
};

/**
 * Boundaries of these Natural Earth units are disputed or not international:
 * the line between one and its neighbours is drawn dashed, not solid.
 * W. Sahara (ISO 732) keeps its own code; the others are merged above.
 */
const DISPUTED_UNITS = new Set(['Somaliland', 'N. Cyprus', 'Siachen Glacier', 'W. Sahara']);

interface UnitProps {
  name: string;
}

/** A country geometry of the fixed collection: id is the ISO alpha-2 code. */
export type CountryGeometry = GeometryObject<UnitProps> & { id: string };

export interface WorldCountries {
  topology: Topology;
  /** One geometry per Natural Earth unit, id set to the ISO alpha-2 code. */
  units: GeometryCollection<UnitProps>;
  /** ISO alpha-2 → display name (world-countries' common name). */
  names: Map<string, string>;
  /** How many polygons were moved from Russia to Ukraine (1 at 1:50m). */
  crimeaPolygonsMoved: number;
}

function inBox([lon, lat]: Position): boolean {
  const b = CRIMEA_BBOX;
  return lon! >= b.west && lon! <= b.east && lat! >= b.south && lat! <= b.north;
}

/**
 * Recodes the world-atlas country collection to ISO alpha-2 and moves Crimea
 * from Russia to Ukraine. The input topology is not modified.
 */
export function worldCountries(topology: Topology, list: readonly CountryRecord[]): WorldCountries {
  const source = topology.objects['countries'] as GeometryCollection<UnitProps>;
  if (!source || source.type !== 'GeometryCollection') throw new Error('topology has no "countries" collection');
  const byNumeric = new Map(list.filter((c) => c.ccn3).map((c) => [c.ccn3, c]));
  const names = new Map(list.map((c) => [c.cca2, c.name.common]));

  const units: CountryGeometry[] = [];
  for (const g of source.geometries) {
    const name = (g.properties as UnitProps | undefined)?.name ?? '';
    const iso2 = (g.id !== undefined ? byNumeric.get(String(g.id))?.cca2 : undefined) ?? UNCODED[name];
    if (!iso2) throw new Error(`world-atlas unit without a country code: ${name} (${String(g.id)})`);
    // Shallow copies: arcs arrays are shared but never mutated.
    units.push({ ...g, id: iso2, properties: { name } } as CountryGeometry);
  }

  // Crimea becomes a unit of its own coded UA, so countryPolygons dissolves it
  // into mainland Ukraine (no seam at Perekop) and the mesh of international
  // borders, which skips arcs between units of one country, drops Perekop.
  const ru = units.findIndex((u) => u.id === 'RU');
  let moved = 0;
  if (ru >= 0) {
    const russia = units[ru]!;
    const crimea: number[][][] = [];
    const rest: number[][][] = [];
    for (const arcs of polygonsOf(russia)) {
      const ring = (feature(topology, { type: 'Polygon', arcs } as TopoPolygon).geometry as Polygon).coordinates[0]!;
      (ring.every(inBox) ? crimea : rest).push(arcs);
    }
    moved = crimea.length;
    if (moved > 0) {
      units[ru] = { ...russia, ...asPolygons(rest) } as CountryGeometry;
      units.push({ id: 'UA', properties: { name: 'Crimea' }, ...asPolygons(crimea) } as CountryGeometry);
    }
  }

  return {
    topology,
    units: { type: 'GeometryCollection', geometries: units },
    names,
    crimeaPolygonsMoved: moved,
  };
}

function polygonsOf(g: GeometryObject): number[][][] {
  if (g.type === 'Polygon') return [(g as TopoPolygon).arcs as number[][]];
  if (g.type === 'MultiPolygon') return (g as TopoMultiPolygon).arcs as number[][][];
  return [];
}

function asPolygons(polys: number[][][]): { type: 'Polygon' | 'MultiPolygon'; arcs: number[][] | number[][][] } {
  return polys.length === 1 ? { type: 'Polygon', arcs: polys[0]! } : { type: 'MultiPolygon', arcs: polys };
}

/**
 * One feature per country (units with the same code dissolved into one
 * geometry, so Crimea joins mainland Ukraine without a seam), sorted by code.
 */
export function countryPolygons(world: WorldCountries): CountryFeature[] {
  const groups = new Map<string, CountryGeometry[]>();
  for (const g of world.units.geometries as CountryGeometry[]) {
    const list = groups.get(g.id) ?? [];
    list.push(g);
    groups.set(g.id, list);
  }
  return [...groups.keys()].sort().map((iso2) => {
    const parts = groups.get(iso2)!;
    // merge() only where units must be dissolved (Crimea into Ukraine,
    // Somaliland into Somalia...): it classifies rings by planar area, which
    // is wrong for rings that cross the antimeridian (Russia, Fiji).
    const raw =
      parts.length === 1
        ? ((feature(world.topology, parts[0]! as GeometryObject) as Feature).geometry as Polygon | MultiPolygon)
        : (merge(world.topology, parts as never) as MultiPolygon);
    const polys = (raw.type === 'Polygon' ? [raw.coordinates] : raw.coordinates).flatMap(planarPolygons);
    const geometry: Polygon | MultiPolygon =
      polys.length === 1 ? { type: 'Polygon', coordinates: polys[0]! } : { type: 'MultiPolygon', coordinates: polys };
    const name = world.names.get(iso2) ?? (parts[0]!.properties as UnitProps).name;
    return { type: 'Feature', id: iso2, properties: { iso2, name }, geometry };
  });
}

/**
 * world-atlas is drawn on the sphere (d3-geo), so a ring may jump from 179.9°
 * to -179.9°. For a flat map, make longitudes continuous (Chukotka gets
 * 190° instead of -170°; MapLibre wraps it back). A ring around the pole
 * (Antarctica) ends 360° from where it starts: close it along the pole.
 */
export function planarRing(ring: Position[]): Position[] {
  const line = unwrapLine(ring);
  const first = line[0]!;
  const last = line[line.length - 1]!;
  if (Math.abs(last[0]! - first[0]!) < 1e-9) return line;
  const poleLat = first[1]! < 0 ? -90 : 90;
  return [...line, [last[0]!, poleLat], [first[0]!, poleLat], first];
}

/**
 * A polygon made planar. Natural Earth's Antarctica is, on the sphere, a ring
 * round the south pole at -89.999° with the coast as its hole; on a flat map
 * that is a sliver minus a continent. There the coast becomes the outer ring,
 * closed along the pole by planarRing.
 */
export function planarPolygons(rings: Position[][]): Position[][][] {
  const aroundPole = rings[0]!.every((p) => Math.abs(p[1]!) >= 89.9);
  if (aroundPole && rings.length > 1) return rings.slice(1).map((hole) => [planarRing(hole)]);
  return [rings.map(planarRing)];
}

/** Longitudes made continuous along a line (no step of more than 180°). */
export function unwrapLine(line: Position[]): Position[] {
  let offset = 0;
  const out: Position[] = [];
  for (let i = 0; i < line.length; i++) {
    const p = line[i]!;
    if (i > 0) {
      const step = p[0]! - line[i - 1]![0]!;
      if (step > 180) offset -= 360;
      else if (step < -180) offset += 360;
    }
    out.push([p[0]! + offset, p[1]!]);
  }
  return out;
}

export interface BoundarySets {
  /** Land borders between two recognised countries. */
  international: MultiLineString;
  /** Lines bounding disputed or unrecognised units (drawn dashed). */
  disputed: MultiLineString;
  /** Outer edges: where land meets sea. Antimeridian and south-pole cut lines removed. */
  coast: MultiLineString;
}

export function boundaries(world: WorldCountries): BoundarySets {
  const { topology, units } = world;
  const coll = units as GeometryCollection;
  const disputedUnit = (g: GeometryObject) => DISPUTED_UNITS.has((g.properties as UnitProps | undefined)?.name ?? '');
  const international = mesh(topology, coll, (a, b) => a !== b && a.id !== b.id && !disputedUnit(a) && !disputedUnit(b));
  const disputed = mesh(topology, coll, (a, b) => a !== b && (disputedUnit(a) || disputedUnit(b)));
  const coast = mesh(topology, coll, (a, b) => a === b);
  return {
    international: { type: 'MultiLineString', coordinates: international.coordinates.map(unwrapLine) },
    disputed: { type: 'MultiLineString', coordinates: disputed.coordinates.map(unwrapLine) },
    coast: { type: 'MultiLineString', coordinates: coast.coordinates.flatMap(dropCutSegments).map(unwrapLine) },
  };
}

/**
 * Natural Earth closes polygons along the antimeridian and along the bottom of
 * Antarctica; those edges are not coast. Splits a line where it runs along one.
 */
export function dropCutSegments(line: Position[]): Position[][] {
  const out: Position[][] = [];
  let current: Position[] = [];
  const onCut = (p: Position, q: Position) =>
    (Math.abs(p[0]!) >= 179.99 && Math.abs(q[0]!) >= 179.99 && Math.sign(p[0]!) === Math.sign(q[0]!)) ||
    (p[1]! <= -89.9 && q[1]! <= -89.9);
  for (let i = 0; i < line.length; i++) {
    const p = line[i]!;
    if (current.length === 0) {
      current.push(p);
      continue;
    }
    const prev = current[current.length - 1]!;
    if (onCut(prev, p)) {
      if (current.length >= 2) out.push(current);
      current = [p];
    } else {
      current.push(p);
    }
  }
  if (current.length >= 2) out.push(current);
  return out;
}

/** Point-in-polygon (even–odd over all rings), for lookups and tests. */
export function containsPoint(geometry: Polygon | MultiPolygon, [x, y]: [number, number]): boolean {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let inside = false;
  for (const rings of polys) {
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]! as [number, number];
        const [xj, yj] = ring[j]! as [number, number];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
  }
  return inside;
}

/** The ISO alpha-2 code of the country containing [lon, lat], or undefined (sea). */
export function countryAt(countries: readonly CountryFeature[], [lon, lat]: [number, number]): string | undefined {
  // Unwrapped rings may run past ±180°, so also try the point one turn either way.
  return countries.find((c) => [lon, lon + 360, lon - 360].some((x) => containsPoint(c.geometry, [x, lat])))
    ?.properties.iso2;
}

export function asCollection<G extends Feature>(features: G[]): FeatureCollection<G['geometry'], G['properties']> {
  return { type: 'FeatureCollection', features } as FeatureCollection<G['geometry'], G['properties']>;
}
