// Name keys: spelling and transliteration variants of one place must meet.
import { describe, expect, it } from 'vitest';
import { foldKey, nameKey } from '../../src/geoparse/normalise/normalise.ts';

describe('nameKey', () => {
  const same: { name: string; a: string; b: string }[] = [
    { name: 'GeoNames transliteration with quotes', a: 'Kup"yans\'k', b: 'Kupyansk' },
    { name: 'diacritics', a: 'Kraków', b: 'Krakow' },
    { name: 'Polish letters any-ascii knows', a: 'Łódź', b: 'Lodz' },
    { name: 'dotted initialism', a: 'U.S.', b: 'US' },
    { name: 'spaced initialism', a: 'U. S.', b: 'US' },
    { name: 'Saint abbreviated', a: 'St. Louis', b: 'Saint Louis' },
    { name: 'Fort abbreviated', a: 'Ft. Worth', b: 'Fort Worth' },
    { name: 'hyphen vs space', a: 'Winston-Salem', b: 'Winston Salem' },
    { name: 'curly apostrophe', a: 'Dnipropetrovs’k', b: 'Dnipropetrovsk' },
    { name: 'case', a: 'KYIV', b: 'Kyiv' },
  ];
  it.each(same)('$name: "$a" ~ "$b"', ({ a, b }) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });

  const different: { a: string; b: string }[] = [
    { a: 'Kyiv', b: 'Kiev' }, // different spellings are different keys; GeoNames lists both names
    { a: 'Paris', b: 'Parish' },
    { a: 'Of', b: 'OF County' },
  ];
  it.each(different)('"$a" and "$b" stay apart', ({ a, b }) => {
    expect(nameKey(a)).not.toBe(nameKey(b));
  });
});

describe('foldKey (fallback for transliteration variants)', () => {
  const cases: { a: string; b: string }[] = [
    { a: 'Kupjansk', b: 'Kupyansk' },
    { a: 'Charkiw', b: 'Charkiv' },
    { a: 'Khmelnytskyy', b: 'Hmelnytsky' },
    { a: 'Odessa', b: 'Odesa' },
  ];
  it.each(cases)('$a ~ $b', ({ a, b }) => {
    expect(foldKey(nameKey(a))).toBe(foldKey(nameKey(b)));
  });
  it('keeps different places apart', () => {
    expect(foldKey(nameKey('Kyiv'))).not.toBe(foldKey(nameKey('Lviv')));
  });
});
