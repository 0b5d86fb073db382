import { describe, expect, it } from 'vitest';
import { isDiscreteChange, parseHash, serialiseHash, type HashState } from './hash';

describe('parseHash', () => {
  const cases: { name: string; hash: string; expected: HashState }[] = [
    { name: 'empty', hash: '', expected: {} },
    { name: 'just the hash sign', hash: '#', expected: {} },
    { name: 'date', hash: '#date=2025-05-24', expected: { date: '2025-05-24' } },
    { name: 'invalid date dropped', hash: '#date=2025-02-30', expected: {} },
    { name: 'mode', hash: '#mode=cumulative', expected: { mode: 'cumulative' } },
    { name: 'unknown mode dropped', hash: '#mode=rewind', expected: {} },
    { name: 'categories in canonical order, unknown dropped', hash: '#cats=talks,strike,bogus', expected: { categories: ['strike', 'talks'] } },
    { name: 'no categories', hash: '#cats=', expected: { categories: [] } },
    { name: 'selected id decoded', hash: '#sel=strike%20kyiv%2F1', expected: { selected: 'strike kyiv/1' } },
    { name: 'view', hash: '#view=30.52,50.45,5.2', expected: { view: { lon: 30.52, lat: 50.45, zoom: 5.2 } } },
    { name: 'view out of range dropped', hash: '#view=200,50,3', expected: {} },
    { name: 'view not numbers dropped', hash: '#view=a,b,c', expected: {} },
    { name: 'span', hash: '#span=all', expected: { span: 'all' } },
    { name: 'without leading #', hash: 'date=2025-05-16&mode=trail', expected: { date: '2025-05-16', mode: 'trail' } },
    { name: 'hostile keys ignored', hash: '#__proto__=x&constructor=y&date=2025-05-16', expected: { date: '2025-05-16' } },
  ];
  for (const c of cases) it(c.name, () => expect(parseHash(c.hash)).toEqual(c.expected));
});

describe('serialiseHash', () => {
  const cases: { name: string; state: HashState; expected: string }[] = [
    { name: 'empty', state: {}, expected: '' },
    { name: 'date only', state: { date: '2025-05-24' }, expected: '#date=2025-05-24' },
    { name: 'default mode omitted', state: { date: '2025-05-24', mode: 'trail' }, expected: '#date=2025-05-24' },
    { name: 'all categories omitted', state: { categories: ['strike', 'air-defense', 'prisoner-exchange', 'talks', 'statement', 'casualties', 'other'] }, expected: '' },
    { name: 'some categories in canonical order', state: { categories: ['talks', 'strike'] }, expected: '#cats=strike,talks' },
    { name: 'none', state: { categories: [] }, expected: '#cats=' },
    { name: 'view rounded', state: { view: { lon: 30.523456789, lat: 50.45, zoom: 5.123 } }, expected: '#view=30.5235,50.45,5.12' },
    { name: 'selected encoded', state: { selected: 'a&b=c' }, expected: '#sel=a%26b%3Dc' },
    {
      name: 'everything in a stable order',
      state: { span: 'all', view: { lon: 1, lat: 2, zoom: 3 }, selected: 'x', categories: ['strike'], mode: 'cumulative', date: '2025-05-24' },
      expected: '#date=2025-05-24&mode=cumulative&cats=strike&sel=x&view=1,2,3&span=all',
    },
  ];
  for (const c of cases) it(c.name, () => expect(serialiseHash(c.state)).toBe(c.expected));

  it('round-trips', () => {
    const s: HashState = { date: '2025-05-24', mode: 'cumulative', categories: ['strike', 'talks'], selected: 'a&b', view: { lon: 30.5, lat: 50.4, zoom: 5 }, span: 'all' };
    expect(parseHash(serialiseHash(s))).toEqual(s);
  });
});

describe('isDiscreteChange', () => {
  it('ignores the view, sees everything else', () => {
    const a: HashState = { date: '2025-05-24', view: { lon: 1, lat: 2, zoom: 3 } };
    expect(isDiscreteChange(a, { ...a, view: { lon: 5, lat: 2, zoom: 3 } })).toBe(false);
    expect(isDiscreteChange(a, { ...a, date: '2025-05-25' })).toBe(true);
    expect(isDiscreteChange(a, { ...a, selected: 'x' })).toBe(true);
  });
});
