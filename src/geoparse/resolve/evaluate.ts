// Scores geoparser output against gold toponyms the way the published comparisons do
// (EUPEG's matching): a prediction matches a gold toponym when the lower-cased surfaces
// are equal and the span mid-points are under 10 characters apart (greedy, one to one).
// Pure: no I/O, so the CLI and its tests share it.
import { haversineKm } from './resolve.ts';

export interface GoldToponym { start: number; end: number; name: string; lat: number; lon: number }
export interface GoldDoc { id: string; text: string; toponyms: GoldToponym[] }
export interface PredPlace { start: number; end: number; surface: string; lat: number; lon: number }

export interface Scores {
  gold: number;
  predicted: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
  acc161_matched: number | null;
  acc161_all_gold: number;
  mean_err_km: number | null;
  median_err_km: number | null;
  auc_matched: number | null;
}

/** Errors of matched pairs plus the counts; `onDoc` sees each document's matching for error analysis. */
export function score(
  gold: GoldDoc[],
  preds: Map<string, PredPlace[]>,
  onDoc?: (doc: GoldDoc, matched: [GoldToponym, PredPlace, number][], missed: GoldToponym[], extra: PredPlace[]) => void,
): Scores {
  let tp = 0, fp = 0, fn = 0;
  const errs: number[] = [];
  for (const doc of gold) {
    const pred = [...(preds.get(String(doc.id)) ?? [])];
    const matched: [GoldToponym, PredPlace, number][] = [];
    const missed: GoldToponym[] = [];
    for (const g of doc.toponyms) {
      const mg = (g.start + g.end) / 2;
      const i = pred.findIndex((p) => Math.abs((p.start + p.end) / 2 - mg) < 10 && String(p.surface).toLowerCase() === g.name.toLowerCase());
      if (i < 0) {
        fn++;
        missed.push(g);
        continue;
      }
      tp++;
      const p = pred.splice(i, 1)[0] as PredPlace;
      const e = Number.isFinite(p.lat) && Number.isFinite(p.lon) ? haversineKm(p.lat, p.lon, g.lat, g.lon) : 20039;
      errs.push(e);
      matched.push([g, p, e]);
    }
    fp += pred.length;
    onDoc?.(doc, matched, missed, pred);
  }
  errs.sort((a, b) => a - b);
  const n = errs.length;
  const P = tp / (tp + fp || 1), R = tp / (tp + fn || 1), F1 = tp ? (2 * P * R) / (P + R) : 0;
  const within = errs.filter((e) => e < 161).length;
  const median = n ? (n % 2 ? (errs[(n - 1) / 2] as number) : ((errs[n / 2 - 1] as number) + (errs[n / 2] as number)) / 2) : NaN;
  let auc = NaN;
  if (n > 1) {
    const L = errs.map((e) => Math.log(1 + e) / Math.log(20039));
    auc = (0.5 * ((L[0] as number) + (L[n - 1] as number)) + L.slice(1, n - 1).reduce((a, b) => a + b, 0)) / (n - 1);
  }
  const r4 = (x: number) => +x.toFixed(4);
  return {
    gold: tp + fn,
    predicted: tp + fp,
    matched: tp,
    precision: r4(P),
    recall: r4(R),
    f1: r4(F1),
    acc161_matched: n ? r4(within / n) : null,
    acc161_all_gold: r4(within / (tp + fn || 1)),
    mean_err_km: n ? Math.round(errs.reduce((a, b) => a + b, 0) / n) : null,
    median_err_km: n ? +median.toFixed(1) : null,
    auc_matched: n > 1 ? r4(auc) : null,
  };
}
