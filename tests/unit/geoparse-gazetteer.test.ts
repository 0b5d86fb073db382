// The compiled gazetteer: what the packaged data sets give once compiled, and the
// sorted-lines index it is searched with.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGazetteer, type Gazetteer } from '../../src/geoparse/geoparse.ts';
import { SortedLines } from '../../src/geoparse/gazetteer/sorted-lines.ts';
import { cacheIsFresh } from '../../src/geoparse/gazetteer/cache.ts';
import { inputsSignature } from '../../src/geoparse/gazetteer/build.ts';

let gaz: Gazetteer;
beforeAll(async () => {
  gaz = await loadGazetteer();
}, 120_000);

describe('gazetteer lookups', () => {
  const cases: { name: string; country: string; kind: string; featureCode?: string; minPop?: number }[] = [
    { name: 'Kupyansk', country: 'UA', kind: 'city' }, // GeoNames: Kupjansk, alternate Kup"yans'k
    { name: 'Kupjansk', country: 'UA', kind: 'city' },
    { name: 'Kyiv', country: 'UA', kind: 'city', minPop: 1_000_000 },
    { name: 'Kiev', country: 'UA', kind: 'city', minPop: 1_000_000 },
    { name: 'Odesa', country: 'UA', kind: 'city', minPop: 500_000 },
    { name: 'Odessa', country: 'UA', kind: 'city', minPop: 500_000 },
    { name: 'Istanbul', country: 'TR', kind: 'city', minPop: 1_000_000 },
    { name: 'Zaporizhzhia', country: 'UA', kind: 'city', minPop: 500_000 }, // GeoNames: Zaporizhzhya (transliteration fold)
    { name: 'Dnipro', country: 'UA', kind: 'city', minPop: 900_000 }, // renamed 2016; the snapshot says Dnipropetrovsk
    { name: 'Pokrovsk', country: 'UA', kind: 'city' },
    { name: 'Khmelnytskyi', country: 'UA', kind: 'city' }, // GeoNames: Khmel'nyts'kyy
    { name: 'U.S.', country: 'US', kind: 'country' },
    { name: 'United States', country: 'US', kind: 'country' },
    { name: 'Turkey', country: 'TR', kind: 'country' },
    { name: 'Belarus', country: 'BY', kind: 'country' },
    { name: 'Ohio', country: 'US', kind: 'region', featureCode: 'ADM1' },
    { name: 'Laurel County', country: 'US', kind: 'region', featureCode: 'ADM2' },
    { name: 'Rapides Parish', country: 'US', kind: 'region', featureCode: 'ADM2' },
    { name: 'West Bank', country: 'PS', kind: 'region' },
    { name: 'Europe', country: '', kind: 'continent' },
  ];
  it.each(cases)('$name → a $kind in "$country"', ({ name, country, kind, featureCode, minPop }) => {
    const hits = gaz.lookup(name);
    const hit = hits.find((h) => h.place.country === country && h.place.kind === kind && (!featureCode || h.place.featureCode === featureCode));
    expect(hit, `${name}: ${hits.map((h) => `${h.place.name}/${h.place.country}/${h.place.kind}`).join(', ')}`).toBeDefined();
    if (minPop) expect(hit?.place.population).toBeGreaterThanOrEqual(minPop);
  });

  it('puts the US at GeoNames’ point, not a polygon centre', () => {
    const us = gaz.lookup('United States').find((h) => h.place.kind === 'country')?.place;
    expect(us?.lat).toBeCloseTo(39.76, 1);
    expect(us?.lon).toBeCloseTo(-98.5, 1);
  });

  it('puts New York State inside the state, not at New York City', () => {
    const ny = gaz.lookup('New York').find((h) => h.place.featureCode === 'ADM1')?.place;
    expect(ny).toBeDefined();
    expect(ny!.lat).toBeGreaterThan(41.5); // NYC is at 40.7
  });

  it('knows demonyms, including plurals, and prefers the big country', () => {
    expect(gaz.demonym('Ukrainian')?.country).toBe('UA');
    expect(gaz.demonym('Russians')?.country).toBe('RU');
    expect(gaz.demonym('American')?.country).toBe('US');
    expect(gaz.demonym('Lammy')).toBeUndefined();
  });

  it('does not index people or organisations of the seed as names', () => {
    for (const w of ['Zelenskyy', 'Lammy', 'Kremlin', 'Telegram', 'RFE/RL']) expect(gaz.lookup(w, false), w).toEqual([]);
  });

  it('the cache is fresh for the current inputs', () => {
    expect(cacheIsFresh()).toBe(true);
    expect(gaz.inputs).toBe(inputsSignature());
  });
});

describe('SortedLines', () => {
  const lines = new SortedLines(['kyiv\t1', 'new york\t2,3', 'new york city\t4', 'odesa\t5'].join('\n'));
  const cases: { key: string; value: string | undefined }[] = [
    { key: 'kyiv', value: '1' },
    { key: 'new york', value: '2,3' },
    { key: 'new york city', value: '4' },
    { key: 'odesa', value: '5' },
    { key: 'new', value: undefined },
    { key: 'aaa', value: undefined },
    { key: 'zzz', value: undefined },
  ];
  it.each(cases)('get($key)', ({ key, value }) => expect(lines.get(key)).toBe(value));
  it('answers prefix queries for multi-word names', () => {
    expect(lines.hasPrefix('new ')).toBe(true);
    expect(lines.hasPrefix('new york ')).toBe(true);
    expect(lines.hasPrefix('kyiv ')).toBe(false);
  });
});

describe('capitals', () => {
  const cases: [string, string | undefined, string | undefined][] = [
    ['UA', 'Kyiv', 'PPLC'], // GeoNames calls it Kiev; world-countries' English name is kept
    ['RU', 'Moscow', 'PPLC'],
    ['FR', 'Paris', 'PPLC'],
    ['TR', 'Ankara', 'PPLC'],
    ['BY', 'Minsk', 'PPLC'],
    ['KR', 'Seoul', 'PPLC'],
    ['US', 'Washington D.C.', 'PPLC'],
    ['IL', 'Jerusalem', 'PPLA'], // world-countries' capital; GeoNames codes it otherwise
    ['ZA', 'Pretoria', 'PPLC'], // the first of three
    ['XX', undefined, undefined],
  ];
  it.each(cases)('%s → %s', (cc, name, featureCode) => {
    const c = gaz.capital(cc);
    expect(c?.name).toBe(name);
    expect(c?.place.featureCode).toBe(featureCode);
    if (c) {
      expect(c.place.country).toBe(cc);
      expect(c.place.kind).toBe('city');
    }
  });
});
