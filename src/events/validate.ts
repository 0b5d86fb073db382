// Validation of event data against src/events/event.schema.json, for the build
// (Node) and the app (browser). Uses the precompiled standalone validator, so it
// needs neither eval (the app's CSP forbids it) nor any Node module.
import {
  type AjvError,
  type GeneratedValidator,
  validateCollection as compiledCollection,
  validateFeature as compiledFeature,
} from './generated/event-validators.js';

export type ValidationResult = { ok: true } | { ok: false; errors: string[] };

function run(v: GeneratedValidator, x: unknown): ValidationResult {
  if (v(x)) return { ok: true };
  return { ok: false, errors: readableErrors(v.errors ?? []) };
}

/**
 * Summary lines ("must match \"then\" schema", "must match a schema in anyOf")
 * say only that a rule failed; keep them only when no specific reason remains.
 * The geometry rule is an if/then chain on `type` (not a oneOf), so ajv reports
 * just the branch of the feature's own geometry type.
 */
export function readableErrors(errors: readonly AjvError[]): string[] {
  const summary = new Set(['if', 'oneOf', 'anyOf', 'allOf']);
  const specific = errors.filter((e) => !summary.has(e.keyword));
  return [...new Set((specific.length > 0 ? specific : errors).map(formatError))];
}

/** "/properties/date: must match pattern …" — the path says which field is wrong. */
export function formatError(e: AjvError): string {
  const extra =
    e.keyword === 'enum' && Array.isArray(e.params['allowedValues'])
      ? ` (${(e.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')})`
      : e.keyword === 'const'
        ? ` (${JSON.stringify(e.params['allowedValue'])})`
        : '';
  return `${e.instancePath || '/'}: ${e.message ?? e.keyword}${extra}`;
}

/** One Feature against the schema's `feature` definition; the app skips features that fail. */
export function validateFeature(x: unknown): ValidationResult {
  return run(compiledFeature, x);
}

/** A whole events.geojson document (FeatureCollection with `articles`). */
export function validateCollection(x: unknown): ValidationResult {
  return run(compiledCollection, x);
}
