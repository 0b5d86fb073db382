import { describe, expect, it } from 'vitest';
import { binDays, binUnitFor, dayTicks } from './histogram';
import { formatIsoDay, parseIsoDay } from './days';

const d = (s: string) => parseIsoDay(s)!;

describe('binDays', () => {
  it('counts per day inside the domain and ignores days outside', () => {
    const dom = { start: d('2025-05-22'), end: d('2025-05-26') };
    const bins = binDays([d('2022-02-01'), d('2025-05-23'), d('2025-05-24'), d('2025-05-24'), d('2025-05-24'), d('2025-05-26')], dom);
    expect(bins.map((b) => [formatIsoDay(b.start), b.count])).toEqual([
      ['2025-05-22', 0], ['2025-05-23', 1], ['2025-05-24', 3], ['2025-05-25', 0], ['2025-05-26', 1],
    ]);
    expect(bins.every((b) => b.end === b.start + 1)).toBe(true);
  });
  it('switches to weeks and months for long domains, keeping every event', () => {
    const dom = { start: d('2022-02-01'), end: d('2025-05-26') };
    expect(binUnitFor(dom)).toBe('month');
    expect(binUnitFor({ start: d('2025-01-01'), end: d('2025-12-31') })).toBe('week');
    const days = [d('2022-02-01'), d('2022-02-24'), d('2025-05-24'), d('2025-05-26')];
    const bins = binDays(days, dom);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(4);
    expect(formatIsoDay(bins[0]!.start)).toBe('2022-02-01');
    expect(bins[0]!.count).toBe(2);
    expect(bins.at(-1)!.count).toBe(2);
    expect(bins.at(-1)!.end).toBe(dom.end + 1);
  });
  it('covers a weekly domain that starts mid-week', () => {
    const dom = { start: d('2025-01-01'), end: d('2025-12-31') }; // a Wednesday
    const bins = binDays([dom.start, dom.end], dom, 'week');
    expect(bins[0]!.start).toBe(dom.start);
    expect(bins.map((b) => b.count).filter((c) => c > 0)).toEqual([1, 1]);
  });
});

describe('dayTicks', () => {
  it('labels a short domain with day and month', () => {
    const ticks = dayTicks({ start: d('2025-05-14'), end: d('2025-05-27') });
    expect(ticks.length).toBeGreaterThan(2);
    expect(ticks.map((t) => t.label)).toContain('18 May');
  });
  it('gives whole, distinct days on a very short domain', () => {
    const ticks = dayTicks({ start: d('2025-05-22'), end: d('2025-05-26') });
    expect(ticks.map((t) => t.label)).toEqual(['22 May', '23 May', '24 May', '25 May', '26 May']);
    expect(dayTicks({ start: d('2025-05-22'), end: d('2025-05-22') }).length).toBeLessThanOrEqual(1);
  });
  it('labels a long domain with years', () => {
    const ticks = dayTicks({ start: d('2022-02-01'), end: d('2025-05-26') });
    expect(ticks.map((t) => t.label)).toEqual(expect.arrayContaining(['2023', '2024', '2025']));
  });
});
