// Events per day (or per week/month when the domain is long) for the histogram
// above the slider, and axis ticks from a d3-scale time scale.
import { scaleUtc } from 'd3-scale';
import { utcMonth, utcWeek, utcYear } from 'd3-time';
import { dateToDay, dayToDate, formatShortDay, MONTHS } from './days';
import type { Domain } from './domain';

export interface Bin {
  /** First day of the bin (inclusive). */
  start: number;
  /** Day after the bin (exclusive). */
  end: number;
  count: number;
}

export type BinUnit = 'day' | 'week' | 'month';

/** Daily bins up to ~120 days, weekly up to ~2 years, monthly beyond. */
export function binUnitFor(domain: Domain, maxBins = 120): BinUnit {
  const days = domain.end - domain.start + 1;
  if (days <= maxBins) return 'day';
  if (days / 7 <= maxBins) return 'week';
  return 'month';
}

function binStarts(domain: Domain, unit: BinUnit): number[] {
  if (unit === 'day') {
    const out: number[] = [];
    for (let d = domain.start; d <= domain.end; d++) out.push(d);
    return out;
  }
  const interval = unit === 'week' ? utcWeek : utcMonth;
  const first = dateToDay(interval.floor(dayToDate(domain.start)));
  return interval.range(dayToDate(first), dayToDate(domain.end + 1)).map(dateToDay);
}

/** Counts of `days` in bins over `domain`; days outside the domain are ignored. */
export function binDays(days: readonly number[], domain: Domain, unit: BinUnit = binUnitFor(domain)): Bin[] {
  const starts = binStarts(domain, unit);
  if (starts.length === 0 || starts[0]! > domain.start) starts.unshift(domain.start);
  else starts[0] = domain.start; // a week or month that began before the domain
  const bins: Bin[] = starts.map((s, i) => ({ start: s, end: starts[i + 1] ?? domain.end + 1, count: 0 }));
  for (const day of days) {
    if (day < domain.start || day > domain.end) continue;
    // Binary search for the last bin starting at or before `day`.
    let lo = 0;
    let hi = bins.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (bins[mid]!.start <= day) lo = mid;
      else hi = mid - 1;
    }
    bins[lo]!.count++;
  }
  return bins;
}

export interface Tick {
  day: number;
  label: string;
}

/** About `count` readable ticks over the domain, from d3's UTC time scale. */
export function dayTicks(domain: Domain, count = 6): Tick[] {
  const scale = scaleUtc().domain([dayToDate(domain.start), dayToDate(domain.end)]);
  const span = domain.end - domain.start;
  // Short domains would get 12-hour ticks: keep whole days only, once each.
  const seen = new Set<number>();
  const days = scale.ticks(count).filter((t) => {
    if (t.getTime() % 86_400_000 !== 0 || seen.has(t.getTime())) return false;
    seen.add(t.getTime());
    return true;
  });
  return days.map((t) => {
    const day = dateToDay(t);
    let label: string;
    if (span <= 120) label = formatShortDay(day);
    else if (utcYear.floor(t).getTime() === t.getTime()) label = String(t.getUTCFullYear());
    else label = `${MONTHS[t.getUTCMonth()]!.slice(0, 3)} ${t.getUTCFullYear()}`;
    return { day, label };
  });
}

/** binDays from per-day counts (`perDay(day)` events on that day): O(days in the domain), for large data. */
export function binDayCounts(perDay: (day: number) => number, domain: Domain, unit: BinUnit = binUnitFor(domain)): Bin[] {
  const bins = binDays([], domain, unit);
  for (const b of bins) {
    let n = 0;
    for (let d = b.start; d < b.end; d++) n += perDay(d);
    b.count = n;
  }
  return bins;
}
