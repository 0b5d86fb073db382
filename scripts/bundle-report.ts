// Size of the built app per entry point (app, embed page, web component, parent
// script): first-load and lazy JS/CSS, raw / gzip -9 / brotli, and MapLibre's
// share. The logic is scripts/bench/bundle.ts (bundleReport), also used by the bench.
//
//   npx vite build && npx tsx scripts/bundle-report.ts [--dir dist] [--json out.json]
import { writeFileSync } from 'node:fs';
import { bundleReport, formatBundleReport } from './bench/bundle.ts';

const argv = process.argv.slice(2);
const opt = (k: string) => {
  const i = argv.indexOf(`--${k}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const report = bundleReport(opt('dir') ?? 'dist');
console.log(formatBundleReport(report));
const out = opt('json');
if (out) writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
