// Geoparses JSONL documents {"id","text","date"?} from stdin or --in FILE; writes one
// JSON line per document to stdout: {"id","places":[{start,end,surface,name,lat,lon,
// kind,country,geonameid?,confidence}]}. Only JSONL goes to stdout; messages go to stderr.
import fs from 'node:fs';
import readline from 'node:readline';
import { geoparse, loadGazetteer } from '../src/geoparse/geoparse.ts';

function usage(): never {
  process.stderr.write('usage: npm run geoparse [-- --in FILE.jsonl] < docs.jsonl\n');
  process.exit(2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let input: NodeJS.ReadableStream = process.stdin;
  let source = 'stdin';
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--in' && args[i + 1]) {
      source = args[++i] as string;
      if (!fs.existsSync(source)) {
        process.stderr.write(`geoparse: ${source}: no such file\n`);
        process.exit(1);
      }
      input = fs.createReadStream(source, { encoding: 'utf8' });
    } else if (args[i] === '-h' || args[i] === '--help') usage();
    else {
      process.stderr.write(`geoparse: unknown argument ${args[i]}\n`);
      usage();
    }
  }
  const gaz = await loadGazetteer();
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  let bad = 0;
  for await (const line of rl) {
    lineNo++;
    if (!line.trim()) continue;
    let doc: { id?: unknown; text?: unknown; date?: unknown };
    try {
      doc = JSON.parse(line) as typeof doc;
    } catch (e) {
      bad++;
      process.stderr.write(`geoparse: ${source} line ${lineNo}: not valid JSON (${(e as Error).message})\n`);
      continue;
    }
    if (typeof doc !== 'object' || doc === null || typeof doc.text !== 'string' || (typeof doc.id !== 'string' && typeof doc.id !== 'number')) {
      bad++;
      process.stderr.write(`geoparse: ${source} line ${lineNo}: expected an object with a string "text" and an "id"\n`);
      continue;
    }
    const places = geoparse(doc.text, gaz, typeof doc.date === 'string' ? { articleDate: doc.date } : {}).map((p) => ({
      start: p.start,
      end: p.end,
      surface: p.surface,
      name: p.name,
      lat: p.lat,
      lon: p.lon,
      kind: p.kind,
      country: p.country,
      ...(p.geonameid ? { geonameid: p.geonameid } : {}),
      ...(p.countries ? { countries: p.countries } : {}),
      ...(p.modifier ? { modifier: true } : {}),
      confidence: p.confidence,
    }));
    process.stdout.write(`${JSON.stringify({ id: doc.id, places })}\n`);
  }
  if (bad) process.stderr.write(`geoparse: ${bad} bad line(s) skipped\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`geoparse: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
