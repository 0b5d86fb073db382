// A small structural check used only when the schema validator
// (src/events/validate.ts, generated from the JSON Schema) is not in the build.
import { CATEGORIES, DATE_PRECISIONS, STATUSES } from '../events/types';
import { parseIsoDay } from '../time/days';

export type ValidationResult = { ok: true } | { ok: false; errors: string[] };

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const GEOMS = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']);

export function basicValidateFeature(x: unknown): ValidationResult {
  const errors: string[] = [];
  if (!isObj(x) || x['type'] !== 'Feature') return { ok: false, errors: ['not a GeoJSON Feature'] };
  if (typeof x['id'] !== 'string' || x['id'] === '') errors.push('id must be a non-empty string');
  const g = x['geometry'];
  if (!isObj(g) || !GEOMS.has(String(g['type'])) || !Array.isArray(g['coordinates'])) errors.push('geometry must be a Point, line or polygon');
  const p = x['properties'];
  if (!isObj(p)) return { ok: false, errors: [...errors, 'properties missing'] };
  if (!(CATEGORIES as readonly unknown[]).includes(p['category'])) errors.push(`unknown category ${JSON.stringify(p['category'])}`);
  if (typeof p['date'] !== 'string' || parseIsoDay(p['date']) === null) errors.push('date must be YYYY-MM-DD');
  if (!(DATE_PRECISIONS as readonly unknown[]).includes(p['datePrecision'])) errors.push('bad datePrecision');
  if (!(STATUSES as readonly unknown[]).includes(p['status'])) errors.push('bad status');
  const place = p['place'];
  if (!isObj(place) || typeof place['name'] !== 'string') errors.push('place.name missing');
  if (typeof p['quote'] !== 'string') errors.push('quote missing');
  const src = p['source'];
  if (!isObj(src) || typeof src['article'] !== 'string') errors.push('source.article missing');
  if (p['figures'] !== undefined && !isObj(p['figures'])) errors.push('figures must be an object');
  return errors.length ? { ok: false, errors } : { ok: true };
}
