// A label point inside a polygon: the point farthest from its edges (the "pole
// of inaccessibility"), found in Web Mercator space because that is the space
// the label is seen in. A centroid can fall outside a concave country (or in
// the sea for an archipelago); this point is always inside and well clear of
// the coast, so a label placed there reads as belonging to the country.
//
// Method: a coarse grid over the bounding box, then repeated finer grids around
// the best few candidates. Written for this project; deterministic.
import type { MultiPolygon, Polygon, Position } from 'geojson';

const RAD = Math.PI / 180;
const MAX_LAT = 85;

function toMerc([lon, lat]: Position): [number, number] {
  const φ = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat!)) * RAD;
  return [lon!, Math.log(Math.tan(Math.PI / 4 + φ / 2)) / RAD];
}

function fromMerc([x, y]: [number, number]): [number, number] {
  return [x, (2 * Math.atan(Math.exp(y * RAD)) - Math.PI / 2) / RAD];
}

type Ring = [number, number][];

/**
 * Every k-th vertex of a long ring (at most ~MAX_VERTICES kept): a label point
 * needs the shape, not the coastline's detail, and the search is O(vertices).
 */
const MAX_VERTICES = 300;
function decimate(ring: Ring): Ring {
  if (ring.length <= MAX_VERTICES) return ring;
  const k = Math.ceil(ring.length / MAX_VERTICES);
  const out = ring.filter((_, i) => i % k === 0);
  out.push(ring[ring.length - 1]!);
  return out;
}

/** A polygon's edges in Mercator space, flat (ax, ay, bx, by per edge) for a fast inner loop. */
interface Prepared {
  edges: Float64Array;
  outer: Ring;
}

function prepare(polygon: Position[][]): Prepared {
  const rings = polygon.map((r) => decimate(r.map(toMerc)));
  const n = rings.reduce((s, r) => s + r.length, 0);
  const edges = new Float64Array(n * 4);
  let k = 0;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      edges[k++] = ring[i]![0];
      edges[k++] = ring[i]![1];
      edges[k++] = ring[j]![0];
      edges[k++] = ring[j]![1];
    }
  }
  return { edges, outer: rings[0]! };
}

/** Signed distance from p to the polygon's boundary: > 0 inside, < 0 outside. */
function polygonDistance(edges: Float64Array, x: number, y: number): number {
  let inside = false;
  let min = Infinity;
  for (let k = 0; k < edges.length; k += 4) {
    const ax = edges[k]!;
    const ay = edges[k + 1]!;
    const bx = edges[k + 2]!;
    const by = edges[k + 3]!;
    if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    let t = len2 === 0 ? 0 : ((x - ax) * dx + (y - ay) * dy) / len2;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    const ex = ax + t * dx - x;
    const ey = ay + t * dy - y;
    const d2 = ex * ex + ey * ey;
    if (d2 < min) min = d2;
  }
  return (inside ? 1 : -1) * Math.sqrt(min);
}

/** Area of a ring in Mercator units (shoelace), for picking the largest polygon. */
function ringArea(ring: Ring): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    s += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
  }
  return Math.abs(s) / 2;
}

export interface LabelPoint {
  /** [lon, lat] */
  point: [number, number];
  /** Distance to the nearest edge, in Mercator degrees (a size hint). */
  clearance: number;
}

/** A box in Mercator space: [minX, minY, maxX, maxY], x in degrees of longitude, y in Mercator degrees. */
type Box = [number, number, number, number];

/**
 * The pole of inaccessibility of one polygon (outer ring + holes), in lon/lat.
 * With `within`, the search is limited to that box and the box's edges count
 * as edges, so the point is the most open place of the polygon's part there.
 */
export function polygonLabelPoint(polygon: Position[][], within?: Box): LabelPoint {
  return searchPole(prepare(polygon), within);
}

