// Resolution: the same name read differently by the article around it.
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { geoparse, loadGazetteer, type Gazetteer } from '../../src/geoparse/geoparse.ts';

let gaz: Gazetteer;
beforeAll(async () => {
  gaz = await loadGazetteer();
}, 120_000);

const placeOf = (text: string, surface: string) => {
  const p = geoparse(text, gaz).find((m) => m.surface === surface);
  expect(p, `${surface} in: ${text}`).toBeDefined();
  return p!;
};

describe('disambiguation by context', () => {
  const cases: { name: string; text: string; surface: string; country: string; lat: [number, number]; kind?: string }[] = [
    { name: 'Paris in a Texas story', text: 'The Paris City Council met Tuesday. Paris is about 100 miles northeast of Dallas, Texas.', surface: 'Paris', country: 'US', lat: [33, 34.5] },
    { name: 'Paris in a French story', text: 'Protesters marched in Paris and Lyon on Saturday, French police said.', surface: 'Paris', country: 'FR', lat: [48, 49.5] },
    { name: 'China is the country, not a Texas town', text: 'Exports to China rose, officials in Houston, Texas, said.', surface: 'China', country: 'CN', lat: [30, 40], kind: 'country' },
    { name: 'China is the country, not the Mexican town', text: 'China and Mexico signed a trade deal in Monterrey.', surface: 'China', country: 'CN', lat: [30, 40], kind: 'country' },
    { name: 'Georgia, the US state', text: 'Georgia lawmakers met in Atlanta on Monday.', surface: 'Georgia', country: 'US', lat: [30, 35], kind: 'region' },
    { name: 'Georgia, the country', text: 'Russian troops moved from Georgia toward Tbilisi and Gori.', surface: 'Georgia', country: 'GE', lat: [41, 43], kind: 'country' },
    { name: '"City, ST" qualifier', text: 'He grew up in Springfield, Ill., before moving east.', surface: 'Springfield', country: 'US', lat: [39.5, 40] },
    { name: 'a state over a same-named city inside it', text: 'New York lawmakers passed the budget in Albany.', surface: 'New York', country: 'US', lat: [41.5, 44], kind: 'region' },
    { name: 'the capital over the same-named state', text: 'Egypt cooperated closely with Washington when US policy changed.', surface: 'Washington', country: 'US', lat: [38.5, 39.2] },
    { name: 'a county by the town named with it', text: 'Walker County commissioners met in Huntsville, Texas, on Monday.', surface: 'Walker County', country: 'US', lat: [30.5, 31] },
    { name: 'a county by its population when nothing else says', text: 'Madison County commissioners voted on Monday.', surface: 'Madison County', country: 'US', lat: [34.5, 35] },
    { name: 'Pokrovsk in a Ukrainian war story, not the Russian town', text: 'Russian troops pressed toward Pokrovsk and Kramatorsk in eastern Ukraine.', surface: 'Pokrovsk', country: 'UA', lat: [48, 48.5] },
    { name: 'Doha is named in passing but stays (a capital)', text: 'Israeli and Hamas negotiators met in Doha as strikes hit Rafah and Gaza City.', surface: 'Doha', country: 'QA', lat: [25, 25.5] },
    { name: 'Odessa, Ukraine, not Texas', text: 'Missiles hit the port city of Odessa in southern Ukraine.', surface: 'Odessa', country: 'UA', lat: [46, 47] },
    { name: 'Odessa, Texas, by its neighbours', text: 'Oil workers drove from Odessa to Midland and Big Spring.', surface: 'Odessa', country: 'US', lat: [31, 32.5] },
  ];
  it.each(cases)('$name', ({ text, surface, country, lat, kind }) => {
    const p = placeOf(text, surface);
    expect(p.country).toBe(country);
    expect(p.lat).toBeGreaterThanOrEqual(lat[0]);
    expect(p.lat).toBeLessThanOrEqual(lat[1]);
    if (kind) expect(p.kind).toBe(kind);
  });

  it('gives one reading per name per document', () => {
    const text = 'Paris police said the fire started in Paris, Texas. Later, Paris officials met.';
    const readings = new Set(geoparse(text, gaz).filter((p) => p.surface === 'Paris').map((p) => `${p.lat},${p.lon}`));
    // The qualified mention may differ; the two unqualified ones agree.
    expect(readings.size).toBeLessThanOrEqual(2);
  });

  it('keeps runners-up for review', () => {
    const p = placeOf('Protesters marched in Paris on Saturday.', 'Paris');
    expect(p.alternatives.length).toBeGreaterThan(0);
    expect(p.confidence).toBeGreaterThan(0);
    expect(p.confidence).toBeLessThanOrEqual(1);
  });
});

describe('the seed article', () => {
  const seedPath = path.resolve(import.meta.dirname, '../../seeds/2025-05-24-prisoner-exchange-and-kyiv-attack.txt');
  const text = fs.readFileSync(seedPath, 'utf8');

  it('finds every place the story names, in the right country', () => {
    const places = geoparse(text, gaz);
    const byName = new Map(places.map((p) => [p.surface, p]));
    const expected: [string, string, string][] = [
      ['Kyiv', 'UA', 'city'],
      ['Odesa', 'UA', 'city'],
      ['Kupyansk', 'UA', 'city'],
      ['Istanbul', 'TR', 'city'],
      ['Moscow', 'RU', 'city'],
      ['Russia', 'RU', 'country'],
      ['Ukraine', 'UA', 'country'],
      ['Turkey', 'TR', 'country'],
      ['Belarus', 'BY', 'country'],
    ];
    for (const [surface, country, kind] of expected) {
      expect(byName.get(surface), surface).toMatchObject({ country, kind });
    }
    const border = places.find((p) => p.kind === 'border');
    expect(border).toMatchObject({ surface: "Ukraine's border with Belarus", countries: ['UA', 'BY'] });
  });

  it('keeps people and organisations out and puts nothing in the wrong country', () => {
    const places = geoparse(text, gaz);
    const words = places.map((p) => p.surface);
    for (const w of ['Zelenskyy', 'Lammy', 'Serhiy', 'Vadym', 'National Guard', 'Defense Ministry', 'Telegram', 'RFE/RL', 'Kremlin', 'David']) {
      expect(words.some((s) => s.includes(w)), w).toBe(false);
    }
    // The story is about Ukraine, Russia, Belarus and Turkey; Britain, the US and Europe are named in passing.
    for (const p of places) expect(['UA', 'RU', 'BY', 'TR', 'GB', 'US', ''], `${p.surface} → ${p.country}`).toContain(p.country);
    for (const p of places) expect(text.slice(p.start, p.end)).toBe(p.surface);
  });
});
