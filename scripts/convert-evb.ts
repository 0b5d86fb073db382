// npm run evb -- IN.geojson OUT.evb [--chunk N]
// Converts an events GeoJSON in the app's format (src/events/README.md) into EVB1
// plus its details sidecar (OUT.evb.details/), for data too big to open as GeoJSON.
// Every feature is checked with the schema validator first; problems are reported
// as `file: feature N (id): problem` and nothing is written (exit 1). Usage errors
// exit 2.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { validateFeature } from '../src/events/validate.ts';
import { semanticFeatureErrors } from '../src/security/feature-checks.ts';
import type { ArticleMeta, EventFeature } from '../src/events/types.ts';
import { writeEvb } from '../src/geoparse/emit/evb.ts';
import { DETAILS_CHUNK_SIZE } from '../src/data/binary/details.ts';

export type ConvertResult = { ok: true; events: number; bytes: number; chunks: number } | { ok: false; errors: string[] };

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Reads and checks `input`; writes `output` (+ details) only when every feature is good. */
export function convertToEvb(input: string, output: string, chunkSize = DETAILS_CHUNK_SIZE, maxErrors = 50): ConvertResult {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(input, 'utf8'));
  } catch (e) {
    return { ok: false, errors: [`${input}: ${e instanceof SyntaxError ? `not valid JSON (${e.message})` : (e as Error).message}`] };
  }
  if (!isObj(json) || json['type'] !== 'FeatureCollection' || !Array.isArray(json['features'])) {
    return { ok: false, errors: [`${input}: not a GeoJSON FeatureCollection`] };
  }
  const errors: string[] = [];
  const seen = new Set<string>();
  const features = json['features'] as unknown[];
  features.forEach((f, n) => {
    if (errors.length >= maxErrors) return;
    const id = isObj(f) && typeof f['id'] === 'string' ? f['id'] : null;
    const where = `${input}: feature ${n}${id !== null ? ` (${id})` : ''}`;
    const v = validateFeature(f);
    const problems = v.ok ? semanticFeatureErrors(f) : v.errors;
    if (problems.length) errors.push(`${where}: ${problems.join('; ')}`);
    else if (id === null) errors.push(`${where}: id must be a string`);
    else if (seen.has(id)) errors.push(`${where}: duplicate id`);
    else seen.add(id);
  });
  if (errors.length) return { ok: false, errors };
  if (features.length === 0) return { ok: false, errors: [`${input}: no features`] };
  const articles = Array.isArray(json['articles'])
    ? (json['articles'] as unknown[]).filter((a): a is ArticleMeta => isObj(a) && typeof a['id'] === 'string' && typeof a['title'] === 'string' && typeof a['date'] === 'string')
    : [];
  const out = writeEvb(output, features as EventFeature[], articles, chunkSize);
  return { ok: true, events: out.columns.count, bytes: out.bytes.byteLength, chunks: out.chunks.length };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const ci = args.indexOf('--chunk');
  const chunk = ci >= 0 ? Number(args[ci + 1]) : DETAILS_CHUNK_SIZE;
  const files = args.filter((_, i) => ci < 0 || (i !== ci && i !== ci + 1));
  if (files.length !== 2 || !/\.evb$/i.test(files[1]!) || !Number.isInteger(chunk) || chunk < 1) {
    process.stderr.write('usage: npm run evb -- IN.geojson OUT.evb [--chunk N]\n');
    process.exit(2);
  }
  try {
    const r = convertToEvb(files[0]!, files[1]!, chunk);
    if (!r.ok) {
      for (const e of r.errors) process.stderr.write(`${e}\n`);
      process.stderr.write(`evb: nothing written (${r.errors.length}${r.errors.length >= 50 ? '+' : ''} problem(s))\n`);
      process.exit(1);
    }
    process.stderr.write(`evb: ${r.events} events → ${files[1]} (${(r.bytes / 1e6).toFixed(1)} MB) and ${r.chunks} details chunk(s)\n`);
  } catch (e) {
    process.stderr.write(`evb: ${(e as Error).message}\n`);
    process.exit(1);
  }
}