function searchPole({ edges, outer }: Prepared, within?: Box): LabelPoint {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of outer) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  const signedDistance = within
    ? (p: [number, number]) =>
        Math.min(
          polygonDistance(edges, p[0], p[1]),
          p[0] - within[0],
          p[1] - within[1],
          within[2] - p[0],
          within[3] - p[1],
        )
    : (p: [number, number]) => polygonDistance(edges, p[0], p[1]);
  if (within) {
    minX = Math.max(minX, within[0]);
    minY = Math.max(minY, within[1]);
    maxX = Math.min(maxX, within[2]);
    maxY = Math.min(maxY, within[3]);
  }
  const N = 16;
  let candidates: { p: [number, number]; d: number }[] = [];
  let stepX = (maxX - minX) / N;
  let stepY = (maxY - minY) / N;
  for (let i = 0; i <= N; i++) {
    for (let j = 0; j <= N; j++) {
      const p: [number, number] = [minX + i * stepX, minY + j * stepY];
      candidates.push({ p, d: signedDistance(p) });
    }
  }
  // A vertex midpoint is always a fallback candidate, so tiny or thin polygons
  // the grid misses still get a point on (or next to) them.
  const mid = outer[Math.floor(outer.length / 2)]!;
  candidates.push({ p: [(outer[0]![0] + mid[0]) / 2, (outer[0]![1] + mid[1]) / 2], d: 0 });
  const better = (a: { d: number; p: [number, number] }, b: { d: number; p: [number, number] }) =>
    b.d - a.d || a.p[0] - b.p[0] || a.p[1] - b.p[1];
  candidates.sort(better);
  for (let round = 0; round < 7; round++) {
    const seeds = candidates.slice(0, 3);
    stepX /= 3;
    stepY /= 3;
    const next = [...seeds];
    for (const s of seeds) {
      for (let i = -3; i <= 3; i++) {
        for (let j = -3; j <= 3; j++) {
          if (i === 0 && j === 0) continue;
          const p: [number, number] = [s.p[0] + i * stepX, s.p[1] + j * stepY];
          next.push({ p, d: signedDistance(p) });
        }
      }
    }
    candidates = next.sort(better);
  }
  const best = candidates[0]!;
  return { point: fromMerc(best.p), clearance: best.d };
}

/** Label point of a (multi)polygon: the pole of its largest part by Mercator area. */
export function labelPoint(geometry: Polygon | MultiPolygon): LabelPoint {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best = polys[0]!;
  let bestArea = -1;
  for (const poly of polys) {
    const a = ringArea(poly[0]!.map(toMerc));
    if (a > bestArea) {
      bestArea = a;
      best = poly;
    }
  }
  return polygonLabelPoint(best);
}

/**
 * Extra label points for a very large country, so its name is on screen at
 * regional zooms too (RUSSIA next to Ukraine, not only in Siberia): the most
 * open point of the largest polygon in each box of a grid, keeping points with
 * at least `minClearance` room and `minSeparation` from each other and from
 * `primary`. Distances are in Mercator degrees.
 */
export function regionalLabelPoints(
  geometry: Polygon | MultiPolygon,
  primary: [number, number],
  { cell = 12, minClearance = 2, minSeparation = 12 }: { cell?: number; minClearance?: number; minSeparation?: number } = {},
): [number, number][] {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const candidates: { point: [number, number]; merc: [number, number]; clearance: number }[] = [];
  for (const poly of polys) {
    const outer = poly[0]!.map(toMerc);
    const xs = outer.map((p) => p[0]);
    const ys = outer.map((p) => p[1]);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    if (x1 - x0 < cell && y1 - y0 < cell) continue;
    const prepared = prepare(poly);
    for (let x = Math.floor(x0 / cell) * cell; x < x1; x += cell) {
      for (let y = Math.floor(y0 / cell) * cell; y < y1; y += cell) {
        const found = searchPole(prepared, [x, y, x + cell, y + cell]);
        if (found.clearance >= minClearance) {
          candidates.push({ point: found.point, merc: toMerc(found.point), clearance: found.clearance });
        }
      }
    }
  }
  candidates.sort((a, b) => b.clearance - a.clearance || a.merc[0] - b.merc[0] || a.merc[1] - b.merc[1]);
  const kept: [number, number][] = [toMerc(primary)];
  const out: [number, number][] = [];
  for (const c of candidates) {
    if (kept.every((k) => Math.hypot(k[0] - c.merc[0], k[1] - c.merc[1]) >= minSeparation)) {
      kept.push(c.merc);
      out.push(c.point);
    }
  }
  return out;
}
