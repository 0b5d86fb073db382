// npm run data [-- --seeds DIR --out DIR --jobs N]
// Rebuilds data/events.geojson and data/review.json from the seed articles, on one
// worker thread per core (fewer for a small build; --jobs N to choose, --jobs 1 runs
// in this thread). The output is byte-identical whatever the number of jobs.
// Messages and the summary go to stderr; exit 1 if any input failed or any event was
// rejected by the schema, 2 on usage errors.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatError } from '../src/geoparse/articles/types.ts';
import { buildDataParallel, formatRejected } from '../src/geoparse/build.ts';

function usage(message: string): never {
  process.stderr.write(`build-data: ${message}\nusage: npm run data -- [--seeds DIR] [--out DIR] [--jobs N]\n`);
  process.exit(2);
}

let values: { seeds?: string; out?: string; jobs?: string };
try {
  ({ values } = parseArgs({ options: { seeds: { type: 'string' }, out: { type: 'string' }, jobs: { type: 'string' } }, strict: true }));
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
process.exit(summary.failed.length || summary.rejected.length ? 1 : 0);
