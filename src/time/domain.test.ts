import { describe, expect, it } from 'vitest';
import { clampDay, domainHidesEvents, fullDomain, storyDomain, type DayEvent } from './domain';
import { formatIsoDay, parseIsoDay } from './days';

const d = (s: string) => parseIsoDay(s)!;
const ev = (s: string, status: DayEvent['status'] = 'reported'): DayEvent => ({ day: d(s), status });
const iso = (x: { start: number; end: number } | null) => x && [formatIsoDay(x.start), formatIsoDay(x.end)];

describe('storyDomain', () => {
  const cases: { name: string; events: DayEvent[]; expected: string[] | null }[] = [
    { name: 'no events', events: [], expected: null },
    { name: 'one event gets two days a side', events: [ev('2025-05-24')], expected: ['2025-05-22', '2025-05-26'] },
    {
      name: 'background years earlier is left out',
      events: [ev('2022-02-01', 'background'), ev('2025-05-16'), ev('2025-05-23'), ev('2025-05-24'), ev('2025-05-25', 'planned')],
      expected: ['2025-05-14', '2025-05-27'],
    },
    {
      name: 'the biggest cluster wins over an early outlier that is reported',
      events: [ev('2024-01-01'), ev('2025-05-20'), ev('2025-05-21'), ev('2025-05-22')],
      expected: ['2025-05-18', '2025-05-24'],
    },
    {
      name: 'only background events: use them all',
      events: [ev('2022-02-01', 'background'), ev('2022-02-24', 'background')],
      expected: ['2022-01-30', '2022-02-26'],
    },
    {
      name: 'long story padded by 10 %',
      events: [ev('2025-01-01'), ev('2025-01-31'), ev('2025-03-01'), ev('2025-04-10')],
      expected: ['2024-12-22', '2025-04-20'],
    },
  ];
  for (const c of cases) it(c.name, () => expect(iso(storyDomain(c.events))).toEqual(c.expected));
});

describe('fullDomain and helpers', () => {
  const events = [ev('2022-02-01', 'background'), ev('2025-05-24')];
  it('spans everything', () => expect(iso(fullDomain(events))).toEqual(['2022-02-01', '2025-05-24']));
  it('knows when the story domain hides events', () => {
    expect(domainHidesEvents(storyDomain(events)!, events)).toBe(true);
    expect(domainHidesEvents(fullDomain(events)!, events)).toBe(false);
  });
  it('clamps', () => {
    const dom = { start: 10, end: 20 };
    expect([clampDay(5, dom), clampDay(15.4, dom), clampDay(99, dom)]).toEqual([10, 15, 20]);
  });
});
