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

/** Signed distance from p to the polygon's boundary: > 0 inside, < 0 outside. */
function signedDistance(rings: Ring[], [x, y]: [number, number]): number {
  let inside = false;
  let min = Infinity;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [ax, ay] = ring[i]!;
      const [bx, by] = ring[j]!;
      if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
      const dx = bx - ax;
      const dy = by - ay;
      const len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
      const ex = ax + t * dx - x;
      const ey = ay + t * dy - y;
      const d2 = ex * ex + ey * ey;
      if (d2 < min) min = d2;
    }
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

/** The pole of inaccessibility of one polygon (outer ring + holes), in lon/lat. */
export function polygonLabelPoint(polygon: Position[][]): LabelPoint {
  const rings: Ring[] = polygon.map((r) => r.map(toMerc));
  const outer = rings[0]!;
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
  const N = 24;
  let candidates: { p: [number, number]; d: number }[] = [];
  let stepX = (maxX - minX) / N;
  let stepY = (maxY - minY) / N;
  for (let i = 0; i <= N; i++) {
    for (let j = 0; j <= N; j++) {
      const p: [number, number] = [minX + i * stepX, minY + j * stepY];
      candidates.push({ p, d: signedDistance(rings, p) });
    }
  }
  // A vertex midpoint is always a fallback candidate, so tiny or thin polygons
  // the grid misses still get a point on (or next to) them.
  const mid = outer[Math.floor(outer.length / 2)]!;
  candidates.push({ p: [(outer[0]![0] + mid[0]) / 2, (outer[0]![1] + mid[1]) / 2], d: 0 });
  const better = (a: { d: number; p: [number, number] }, b: { d: number; p: [number, number] }) =>
    b.d - a.d || a.p[0] - b.p[0] || a.p[1] - b.p[1];
  candidates.sort(better);
  for (let round = 0; round < 8; round++) {
    const seeds = candidates.slice(0, 4);
    stepX /= 4;
    stepY /= 4;
    const next = [...seeds];
    for (const s of seeds) {
      for (let i = -4; i <= 4; i++) {
        for (let j = -4; j <= 4; j++) {
          if (i === 0 && j === 0) continue;
          const p: [number, number] = [s.p[0] + i * stepX, s.p[1] + j * stepY];
          next.push({ p, d: signedDistance(rings, p) });
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
