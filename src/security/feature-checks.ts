// What the JSON Schema cannot say about one event feature, checked in the
// browser after the schema: the date is a real calendar day the time model can
// use (the schema's pattern lets 2025-02-30 and 0000-01-01 through), and every
// position is a finite longitude/latitude on the globe (the schema only says
// "number", so [30, 95] passes and MapLibre would draw it nowhere or wrap it).
import { parseIsoDay } from '../time/days';

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Nesting depth of positions in each GeoJSON geometry type. */
const DEPTH: Record<string, number> = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 };

/** The first problem with a coordinates array whose positions sit `depth` arrays down, or null. */
function badCoordinates(c: unknown, depth: number): string | null {
  if (!Array.isArray(c)) return 'coordinates: nesting does not match the geometry type';
  if (depth === 0) {
    const [lon, lat] = c as unknown[];
    if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat))
      return 'coordinates must be finite numbers';
    if (lon < -180 || lon > 180) return `coordinates: longitude ${lon} outside -180..180`;
    if (lat < -90 || lat > 90) return `coordinates: latitude ${lat} outside -90..90`;
    return null;
  }
  if (c.length === 0) return 'coordinates must not be empty';
  for (const x of c) {
    const e = badCoordinates(x, depth - 1);
    if (e) return e;
  }
  return null;
}

/** Reasons the feature cannot be shown, beyond the schema; [] when it can. */
export function semanticFeatureErrors(f: unknown): string[] {
  if (!isObj(f)) return ['not an object'];
  const errors: string[] = [];
  const p = f['properties'];
  if (isObj(p) && (typeof p['date'] !== 'string' || parseIsoDay(p['date']) === null))
    errors.push(`/properties/date: ${JSON.stringify(p['date'])} is not a real calendar day`);
  const g = f['geometry'];
  if (isObj(g)) {
    const type = String(g['type']);
    const depth = Object.hasOwn(DEPTH, type) ? DEPTH[type] : undefined;
    const e = depth === undefined ? `type ${JSON.stringify(g['type'])} is not a supported geometry` : badCoordinates(g['coordinates'], depth);
    if (e) errors.push(`/geometry/${e}`);
  }
  return errors;
}
