// npm start: makes whatever the app needs and is missing (the events from the
// articles, the offline basemap), then serves the app with Vite.
//   npm start              dev server on http://127.0.0.1:5173/
//   npm start -- --preview build dist/ and serve that instead
//   npm start -- --port 8080 --host 0.0.0.0
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, createServer, preview } from 'vite';
import { ensureTiles } from '../src/map/basemap/tiles-ready.ts';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

function scripts(): Record<string, string> {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts ?? {};
}

/** Runs `npm run <script>` when `output` is missing; returns whether it exists afterwards. */
function make(output: string, script: string, what: string): boolean {
  if (existsSync(join(root, output))) return true;
  if (!scripts()[script]) {
    console.warn(`start: ${output} is missing and there is no "npm run ${script}" to make ${what}.`);
    return false;
  }
  console.log(`start: ${output} is missing; making ${what} with npm run ${script} …`);
  const r = spawnSync('npm', ['run', script], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) console.warn(`start: npm run ${script} failed (exit ${r.status}).`);
  return existsSync(join(root, output));
}

// The basemap's vector tiles are generated (gitignored); this also remakes them
// when they are from another build than the committed record.
const tiles = ensureTiles(root, (m) => console.log(`start: ${m}`));
if (tiles) console.warn(`start: ${tiles}; the map will have no basemap.`);
if (!make('data/events.geojson', 'data', 'the events from the articles in seeds/')) {
  console.warn('start: serving without data; the page will say that the events could not be loaded.');
}

const host = option('host') ?? '127.0.0.1';
const port = Number(option('port') ?? (flag('preview') ? 4173 : 5173));

if (flag('preview')) {
  await build({ root, logLevel: 'warn' });
  const server = await preview({ root, preview: { host, port } });
  server.printUrls();
} else {
  const server = await createServer({ root, server: { host, port } });
  await server.listen();
  server.printUrls();
}
