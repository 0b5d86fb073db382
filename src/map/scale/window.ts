// A time view → the inclusive day window it shows → one contiguous index range
// of the day-sorted events. Nothing here scans events: O(1) with the day index.
import type { TimeView } from '../renderer';

export interface DayWindow {
  /** First and last day shown, inclusive (days since epoch). lo > hi means empty. */
  lo: number;
  hi: number;
}

export interface IndexRange {
  first: number;
  /** Exclusive end. */
  end: number;
}

/** Trail: the day and `trailDays` days before it. Cumulative: everything up to the day. */
export function dayWindow(view: TimeView, dayMin: number): DayWindow {
  const trail = Math.max(0, Math.floor(view.trailDays));
  const lo = view.mode === 'cumulative' ? dayMin : view.day - trail;
  return { lo, hi: view.day };
}

/**
 * Index range of the events whose day is in [lo, hi], given `dayStart` (length
 * dayCount + 1): the events of day dayMin + k are [dayStart[k], dayStart[k + 1]).
 */
export function rangeOfWindow(dayStart: Uint32Array, dayMin: number, w: DayWindow): IndexRange {
  const dayCount = dayStart.length - 1;
  const a = clamp(w.lo - dayMin, 0, dayCount);
  const b = clamp(w.hi - dayMin + 1, 0, dayCount);
  if (b <= a) return { first: dayStart[a] ?? 0, end: dayStart[a] ?? 0 };
  return { first: dayStart[a]!, end: dayStart[b]! };
}

/** Builds `dayStart` from per-event days (any order: it only counts). */
export function buildDayStart(sortedDays: ArrayLike<number>, dayMin: number, dayCount: number): Uint32Array {
  const start = new Uint32Array(dayCount + 1);
  // Count per day, then prefix-sum: O(n), no search.
  for (let i = 0; i < sortedDays.length; i++) {
    const k = sortedDays[i]! - dayMin;
    if (k < 0 || k >= dayCount) throw new Error(`day ${sortedDays[i]} outside [${dayMin}, ${dayMin + dayCount})`);
    start[k + 1] = start[k + 1]! + 1;
  }
  for (let k = 0; k < dayCount; k++) start[k + 1] = start[k + 1]! + start[k]!;
  return start;
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}
