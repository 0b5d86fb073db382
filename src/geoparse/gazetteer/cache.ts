// Loads the compiled gazetteer index from .cache/gazetteer/, compiling it first when it
// is missing or its inputs (package versions, builder version) changed. Node-only.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileIndex, inputsSignature, type CompiledIndex } from './build.ts';
import { Gazetteer } from './gazetteer.ts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export function cacheDir(): string {
  return process.env.GEOPARSE_CACHE_DIR ?? path.join(REPO_ROOT, '.cache', 'gazetteer');
}

const INDEX_FILE = 'index.json';
const INPUTS_FILE = 'inputs.txt';

function writeAtomic(file: string, data: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

/** Compiles and writes the index; returns it. */
export function buildGazetteerCache(dir = cacheDir()): CompiledIndex {
  const idx = compileIndex();
  fs.mkdirSync(dir, { recursive: true });
  writeAtomic(path.join(dir, INDEX_FILE), JSON.stringify(idx));
  writeAtomic(path.join(dir, INPUTS_FILE), idx.inputs);
  return idx;
}

export function cacheIsFresh(dir = cacheDir()): boolean {
  try {
    return fs.readFileSync(path.join(dir, INPUTS_FILE), 'utf8') === inputsSignature() && fs.existsSync(path.join(dir, INDEX_FILE));
  } catch {
    return false;
  }
}

export function loadGazetteerSync(dir = cacheDir()): Gazetteer {
  if (!cacheIsFresh(dir)) {
    process.stderr.write(`geoparse: building the gazetteer index in ${dir} (first use or inputs changed)…\n`);
    return new Gazetteer(buildGazetteerCache(dir));
  }
  const idx = JSON.parse(fs.readFileSync(path.join(dir, INDEX_FILE), 'utf8')) as CompiledIndex;
  return new Gazetteer(idx);
}
