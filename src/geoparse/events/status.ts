// reported | planned | background, from the event's date against the article date
// and the tense of its clause.
import type { DatePrecision, Status } from '../../events/types.ts';
import { FUTURE_RE } from '../dates/resolve.ts';
import { daysBetween } from '../dates/iso.ts';

/** Events more than this many days before the article are history mentioned in passing. */
export const BACKGROUND_AFTER_DAYS = 31;

/** `clause`: the clause's text, or whether it is in the future tense (FUTURE_RE) when the caller knows. */
export function statusOf(date: string, precision: DatePrecision, articleDate: string, clause: string | boolean): Status {
  const period = precision === 'day' ? date : precision === 'month' ? date.slice(0, 7) : date.slice(0, 4);
  const own = precision === 'day' ? articleDate : precision === 'month' ? articleDate.slice(0, 7) : articleDate.slice(0, 4);
  if (period > own) return 'planned';
  if (period === own && (typeof clause === 'boolean' ? clause : FUTURE_RE.test(clause))) return 'planned';
  if (period < own && (precision !== 'day' || daysBetween(date, articleDate) > BACKGROUND_AFTER_DAYS)) return 'background';
  return 'reported';
}
