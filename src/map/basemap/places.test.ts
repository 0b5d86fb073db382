import { describe, expect, it } from 'vitest';
import { cityMinZoom, countryMinZoom, displayName, isMappedPlace, parseGeoNamesLine } from './places';

describe('parseGeoNamesLine', () => {
  it('reads the columns the basemap uses', () => {
    const line = [
      '703448', 'Kiev', 'Kiev', 'Kyiv,Київ', '50.45466', '30.5238', 'P', 'PPLC', 'UA', '', '12', '', '', '',
      '2797553', '', '187', 'Europe/Kiev', '2012-11-03',
    ].join('\t');
    expect(parseGeoNamesLine(line)).toEqual({
      geonameid: 703448,
      name: 'Kiev',
      lat: 50.45466,
      lon: 30.5238,
      featureCode: 'PPLC',
      countryCode: 'UA',
      population: 2797553,
    });
  });

  it('rejects a short or malformed line', () => {
    expect(parseGeoNamesLine('')).toBeUndefined();
    expect(parseGeoNamesLine('x\ty')).toBeUndefined();
  });
});

describe('displayName', () => {
  const cases = [
    { name: 'Kyiv by id, not the GeoNames 2013 spelling', row: { geonameid: 703448, name: 'Kiev', countryCode: 'UA' }, expected: 'Kyiv' },
    { name: 'Odesa', row: { geonameid: 698740, name: 'Odessa', countryCode: 'UA' }, expected: 'Odesa' },
    { name: 'renamed Dnipro', row: { geonameid: 709930, name: 'Dnipropetrovsk', countryCode: 'UA' }, expected: 'Dnipro' },
    { name: 'soft sign dropped in Ukraine', row: { geonameid: 1, name: 'Luhans’k', countryCode: 'UA' }, expected: 'Luhansk' },
    { name: 'Ukrainian -yy ending as -yi', row: { geonameid: 4, name: 'Nyzhn’ohirs’kyy', countryCode: 'UA' }, expected: 'Nyzhnohirskyi' },
    { name: 'soft sign dropped in Russia', row: { geonameid: 2, name: 'Tver’', countryCode: 'RU' }, expected: 'Tver' },
    { name: 'an Odessa in Texas stays Odessa', row: { geonameid: 5527554, name: 'Odessa', countryCode: 'US' }, expected: 'Odessa' },
    { name: 'Istanbul without the dotted İ', row: { geonameid: 745044, name: 'İstanbul', countryCode: 'TR' }, expected: 'Istanbul' },
    { name: 'Tehran', row: { geonameid: 112931, name: 'Tehrān', countryCode: 'IR' }, expected: 'Tehran' },
    { name: 'apostrophes elsewhere kept', row: { geonameid: 3, name: "L'Aquila", countryCode: 'IT' }, expected: "L'Aquila" },
  ];
  for (const c of cases) it(c.name, () => expect(displayName(c.row)).toBe(c.expected));
});

describe('min zooms', () => {
  it('shows bigger cities earlier, capitals earliest', () => {
    const pops = [20_000, 50_000, 150_000, 500_000, 2_000_000, 8_000_000];
    const zooms = pops.map((p) => cityMinZoom(p, false));
    expect(zooms).toEqual([...zooms].sort((a, b) => b - a));
    for (const p of pops) expect(cityMinZoom(p, true)).toBeLessThanOrEqual(cityMinZoom(p, false));
    expect(cityMinZoom(2_800_000, true)).toBe(2);
  });

  it('shows bigger countries earlier', () => {
    expect(countryMinZoom(17_000_000)).toBe(1);
    expect(countryMinZoom(603_000)).toBe(2);
    expect(countryMinZoom(33_000)).toBe(4);
    expect(countryMinZoom(300)).toBe(5);
  });

  it('skips city sections and historical places', () => {
    const row = { geonameid: 1, name: 'x', lat: 0, lon: 0, countryCode: 'UA', population: 1e6 };
    expect(isMappedPlace({ ...row, featureCode: 'PPLX' })).toBe(false);
    expect(isMappedPlace({ ...row, featureCode: 'PPLH' })).toBe(false);
    expect(isMappedPlace({ ...row, featureCode: 'PPLA' })).toBe(true);
  });
});
