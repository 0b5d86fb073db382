// Runs the geoparser on a gold corpus's texts (recognition included: no gold spans are
// used) and prints the scores of ../shared/eval/score.mjs. Options:
//   --pred FILE   also write the predictions as JSONL
//   --errors FILE write false positives, misses and far-off matches for error analysis
import fs from 'node:fs';
import { geoparse, loadGazetteer } from '../src/geoparse/geoparse.ts';
import { score, type GoldDoc, type PredPlace } from '../src/geoparse/resolve/evaluate.ts';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const predOut = opt('--pred');
const errOut = opt('--errors');
const goldPath = args[0];
if (!goldPath) {
  process.stderr.write('usage: npm run eval:geoparse -- GOLD.jsonl [--pred OUT.jsonl] [--errors OUT.txt]\n');
  process.exit(2);
}
if (!fs.existsSync(goldPath)) {
  process.stderr.write(`eval:geoparse: ${goldPath}: no such file\n`);
  process.exit(1);
}
const gold: GoldDoc[] = [];
fs.readFileSync(goldPath, 'utf8').split('\n').forEach((line, i) => {
  if (!line.trim()) return;
  try {
    gold.push(JSON.parse(line) as GoldDoc);
  } catch (e) {
    process.stderr.write(`eval:geoparse: ${goldPath} line ${i + 1}: ${(e as Error).message}\n`);
  }
});
const gaz = await loadGazetteer();
const preds = new Map<string, PredPlace[]>();
const full = new Map<string, ReturnType<typeof geoparse>>();
for (const doc of gold) {
  const places = geoparse(doc.text, gaz);
  full.set(String(doc.id), places);
  preds.set(String(doc.id), places);
}
const errLines: string[] = [];
const result = score(gold, preds, (doc, matched, missed, extra) => {
  if (!errOut) return;
  const ctx = (s: number, e: number) => doc.text.slice(Math.max(0, s - 40), e + 40).replace(/\s+/g, ' ');
  for (const g of missed) errLines.push(`FN\t${doc.id}\t${g.name}\t${ctx(g.start, g.end)}`);
  for (const p of extra) errLines.push(`FP\t${doc.id}\t${p.surface}\t${(p as { name?: string }).name}/${(p as { country?: string }).country}\t${ctx(p.start, p.end)}`);
  for (const [g, p, e] of matched) if (e >= 161) errLines.push(`FAR\t${doc.id}\t${g.name}\t${Math.round(e)}km\tgot ${(p as { name?: string }).name}/${(p as { country?: string }).country} ${p.lat},${p.lon}\tgold ${g.lat},${g.lon}\t${ctx(g.start, g.end)}`);
});
if (predOut) fs.writeFileSync(predOut, [...full].map(([id, places]) => JSON.stringify({ id, places })).join('\n') + '\n');
if (errOut) fs.writeFileSync(errOut, errLines.join('\n') + '\n');
console.log(JSON.stringify(result, null, 2));
