import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { EventCollection } from '../../events/types';
import { eventsAtSamePlace, magnitude, MAX_RADIUS, MIN_RADIUS, prepareEvents, STACK_STEP } from './prepare';
import { parseIsoDay } from '../../time/days';
import { BACKGROUND_COLOR, CATEGORY_COLORS } from '../colors';

const fixture = JSON.parse(readFileSync(new URL('../../../tests/fixtures/app/events.geojson', import.meta.url), 'utf8')) as EventCollection;

describe('magnitude', () => {
  const cases: { figures: Record<string, number> | undefined; expected: number }[] = [
    { figures: undefined, expected: 0 },
    { figures: {}, expected: 0 },
    { figures: { missiles: 14, drones: 250 }, expected: 250 },
    { figures: { injured: Number.NaN, killed: 3 }, expected: 3 },
  ];
  for (const c of cases) it(JSON.stringify(c.figures), () => expect(magnitude(c.figures)).toBe(c.expected));
});

describe('prepareEvents', () => {
  const prepared = prepareEvents(fixture.features);
  const byId = new Map(prepared.features.map((f) => [f.id, f.properties]));
  it('gives each event its UTC day and colour', () => {
    expect(byId.get('strike-kyiv-0524')!.day).toBe(parseIsoDay('2025-05-24'));
    expect(byId.get('strike-kyiv-0524')!.color).toBe(CATEGORY_COLORS('strike'));
    expect(byId.get('bg-invasion-2022')!.color).toBe(BACKGROUND_COLOR);
  });
  it('sizes by magnitude within bounds', () => {
    for (const p of byId.values()) expect(p.radius).toBeGreaterThanOrEqual(MIN_RADIUS);
    expect(byId.get('strike-odesa-0524')!.radius).toBe(MIN_RADIUS);
    expect(byId.get('exchange-returned-0524')!.radius).toBe(MAX_RADIUS);
  });
  it('spreads events at one place and day into distinct rings, the largest drawn first', () => {
    const kyiv = ['strike-kyiv-0524', 'casualties-kyiv-0524', 'airdef-kyiv-0524'].map((id) => byId.get(id)!);
    const radii = kyiv.map((p) => p.radius).sort((a, b) => a - b);
    for (let i = 1; i < radii.length; i++) expect(radii[i]! - radii[i - 1]!).toBeGreaterThanOrEqual(STACK_STEP);
    for (const p of kyiv) expect(p.sortKey).toBe(-p.radius);
  });
  it('drops features whose date is not a day', () => {
    const bad = { ...fixture.features[0]!, id: 'bad', properties: { ...fixture.features[0]!.properties, date: 'soon' } };
    expect(prepareEvents([bad]).features).toEqual([]);
  });
  it('finds the other events at the same place', () => {
    const strike = fixture.features.find((f) => f.id === 'strike-kyiv-0524')!;
    expect(eventsAtSamePlace(strike, fixture.features).map((f) => f.id).sort()).toEqual(['airdef-kyiv-0524', 'casualties-kyiv-0524']);
  });
});
