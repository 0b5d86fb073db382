import { describe, expect, it, vi } from 'vitest';
import { findDates } from '../../src/geoparse/dates/resolve.ts';
import { statusOf } from '../../src/geoparse/events/status.ts';
import { addDays, daysBetween, weekday } from '../../src/geoparse/dates/iso.ts';

// The seed is dated Saturday 2025-05-24. Cases are phrases from real news sentences.
const ARTICLE = '2025-05-24';

describe('findDates (relative to the article date, in UTC days)', () => {
  const CASES: { text: string; want: { text: string; date: string; precision: string; kind: string; offset?: number } | null; future?: boolean }[] = [
    { text: 'another 307 Ukrainians had returned home on May 24', want: { text: 'May 24', date: '2025-05-24', precision: 'day', kind: 'explicit' } },
    { text: 'a 90-minute meeting in Istanbul on May 16', want: { text: 'May 16', date: '2025-05-16', precision: 'day', kind: 'explicit' } },
    { text: 'The May 23 exchange took place at the border', want: { text: 'May 23', date: '2025-05-23', precision: 'day', kind: 'explicit' } },
    { text: 'a massive overnight Russian air assault on Kyiv', want: { text: 'overnight', date: '2025-05-24', precision: 'day', kind: 'relative' } },
    { text: 'explosions were heard in Kyiv last night', want: { text: 'last night', date: '2025-05-24', precision: 'day', kind: 'relative' } },
    { text: 'since Moscow launched its full-scale invasion of Ukraine in February 2022', want: { text: 'February 2022', date: '2022-02-01', precision: 'month', kind: 'explicit' } },
    { text: 'As Day 2 of the swap went ahead', want: { text: 'Day 2 of', date: ARTICLE, precision: 'day', kind: 'day-of', offset: 2 } },
    { text: 'The attacks came hours after the two sides exchanged prisoners', want: { text: 'hours after', date: ARTICLE, precision: 'day', kind: 'anchored', offset: 0 } },
    { text: 'Russian forces withdrew the next day', want: { text: 'the next day', date: '2025-05-25', precision: 'day', kind: 'anchored', offset: 1 } },
    { text: 'Ukraine and Russia exchanged prisoners on Friday', want: { text: 'on Friday', date: '2025-05-23', precision: 'day', kind: 'relative' } },
    { text: 'the delegations will meet again on Friday', future: true, want: { text: 'on Friday', date: '2025-05-30', precision: 'day', kind: 'relative' } },
    { text: 'Drones hit Kharkiv on Monday', want: { text: 'on Monday', date: '2025-05-19', precision: 'day', kind: 'relative' } },
    { text: 'A drone struck a bus in Sumy yesterday', want: { text: 'yesterday', date: '2025-05-23', precision: 'day', kind: 'relative' } },
    { text: 'The talks collapsed last week', want: { text: 'last week', date: '2025-05-17', precision: 'day', kind: 'relative' } },
    { text: 'Kyiv was hit earlier this month', want: { text: 'this month', date: '2025-05-01', precision: 'month', kind: 'relative' } },
    { text: 'Crimea, annexed by Russia in 2014', want: { text: 'in 2014', date: '2014-01-01', precision: 'year', kind: 'explicit' } },
    { text: 'the exchanges would continue for a third day on May 25', want: { text: 'May 25', date: '2025-05-25', precision: 'day', kind: 'explicit' } },
    { text: 'Two days later, drones hit Kharkiv', want: { text: 'Two days later', date: '2025-05-26', precision: 'day', kind: 'anchored', offset: 2 } },
    { text: 'a week earlier, talks had stalled', want: { text: 'a week earlier', date: '2025-05-17', precision: 'day', kind: 'anchored', offset: -7 } },
    { text: 'Kyiv has been shelled over the past two years', want: null },
    { text: 'She had been living in England for four years', want: null },
    // Not dates: durations, ages, clock times in a video caption, model codes.
    { text: 'The alert lasted 8 hours.', want: null },
    { text: 'a 43-year-old woman hospitalized with a penetrating wound', want: null },
    { text: 'No media source currently available 0:00 0:00:40 0:00', want: null },
    { text: '14 Iskander-M/KN-23 ballistic missiles', want: null },
  ];
  it.each(CASES)('$text', ({ text, want, future }) => {
    const found = findDates(text, ARTICLE, { future: future ?? false });
    if (!want) return expect(found).toEqual([]);
    const hit = want.kind === 'explicit' ? found.find((d) => d.kind === 'explicit') : found[0];
    expect(hit).toMatchObject(want);
    expect(text.slice(hit!.start, hit!.end)).toBe(hit!.text);
  });

  it('gives "for a third day" as day 3 of the event besides the explicit date', () => {
    const found = findDates('the exchanges would continue for a third day on May 25', ARTICLE);
    expect(found.map((d) => [d.kind, d.offset ?? null])).toEqual([
      ['day-of', 3],
      ['explicit', null],
    ]);
  });

  it('gives the same answers whatever the clock says', () => {
    const phrases = 'Drones hit Kharkiv yesterday, on Friday, last week, earlier this month and overnight on May 16.';
    const before = findDates(phrases, ARTICLE);
    vi.useFakeTimers({ now: new Date('2031-11-30T23:59:59Z') });
    try {
      expect(findDates(phrases, ARTICLE)).toEqual(before);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not depend on the machine time zone or clock', () => {
    // Same answers for an article dated on a year boundary, where a zone shift would show.
    expect(findDates('Missiles struck Kyiv overnight and on December 31', '2025-01-01')).toMatchObject([
      { text: 'overnight', date: '2025-01-01' },
      { text: 'December 31', date: '2024-12-31' },
    ]);
  });
});

describe('statusOf', () => {
  it.each([
    ['2025-05-25', 'day', 'the exchanges would continue for a third day on May 25', 'planned'],
    ['2025-05-24', 'day', 'talks will resume today', 'planned'],
    ['2025-05-24', 'day', 'a process which resumed on May 24', 'reported'],
    ['2025-05-16', 'day', 'a meeting in Istanbul on May 16', 'reported'],
    ['2022-02-01', 'month', 'Moscow launched its full-scale invasion of Ukraine in February 2022', 'background'],
    ['2025-05-01', 'month', 'Kyiv was hit earlier this month', 'reported'],
    ['2025-03-10', 'day', 'talks on March 10 ended without a deal', 'background'],
    ['2014-01-01', 'year', 'annexed by Russia in 2014', 'background'],
  ] as const)('%s (%s) in "%s" is %s', (date, precision, clause, want) => {
    expect(statusOf(date, precision, ARTICLE, clause)).toBe(want);
  });
});

describe('UTC day arithmetic', () => {
  it.each([
    ['2025-05-24', 1, '2025-05-25'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2024-03-01', -1, '2024-02-29'],
  ] as const)('%s + %d = %s', (a, n, b) => {
    expect(addDays(a, n)).toBe(b);
    expect(daysBetween(a, b)).toBe(n);
  });
  it('knows the seed was a Saturday', () => expect(weekday('2025-05-24')).toBe(6));
});
