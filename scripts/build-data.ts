// npm run data [-- --seeds DIR --out DIR --jobs N --binary]
// Rebuilds data/events.geojson and data/review.json from the seed articles (with
// --binary also data/events.evb and its details folder events.evb.details/, the
// large-data form, see src/data/binary/), on one
// worker thread per core (fewer for a small build; --jobs N to choose, --jobs 1 runs
// in this thread). The output is byte-identical whatever the number of jobs.
// Messages and the summary go to stderr; exit 1 if any input failed or any event was
// rejected by the schema, 2 on usage errors.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatError } from '../src/geoparse/articles/types.ts';
import { buildDataParallel, formatRejected } from '../src/geoparse/build.ts';
import { writeEvb } from '../src/geoparse/emit/evb.ts';
import type { EventCollection } from '../src/events/types.ts';

function usage(message: string): never {
  process.stderr.write(`build-data: ${message}\nusage: npm run data -- [--seeds DIR] [--out DIR] [--jobs N] [--binary]\n`);
  process.exit(2);
}

let values: { seeds?: string; out?: string; jobs?: string; binary?: boolean };
try {
  ({ values } = parseArgs({ options: { seeds: { type: 'string' }, out: { type: 'string' }, jobs: { type: 'string' }, binary: { type: 'boolean' } }, strict: true }));
} catch (e) {
  usage((e as Error).message);
}
const seeds = resolve(values.seeds ?? 'seeds');
const out = resolve(values.out ?? 'data');
if (!existsSync(seeds) || !statSync(seeds).isDirectory()) usage(`seeds directory not found: ${values.seeds ?? 'seeds'}`);
// Default: one worker per core, fewer for a small build (see autoJobs).
const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1 || jobs > 256)) usage(`--jobs must be a whole number from 1 to 256, not "${values.jobs}"`);

const summary = await buildDataParallel({ seeds, out, jobs });
for (const e of summary.failed) process.stderr.write(`error: ${formatError(e)}\n`);
for (const r of summary.rejected) process.stderr.write(`error: ${formatRejected(r)}\n`);
process.stderr.write(
  `build-data: ${summary.articles} article(s) from ${summary.files} file(s), ${summary.events} event(s), ` +
    `${summary.uncertain} uncertain and ${summary.notMapped} unmapped mention(s) in review.json` +
    (summary.failed.length ? `; ${summary.failed.length} input(s) FAILED (see above)` : '') +
    (summary.rejected.length ? `; ${summary.rejected.length} event(s) REJECTED by the schema (see above and review.json)` : '') +
    `\n`,
);
if (values.binary) {
  // From the GeoJSON just written (validated against the schema by the build), so
  // both forms always hold the same events. Atomic and deterministic (src/geoparse/emit/evb.ts).
  const collection = JSON.parse(readFileSync(join(out, 'events.geojson'), 'utf8')) as EventCollection;
  const evb = writeEvb(join(out, 'events.evb'), collection.features, collection.articles);
  process.stderr.write(`build-data: ${evb.columns.count} event(s) → events.evb (${evb.bytes.byteLength} bytes) and ${evb.chunks.length} details chunk(s) in ${evb.folder}\n`);
}
process.exit(summary.failed.length || summary.rejected.length ? 1 : 0);
