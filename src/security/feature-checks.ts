// What the JSON Schema cannot say about one event feature, checked in the
// browser after the schema: the date is a real calendar day the time model can
// use (the schema's pattern lets 2025-02-30 and 0000-01-01 through), and every
// position is a finite longitude/latitude on the globe (the schema only says
// "number", so [30, 95] passes and MapLibre would draw it nowhere or wrap it).
import { parseIsoDay } from '../time/days';

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The first problem with the positions nested in a GeoJSON coordinates array, or null. */
function badPosition(c: unknown, depth = 0): string | null {
  if (!Array.isArray(c)) return 'coordinates must be arrays';
  if (depth > 4) return 'coordinates nested too deep';
  if (c.length === 0) return 'coordinates must not be empty';
  if (c.length > 0 && typeof c[0] === 'number') {
    const [lon, lat] = c as number[];
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return 'coordinates must be finite numbers';
    if (lon! < -180 || lon! > 180) return `coordinates: longitude ${lon} outside -180..180`;
    if (lat! < -90 || lat! > 90) return `coordinates: latitude ${lat} outside -90..90`;
    return null;
  }
  for (const x of c) {
    const e = badPosition(x, depth + 1);
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
    const c = g['coordinates'];
    const e = g['type'] === 'Point' && !(Array.isArray(c) && typeof c[0] === 'number') ? 'coordinates of a Point must be one position' : badPosition(c);
    if (e) errors.push(`/geometry/${e}`);
  }
  return errors;
}
