// Days as integers (days since 1970-01-01 UTC): the renderer, the binary format and
// the bench all compare days, never Date objects or strings, so a window is exact.
const MS_PER_DAY = 86_400_000;

/** 'YYYY-MM-DD' → days since epoch (UTC). Throws on a malformed date. */
export function dayFromIso(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY);
}

/** Days since epoch → 'YYYY-MM-DD'. */
export function isoFromDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
