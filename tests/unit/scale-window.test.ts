import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildDayStart, dayWindow, rangeOfWindow } from '../../src/map/scale/window';
import { dayFromIso, isoFromDay } from '../../src/map/scale/day';

describe('day numbers', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['2024-02-29', 19782],
    ['2025-05-24', 20232],
  ])('%s is day %i and back', (iso, day) => {
    expect(dayFromIso(iso)).toBe(day);
    expect(isoFromDay(day)).toBe(iso);
  });
  it('rejects a malformed date', () => expect(() => dayFromIso('24 May 2025')).toThrow());
});

describe('dayWindow', () => {
  const cases = [
    { name: 'trail of 6 days is 7 days', view: { day: 100, mode: 'trail' as const, trailDays: 6 }, expected: { lo: 94, hi: 100 } },
    { name: 'an 8-day window is 8 days, not two 7-day bins', view: { day: 100, mode: 'trail' as const, trailDays: 7 }, expected: { lo: 93, hi: 100 } },
    { name: 'trail 0 is the day alone', view: { day: 5, mode: 'trail' as const, trailDays: 0 }, expected: { lo: 5, hi: 5 } },
    { name: 'negative trail is clamped', view: { day: 5, mode: 'trail' as const, trailDays: -3 }, expected: { lo: 5, hi: 5 } },
    { name: 'cumulative starts at the first day', view: { day: 50, mode: 'cumulative' as const, trailDays: 6 }, expected: { lo: 10, hi: 50 } },
  ];
  for (const c of cases) it(c.name, () => expect(dayWindow(c.view, 10)).toEqual(c.expected));
});

describe('rangeOfWindow', () => {
  // Days 10..14: counts 2, 0, 3, 1, 2
  const days = [10, 10, 12, 12, 12, 13, 14, 14];
  const start = buildDayStart(days, 10, 5);
  it('builds the day index', () => expect([...start]).toEqual([0, 2, 2, 5, 6, 8]));
  const cases = [
    { name: 'one day', w: { lo: 12, hi: 12 }, expected: { first: 2, end: 5 } },
    { name: 'an empty day', w: { lo: 11, hi: 11 }, expected: { first: 2, end: 2 } },
    { name: 'all days', w: { lo: 10, hi: 14 }, expected: { first: 0, end: 8 } },
    { name: 'window before the data', w: { lo: 0, hi: 9 }, expected: { first: 0, end: 0 } },
    { name: 'window after the data', w: { lo: 15, hi: 30 }, expected: { first: 8, end: 8 } },
    { name: 'window overlapping the start', w: { lo: 5, hi: 10 }, expected: { first: 0, end: 2 } },
    { name: 'window overlapping the end', w: { lo: 13, hi: 99 }, expected: { first: 5, end: 8 } },
    { name: 'inverted window is empty', w: { lo: 13, hi: 12 }, expected: { first: 5, end: 5 } },
  ];
  for (const c of cases) it(c.name, () => expect(rangeOfWindow(start, 10, c.w)).toEqual(c.expected));

  it('selects exactly the events of the window (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: -5, max: 45 }),
        fc.integer({ min: 0, max: 20 }),
        (raw, hi, trail) => {
          const sorted = raw.slice().sort((a, b) => a - b);
          const dayMin = sorted[0]!;
          const dayCount = sorted[sorted.length - 1]! - dayMin + 1;
          const s = buildDayStart(sorted, dayMin, dayCount);
          const w = dayWindow({ day: hi, mode: 'trail', trailDays: trail }, dayMin);
          const r = rangeOfWindow(s, dayMin, w);
          const inside = sorted.map((d, i) => [d, i] as const).filter(([d]) => d >= w.lo && d <= w.hi).map(([, i]) => i);
          expect(r.end - r.first).toBe(inside.length);
          if (inside.length) expect([r.first, r.end - 1]).toEqual([inside[0], inside[inside.length - 1]]);
        },
      ),
      { seed: 6, numRuns: 300 },
    );
  });

  it('refuses days outside the declared span', () => expect(() => buildDayStart([3], 4, 2)).toThrow());
});
