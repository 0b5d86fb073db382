import { describe, expect, it } from 'vitest';
import { dayForKey } from './slider-keys';
import { figureLabel, formatCount, placeLabel, placePrecision, snippet } from './format';

describe('dayForKey', () => {
  const dom = { start: 100, end: 130 };
  const cases: [string, number, number | null][] = [
    ['ArrowRight', 110, 111],
    ['ArrowUp', 110, 111],
    ['ArrowLeft', 110, 109],
    ['ArrowDown', 110, 109],
    ['PageUp', 110, 117],
    ['PageDown', 110, 103],
    ['PageDown', 102, 100],
    ['PageUp', 128, 130],
    ['Home', 110, 100],
    ['End', 110, 130],
    ['ArrowLeft', 100, 100],
    ['a', 110, null],
    ['Tab', 110, null],
  ];
  for (const [key, day, expected] of cases) it(`${key} from ${day}`, () => expect(dayForKey(key, day, dom)).toBe(expected));
});

describe('format', () => {
  it('groups thousands', () => {
    expect([formatCount(7), formatCount(1000), formatCount(1234567), formatCount(2.5), formatCount(-3000)]).toEqual(['7', '1,000', '1,234,567', '2.5', '−3,000']);
  });
  it('labels figures', () => {
    expect([figureLabel('missiles'), figureLabel('drone_decoys'), figureLabel('shotDown'), figureLabel('')]).toEqual(['Missiles', 'Drone decoys', 'Shot down', '']);
  });
  it('states place precision', () => {
    expect(placePrecision({ name: 'Kyiv', mention: 'Kyiv', country: 'UA', kind: 'city', precisionKm: 10 })).toBe('Located as a city, within about 10 km');
    expect(placePrecision({ name: 'B', mention: 'b', country: 'BY', kind: 'border', precisionKm: 1500 })).toBe('Located as a border, within about 1,500 km');
  });
});

describe('placeLabel', () => {
  const base = { country: 'UA', precisionKm: 10 };
  const cases: { name: string; place: Parameters<typeof placeLabel>[0]; expected: string }[] = [
    { name: "the article's spelling of a city", place: { ...base, name: 'Kiev', mention: 'Kyiv', kind: 'city' }, expected: 'Kyiv' },
    { name: 'Odesa not Odessa', place: { ...base, name: 'Odessa', mention: 'Odesa', kind: 'city' }, expected: 'Odesa' },
    { name: 'a border keeps the canonical name', place: { ...base, name: 'Ukraine–Belarus border', mention: "Ukraine's border with Belarus", kind: 'border' }, expected: 'Ukraine–Belarus border' },
    { name: 'a descriptive mention falls back', place: { ...base, name: 'Kiev', mention: 'the capital', kind: 'city' }, expected: 'Kiev' },
    { name: 'a possessive falls back', place: { ...base, name: 'Ukraine', mention: "Ukraine's", kind: 'country' }, expected: 'Ukraine' },
    { name: 'empty mention', place: { ...base, name: 'Kiev', mention: '', kind: 'city' }, expected: 'Kiev' },
  ];
  for (const c of cases) it(c.name, () => expect(placeLabel(c.place)).toBe(c.expected));
});

describe('snippet', () => {
  it('keeps short text and cuts long text at a word', () => {
    expect(snippet('  Short   quote. ')).toBe('Short quote.');
    const s = snippet('The Ukrainian air force said its defenses had shot down six ballistic missiles aimed at Kyiv and that 245 enemy drones had been destroyed.', 60);
    expect(s.endsWith('…')).toBe(true);
    expect(s.length).toBeLessThanOrEqual(61);
    expect(s).toBe('The Ukrainian air force said its defenses had shot down six…');
  });
});
