// Loads events.geojson in the browser, validates each feature on its own, keeps
// the good ones and reports the rest. Never throws: the page always has
// something to say.
import type { ArticleMeta, EventCollection, EventFeature } from '../events/types';
import { basicValidateFeature, type ValidationResult } from './basic-validate';
import { semanticFeatureErrors } from '../security/feature-checks';

export type Validator = (x: unknown) => ValidationResult;

export interface Skipped {
  index: number;
  id: string | null;
  errors: string[];
}

export type LoadResult =
  | { ok: true; collection: EventCollection; skipped: Skipped[]; validator: 'schema' | 'basic' }
  | { ok: false; message: string };

// The schema validator is produced by the events build; pick it up when present.
const validators = import.meta.glob<{ validateFeature: Validator }>('../events/validate.ts');

export async function schemaValidator(): Promise<{ fn: Validator; kind: 'schema' | 'basic' }> {
  const load = validators['../events/validate.ts'];
  if (load) {
    try {
      const mod = await load();
      if (typeof mod.validateFeature === 'function') return { fn: mod.validateFeature, kind: 'schema' };
    } catch {
      /* fall back below */
    }
  }
  return { fn: basicValidateFeature, kind: 'basic' };
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Pure: checks a parsed document feature by feature. */
export function checkCollection(json: unknown, validate: Validator): { ok: true; collection: EventCollection; skipped: Skipped[] } | { ok: false; message: string } {
  if (!isObj(json) || json['type'] !== 'FeatureCollection' || !Array.isArray(json['features'])) {
    return { ok: false, message: 'The data file is not a GeoJSON FeatureCollection.' };
  }
  const features: EventFeature[] = [];
  const skipped: Skipped[] = [];
  const seen = new Set<string>();
  json['features'].forEach((f: unknown, index: number) => {
    const id = isObj(f) && typeof f['id'] === 'string' ? f['id'] : null;
    let r: ValidationResult;
    try {
      r = validate(f);
      // Real calendar days and on-globe coordinates: the schema cannot check the
      // first, and for the second these messages say more than the schema's.
      const extra = semanticFeatureErrors(f);
      if (extra.length) r = { ok: false, errors: extra };
    } catch (e) {
      r = { ok: false, errors: [`validator failed: ${String(e)}`] };
    }
    if (!r.ok) {
      skipped.push({ index, id, errors: r.errors });
      return;
    }
    if (id === null || seen.has(id)) {
      skipped.push({ index, id, errors: [id === null ? 'id must be a string' : `duplicate id ${id}`] });
      return;
    }
    seen.add(id);
    features.push(f as EventFeature);
  });
  const articles: ArticleMeta[] = Array.isArray(json['articles'])
    ? (json['articles'] as unknown[]).filter((a): a is ArticleMeta => isObj(a) && typeof a['id'] === 'string' && typeof a['title'] === 'string')
    : [];
  return { ok: true, collection: { type: 'FeatureCollection', features, articles }, skipped };
}

export async function loadEvents(url: string, fetchFn: typeof fetch = fetch): Promise<LoadResult> {
  let json: unknown;
  try {
    const res = await fetchFn(url);
    if (!res.ok) return { ok: false, message: `Could not load the events (${res.status} ${res.statusText || 'error'}) from ${url}.` };
    const text = await res.text();
    // Static hosts and dev servers answer a missing file with their HTML page.
    if (/text\/html/i.test(res.headers.get('content-type') ?? '') || /^\s*<(!doctype|html)/i.test(text)) {
      return { ok: false, message: `Could not load the events from ${url}: the server sent a web page instead of data (is the file missing?).` };
    }
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, message: `The events file at ${url} is not valid JSON.` };
    }
  } catch (e) {
    return { ok: false, message: `Could not load the events from ${url}: ${e instanceof Error ? e.message : String(e)}.` };
  }
  const { fn, kind } = await schemaValidator();
  const checked = checkCollection(json, fn);
  if (!checked.ok) return checked;
  return { ...checked, validator: kind };
}
