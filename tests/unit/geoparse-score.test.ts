// The scorer must give the numbers of the shared reference scorer (EUPEG matching rules).
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { score, type GoldDoc, type PredPlace } from '../../src/geoparse/resolve/evaluate.ts';

const text = 'Alexandria police said the man from Pineville fled to Texas, then Paris.';
// Spans into `text`: Alexandria 0-10, Pineville 36-45, Texas 54-59, Paris 66-71.
const gold: GoldDoc[] = [
  {
    id: 'a',
    text,
    toponyms: [
      { start: 0, end: 10, name: 'Alexandria', lat: 31.3113, lon: -92.4451 },
      { start: 36, end: 45, name: 'Pineville', lat: 31.3224, lon: -92.4343 },
      { start: 54, end: 59, name: 'Texas', lat: 31.2504, lon: -99.2506 },
      { start: 66, end: 71, name: 'Paris', lat: 33.6609, lon: -95.5555 },
    ],
  },
  { id: 'b', text: 'Nothing found here in Ohio.', toponyms: [{ start: 22, end: 26, name: 'Ohio', lat: 40.25, lon: -83.0 }] },
];
const preds = new Map<string, PredPlace[]>([
  [
    'a',
    [
      { start: 0, end: 10, surface: 'Alexandria', lat: 31.2156, lon: 29.9553 }, // matched, Egypt: far off
      { start: 36, end: 45, surface: 'Pineville', lat: 31.33, lon: -92.43 }, // matched, close
      { start: 54, end: 59, surface: 'TEXAS', lat: 31.4, lon: -99.3 }, // matched case-insensitively
      { start: 27, end: 30, surface: 'man', lat: 7.4, lon: -7.55 }, // false positive
      // Paris missed
    ],
  ],
  // document b: no prediction line at all
]);

describe('score', () => {
  const s = score(gold, preds);
  it('counts matches, misses and false positives', () => {
    expect(s).toMatchObject({ gold: 5, predicted: 4, matched: 3, precision: 0.75, recall: 0.6, f1: 0.6667 });
  });
  it('measures distance over matched and over all gold', () => {
    expect(s.acc161_matched).toBe(0.6667);
    expect(s.acc161_all_gold).toBe(0.4);
    expect(s.median_err_km).toBeGreaterThan(0);
    expect(s.median_err_km).toBeLessThan(161);
    expect(s.mean_err_km).toBeGreaterThan(3000);
  });
  it('needs span mid-points under 10 characters apart', () => {
    const shifted = new Map([['b', [{ start: 40, end: 44, surface: 'Ohio', lat: 40.25, lon: -83 }]]]);
    expect(score([gold[1]!], shifted).matched).toBe(0);
    const near = new Map([['b', [{ start: 23, end: 27, surface: 'Ohio', lat: 40.25, lon: -83 }]]]);
    expect(score([gold[1]!], near).matched).toBe(1);
  });

  it('agrees with the shared reference scorer when it is there', () => {
    const scorer = path.resolve(import.meta.dirname, '../../../shared/eval/score.mjs');
    // Hand-computed numbers above hold either way; the reference run is an extra check.
    if (!fs.existsSync(scorer)) return;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'geoparse-score-'));
    const goldFile = path.join(dir, 'gold.jsonl');
    const predFile = path.join(dir, 'pred.jsonl');
    fs.writeFileSync(goldFile, gold.map((d) => JSON.stringify(d)).join('\n') + '\n');
    fs.writeFileSync(predFile, [...preds].map(([id, places]) => JSON.stringify({ id, places })).join('\n') + '\n');
    const r = spawnSync(process.execPath, [scorer, goldFile, predFile], { encoding: 'utf8' });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(s);
  });
});
