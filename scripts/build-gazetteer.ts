// Compiles the offline gazetteer index into .cache/gazetteer/ (normally done on first use).
import { buildGazetteerCache, cacheDir } from '../src/geoparse/gazetteer/cache.ts';

const t0 = performance.now();
const idx = buildGazetteerCache();
const ms = Math.round(performance.now() - t0);
process.stderr.write(`gazetteer: ${idx.name.length} places, ${idx.keys.split('\n').length} names, built in ${ms} ms → ${cacheDir()}\n`);
process.stderr.write(`gazetteer: inputs ${idx.inputs}\n`);
