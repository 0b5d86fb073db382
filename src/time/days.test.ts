import { describe, expect, it } from 'vitest';
import { dayRange, formatDayRange, formatHumanDay, formatIsoDay, formatShortDay, formatWithPrecision, parseIsoDay } from './days';

describe('parseIsoDay', () => {
  const cases: { name: string; input: string; expected: number | null }[] = [
    { name: 'epoch', input: '1970-01-01', expected: 0 },
    { name: 'the story day', input: '2025-05-24', expected: 20232 },
    { name: 'leap day', input: '2024-02-29', expected: 19782 },
    { name: 'not a leap year', input: '2025-02-29', expected: null },
    { name: 'month 13', input: '2025-13-01', expected: null },
    { name: 'no padding', input: '2025-5-24', expected: null },
    { name: 'with time', input: '2025-05-24T00:00', expected: null },
    { name: 'garbage', input: 'yesterday', expected: null },
  ];
  for (const c of cases) it(c.name, () => expect(parseIsoDay(c.input)).toBe(c.expected));
});

describe('formatting', () => {
  it('round-trips ISO days', () => {
    for (const s of ['1999-12-31', '2022-02-24', '2025-05-24', '2000-02-29']) expect(formatIsoDay(parseIsoDay(s)!)).toBe(s);
  });
  it('formats the human date newsroom style', () => {
    expect(formatHumanDay(parseIsoDay('2025-05-24')!)).toBe('24 May 2025');
    expect(formatHumanDay(parseIsoDay('2022-02-01')!)).toBe('1 February 2022');
    expect(formatShortDay(parseIsoDay('2025-05-04')!)).toBe('4 May');
  });
  it('honours the date precision', () => {
    const d = parseIsoDay('2022-02-01')!;
    expect(formatWithPrecision(d, 'month')).toBe('February 2022');
    expect(formatWithPrecision(d, 'year')).toBe('2022');
    expect(formatWithPrecision(d, 'day')).toBe('1 February 2022');
  });
  it('lists days inclusively', () => {
    const a = parseIsoDay('2025-05-30')!;
    expect(dayRange(a, a + 3).map(formatIsoDay)).toEqual(['2025-05-30', '2025-05-31', '2025-06-01', '2025-06-02']);
    expect(dayRange(a, a)).toEqual([a]);
  });
});

describe('formatDayRange', () => {
  const d = (s: string) => parseIsoDay(s)!;
  const cases: [string, string, string][] = [
    ['2025-05-16', '2025-05-25', '16–25 May 2025'],
    ['2025-04-30', '2025-05-02', '30 April – 2 May 2025'],
    ['2024-12-30', '2025-01-02', '30 December 2024 – 2 January 2025'],
    ['2025-05-24', '2025-05-24', '24 May 2025'],
    ['2025-05-25', '2025-05-16', '16–25 May 2025'],
  ];
  for (const [a, b, expected] of cases) it(expected, () => expect(formatDayRange(d(a), d(b))).toBe(expected));
});
