// The geoparse command line: JSONL in, JSONL out, nothing else on stdout, bad lines
// reported on stderr with their line number.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const repo = path.resolve(import.meta.dirname, '../..');

function run(input: string, args: string[] = []) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/geoparse.ts', ...args], { cwd: repo, input, encoding: 'utf8' });
}

describe('npm run geoparse', () => {
  const docs = [
    { id: 'seed', text: 'A massive Russian air assault hit Kyiv; missiles also struck Odesa and Kupyansk.', date: '2025-05-24' },
    { id: 7, text: 'Talks between Ukrainian and Russian negotiators were held in Istanbul — “the first in years”.' },
  ];
  const input = [JSON.stringify(docs[0]), '{not json', '', JSON.stringify({ id: 'x' }), JSON.stringify(docs[1])].join('\n') + '\n';
  const r = run(input);

  it('writes one JSON line per good document and only JSON to stdout', () => {
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    const out = lines.map((l) => JSON.parse(l) as { id: unknown; places: { start: number; end: number; surface: string; name: string; lat: number; lon: number; kind: string; country: string; confidence: number }[] });
    expect(out.map((o) => o.id)).toEqual(['seed', 7]);
    expect(out[0]!.places.map((p) => p.surface)).toEqual(['Russian', 'Kyiv', 'Odesa', 'Kupyansk']);
    expect(out[1]!.places.map((p) => p.surface)).toEqual(['Ukrainian', 'Russian', 'Istanbul']);
    expect(out[0]!.places.find((p) => p.surface === 'Kupyansk')).toMatchObject({ country: 'UA', kind: 'city' });
  });

  it('gives JavaScript string offsets: surface === text.slice(start, end)', () => {
    const out = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { places: { start: number; end: number; surface: string }[] });
    out.forEach((o, i) => {
      for (const p of o.places) expect(docs[i]!.text.slice(p.start, p.end)).toBe(p.surface);
    });
  });

  it('reports bad lines with their numbers on stderr and goes on', () => {
    expect(r.stderr).toMatch(/line 2: not valid JSON/);
    expect(r.stderr).toMatch(/line 4: expected an object with a string "text"/);
    expect(r.stderr).not.toMatch(/line 3/); // blank lines are skipped silently
  });

  it('reads --in FILE and fails clearly when it is missing', () => {
    const missing = run('', ['--in', 'no/such/file.jsonl']);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/no\/such\/file\.jsonl: no such file/);
  });
});
