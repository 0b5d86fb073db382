import { bbox } from '@turf/turf';
import type { Geometry } from 'geojson';

export type Bounds = [[number, number], [number, number]];

/** Bounds of one or more geometries, or null when empty. */
export function boundsOf(geoms: readonly Geometry[]): Bounds | null {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const g of geoms) {
    const [a, b, c, d] = bbox(g) as [number, number, number, number];
    w = Math.min(w, a); s = Math.min(s, b); e = Math.max(e, c); n = Math.max(n, d);
  }
  if (!Number.isFinite(w)) return null;
  return [[w, s], [e, n]];
}
