// Which stretch of time the slider shows. Articles mention history in passing
// (an invasion three years earlier); the story itself is a week. The default
// domain is the densest cluster of reported/planned events, padded; "all" is
// the full extent of the data.

export interface DayEvent {
  day: number;
  status: 'reported' | 'planned' | 'background';
}

export interface Domain {
  start: number;
  end: number;
}

/** A gap longer than this (days) splits the story into separate clusters. */
export const CLUSTER_GAP_DAYS = 45;

export function fullDomain(events: readonly DayEvent[]): Domain | null {
  if (events.length === 0) return null;
  let start = Infinity;
  let end = -Infinity;
  for (const e of events) {
    if (e.day < start) start = e.day;
    if (e.day > end) end = e.day;
  }
  return { start, end };
}

/**
 * The story's span: days of non-background events split into clusters at gaps
 * longer than CLUSTER_GAP_DAYS; the cluster with the most events wins (the
 * latest on a tie). Padded by 10 % of its length, at least 2 days a side,
 * and never beyond the full domain by more than the padding.
 */
export function storyDomain(events: readonly DayEvent[], gap = CLUSTER_GAP_DAYS): Domain | null {
  const full = fullDomain(events);
  if (!full) return null;
  const story = events.filter((e) => e.status !== 'background').map((e) => e.day);
  const days = (story.length > 0 ? story : events.map((e) => e.day)).sort((a, b) => a - b);
  let best = { start: days[0]!, end: days[0]!, count: 1 };
  let cur = { ...best };
  for (let i = 1; i < days.length; i++) {
    const d = days[i]!;
    if (d - cur.end > gap) cur = { start: d, end: d, count: 1 };
    else cur = { start: cur.start, end: d, count: cur.count + 1 };
    if (cur.count >= best.count) best = { ...cur };
  }
  const pad = Math.max(2, Math.round((best.end - best.start) * 0.1));
  return { start: best.start - pad, end: best.end + pad };
}

/** True when the story domain hides some events (so "show all" is worth offering). */
export function domainHidesEvents(domain: Domain, events: readonly DayEvent[]): boolean {
  return events.some((e) => e.day < domain.start || e.day > domain.end);
}

export function clampDay(day: number, domain: Domain): number {
  return Math.min(domain.end, Math.max(domain.start, Math.round(day)));
}

/**
 * storyDomain from per-day counts instead of one entry per event (large data:
 * O(days), not O(events)). `story[k]` counts day dayMin + k's non-background
 * events, `all[k]` all of them; gives exactly storyDomain's answer on the same events.
 */
export function storyDomainOfDayCounts(dayMin: number, story: ArrayLike<number>, all: ArrayLike<number>, gap = CLUSTER_GAP_DAYS): Domain | null {
  let anyStory = false;
  let any = false;
  for (let k = 0; k < all.length; k++) {
    if (story[k]! > 0) anyStory = true;
    if (all[k]! > 0) any = true;
  }
  if (!any) return null;
  const w = anyStory ? story : all;
  let best: { start: number; end: number; count: number } | null = null;
  let cur: { start: number; end: number; count: number } | null = null;
  for (let k = 0; k < w.length; k++) {
    const n = w[k]!;
    if (n === 0) continue;
    const d = dayMin + k;
    // Adding a day's events one by one or all at once ends in the same state: the
    // count only grows within a cluster, so the last comparison decides.
    if (!cur || d - cur.end > gap) cur = { start: d, end: d, count: n };
    else cur = { start: cur.start, end: d, count: cur.count + n };
    if (!best || cur.count >= best.count) best = { ...cur };
  }
  const b = best!;
  const pad = Math.max(2, Math.round((b.end - b.start) * 0.1));
  return { start: b.start - pad, end: b.end + pad };
}
