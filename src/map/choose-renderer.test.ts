import { describe, expect, it } from 'vitest';
import type { EventFeature } from '../events/types';
import { columnsFromFeatures } from './scale/columns';
import { chooseRendererFor, chooseRendererKind, MAX_DAY_LAYER_DAYS, MAX_DAY_LAYER_EVENTS } from './choose-renderer';

function events(n: number, days: number): EventFeature[] {
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(2025, 0, 1) + (i % days) * 864e5).toISOString().slice(0, 10);
    return { type: 'Feature', id: `e${i}`, geometry: { type: 'Point', coordinates: [0, 0] }, properties: { date: d } } as unknown as EventFeature;
  });
}

describe('chooseRendererKind', () => {
  const cases: { name: string; n: number; days: number; expected: string }[] = [
    { name: 'a news story', n: 16, days: 4, expected: 'day-layers' },
    { name: 'a few months', n: 2000, days: MAX_DAY_LAYER_DAYS, expected: 'day-layers' },
    { name: 'many days', n: 500, days: MAX_DAY_LAYER_DAYS + 1, expected: 'scale' },
    { name: 'many events on few days', n: MAX_DAY_LAYER_EVENTS + 1, days: 10, expected: 'scale' },
    { name: 'nothing', n: 0, days: 1, expected: 'day-layers' },
  ];
  for (const c of cases) it(c.name, () => expect(chooseRendererKind(events(c.n, c.days))).toBe(c.expected));
  it('can be forced', () => expect(chooseRendererKind(events(16, 4), 'scale')).toBe('scale'));
});

describe('chooseRendererFor', () => {
  it('features: by size, as chooseRendererKind', () => {
    expect(chooseRendererFor({ kind: 'features', features: events(16, 4) })).toBe('day-layers');
    expect(chooseRendererFor({ kind: 'features', features: events(500, MAX_DAY_LAYER_DAYS + 1) })).toBe('scale');
  });
  it('columns: always the large-data renderer, even when day layers are asked for', () => {
    const columns = columnsFromFeatures([]);
    expect(chooseRendererFor({ kind: 'columns', columns })).toBe('scale');
    expect(chooseRendererFor({ kind: 'columns', columns }, 'day-layers')).toBe('scale');
  });
});
