// Loads the compiled gazetteer index from .cache/gazetteer/, compiling it first when it
// is missing or its inputs (package versions, builder version) changed. Node-only.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import { compileIndex, inputsSignature, type CompiledIndex } from './build.ts';
import { Gazetteer, type LoadedIndex } from './gazetteer.ts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export function cacheDir(): string {
  return process.env.GEOPARSE_CACHE_DIR ?? path.join(REPO_ROOT, '.cache', 'gazetteer');
}

const INDEX_FILE = 'index.json';
const NUMBERS_FILE = 'numbers.bin';
const INPUTS_FILE = 'inputs.txt';

/** On disk: text fields joined by newlines in JSON, numbers as one binary block (lat, lon: float32; population, geonameid: int32). */
interface StoredIndex {
  inputs: string;
  n: number;
  name: string;
  country: string;
  admin1: string;
  featureCode: string;
  kind: string;
  keys: string;
  folds: string;
  demonyms: string;
  neighbours: string;
  commonWords: string;
  capitals: string;
}

function numbersOf(idx: CompiledIndex): Buffer {
  const n = idx.name.length;
  const buf = new ArrayBuffer(n * 16);
  new Float32Array(buf, 0, n).set(idx.lat);
  new Float32Array(buf, n * 4, n).set(idx.lon);
  new Int32Array(buf, n * 8, n).set(idx.population.map((p) => Math.min(p, 2 ** 31 - 1)));
  new Int32Array(buf, n * 12, n).set(idx.geonameid);
  return Buffer.from(buf);
}

function toLoaded(stored: StoredIndex, numbers: Uint8Array): LoadedIndex {
  const n = stored.n;
  // Copy into an aligned buffer (a Buffer from readFileSync may sit at any offset of a pool).
  const buf = new ArrayBuffer(n * 16);
  new Uint8Array(buf).set(numbers.subarray(0, n * 16));
  return {
    inputs: stored.inputs,
    name: stored.name.split('\n'),
    country: stored.country.split('\n'),
    admin1: stored.admin1.split('\n'),
    featureCode: stored.featureCode.split('\n'),
    kind: Uint8Array.from(stored.kind, (c) => c.charCodeAt(0) - 48),
    lat: new Float32Array(buf, 0, n),
    lon: new Float32Array(buf, n * 4, n),
    population: new Int32Array(buf, n * 8, n),
    geonameid: new Int32Array(buf, n * 12, n),
    keys: stored.keys,
    folds: stored.folds,
    demonyms: stored.demonyms,
    neighbours: stored.neighbours,
    commonWords: stored.commonWords,
    capitals: stored.capitals,
  };
}

function stored(idx: CompiledIndex): StoredIndex {
  return {
    inputs: idx.inputs,
    n: idx.name.length,
    name: idx.name.join('\n'),
    country: idx.country.join('\n'),
    admin1: idx.admin1.join('\n'),
    featureCode: idx.featureCode.join('\n'),
    kind: idx.kind.join(''),
    keys: idx.keys,
    folds: idx.folds,
    demonyms: idx.demonyms,
    neighbours: idx.neighbours,
    commonWords: idx.commonWords,
    capitals: idx.capitals,
  };
}

function writeAtomic(file: string, data: string | Uint8Array): void {
  // Unique per process and thread: test workers may build the cache at the same time.
  const tmp = `${file}.${process.pid}.${threadId}.tmp`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

/** Compiles and writes the index (inputs.txt last, so a half-written cache is never fresh); returns it. */
export function buildGazetteerCache(dir = cacheDir()): LoadedIndex {
  const idx = compileIndex();
  fs.mkdirSync(dir, { recursive: true });
  const s = stored(idx);
  const numbers = numbersOf(idx);
  writeAtomic(path.join(dir, INDEX_FILE), JSON.stringify(s));
  writeAtomic(path.join(dir, NUMBERS_FILE), numbers);
  writeAtomic(path.join(dir, INPUTS_FILE), idx.inputs);
  return toLoaded(s, numbers);
}

export function cacheIsFresh(dir = cacheDir()): boolean {
  try {
    return (
      fs.readFileSync(path.join(dir, INPUTS_FILE), 'utf8') === inputsSignature() &&
      fs.existsSync(path.join(dir, INDEX_FILE)) &&
      fs.existsSync(path.join(dir, NUMBERS_FILE))
    );
  } catch {
    return false;
  }
}

export function loadGazetteerSync(dir = cacheDir()): Gazetteer {
  if (!cacheIsFresh(dir)) {
    process.stderr.write(`geoparse: building the gazetteer index in ${dir} (first use or inputs changed)…\n`);
    return new Gazetteer(buildGazetteerCache(dir));
  }
  const s = JSON.parse(fs.readFileSync(path.join(dir, INDEX_FILE), 'utf8')) as StoredIndex;
  return new Gazetteer(toLoaded(s, fs.readFileSync(path.join(dir, NUMBERS_FILE))));
}
