// Calendar days as integers: days since 1970-01-01 in UTC. Every date in the app
// goes through here, so nothing depends on the reader's time zone.
import { utcDay } from 'd3-time';

export const MS_PER_DAY = 86_400_000;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2025-05-24" → day number, or null when the string is not a real calendar day. */
export function parseIsoDay(s: string): number | null {
  const m = ISO_DAY.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(t / MS_PER_DAY);
}

export function dayToDate(day: number): Date {
  return new Date(day * MS_PER_DAY);
}

export function dateToDay(date: Date): number {
  return Math.floor(utcDay.floor(date).getTime() / MS_PER_DAY);
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

export function formatIsoDay(day: number): string {
  const d = dayToDate(day);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** "24 May 2025" (newsroom style, no locale or time-zone dependence). */
export function formatHumanDay(day: number): string {
  const d = dayToDate(day);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "24 May" — short form for axis ticks inside one year. */
export function formatShortDay(day: number): string {
  const d = dayToDate(day);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]!.slice(0, 3)}`;
}

/** The date as the source gives it: "24 May 2025", "February 2022", "2022". */
export function formatWithPrecision(day: number, precision: 'day' | 'month' | 'year'): string {
  const d = dayToDate(day);
  if (precision === 'year') return String(d.getUTCFullYear());
  if (precision === 'month') return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  return formatHumanDay(day);
}

/** Every day from `start` to `end` inclusive, via d3-time. */
export function dayRange(start: number, end: number): number[] {
  return utcDay.range(dayToDate(start), dayToDate(end + 1)).map(dateToDay);
}

/** "16–25 May 2025", "30 April – 2 May 2025", "30 December 2024 – 2 January 2025". */
export function formatDayRange(a: number, b: number): string {
  if (a === b) return formatHumanDay(a);
  const x = dayToDate(Math.min(a, b));
  const y = dayToDate(Math.max(a, b));
  if (x.getUTCFullYear() !== y.getUTCFullYear()) return `${formatHumanDay(Math.min(a, b))} – ${formatHumanDay(Math.max(a, b))}`;
  if (x.getUTCMonth() !== y.getUTCMonth()) return `${x.getUTCDate()} ${MONTHS[x.getUTCMonth()]} – ${formatHumanDay(Math.max(a, b))}`;
  return `${x.getUTCDate()}–${formatHumanDay(Math.max(a, b))}`;
}
