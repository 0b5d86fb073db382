// Small pure helpers of the bench runner (unit-tested in tests/unit/scale-bench.test.ts).
import { rng } from '../gen-events';

/** Quantile with linear interpolation between order statistics (q in [0, 1]). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

export const median = (v: readonly number[]) => quantile(v, 0.5);

/**
 * The seeded date sequence every method replays: mostly single days forward (play),
 * some back, week hops and long jumps anywhere (scrubbing), inside [first, last].
 */
export function stepSequence(seed: number, n: number, first: number, last: number, start: number): number[] {
  const r = rng(seed);
  const out: number[] = [];
  let d = start;
  for (let i = 0; i < n; i++) {
    const u = r();
    if (u < 0.5) d += 1;
    else if (u < 0.65) d -= 1;
    else if (u < 0.75) d += 7;
    else d = first + Math.floor(r() * (last - first + 1));
    if (d > last) d = first + (d - last - 1);
    if (d < first) d = last - (first - d - 1);
    out.push(d);
  }
  return out;
}

/** Per-day counts → events in the inclusive window [lo, hi]. */
export function windowCount(perDay: ReadonlyMap<number, number>, lo: number, hi: number): number {
  let n = 0;
  for (let d = lo; d <= hi; d++) n += perDay.get(d) ?? 0;
  return n;
}

export function fmt(v: number | null | undefined, digits = 0): string {
  return v === null || v === undefined || Number.isNaN(v) ? '–' : v.toFixed(digits);
}
