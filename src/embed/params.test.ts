import { describe, expect, it } from 'vitest';
import { defaultParams, paramEntries, parseOrigin, parseParams, parseQuery, safeDataUrl, serialiseQuery, type EmbedParams } from './params';

const d = defaultParams();

describe('parseQuery', () => {
  const cases: { name: string; query: string; expected: Partial<EmbedParams> }[] = [
    { name: 'empty query gives the defaults', query: '', expected: {} },
    { name: 'relative data URL', query: '?data=data/other.geojson', expected: { data: 'data/other.geojson' } },
    { name: 'absolute https data URL', query: '?data=https://cdn.example/e.geojson', expected: { data: 'https://cdn.example/e.geojson' } },
    { name: 'src is another name for data', query: '?src=./e.geojson', expected: { data: './e.geojson' } },
    { name: 'javascript: data URL is dropped', query: '?data=javascript:alert(1)', expected: {} },
    { name: 'data: URL is dropped', query: '?data=data:application/json,{}', expected: {} },
    { name: 'backslash trick is dropped', query: '?data=%5C%5Cevil.example/x', expected: {} },
    { name: 'valid date', query: '?date=2025-05-24', expected: { date: '2025-05-24' } },
    { name: 'impossible date is dropped', query: '?date=2025-02-30', expected: {} },
    { name: 'date with time is dropped', query: '?date=2025-05-24T10:00', expected: {} },
    { name: 'mode cumulative', query: '?mode=cumulative', expected: { mode: 'cumulative' } },
    { name: 'unknown mode dropped', query: '?mode=heatmap', expected: {} },
    { name: 'categories filtered and put in canonical order', query: '?categories=talks,bogus,strike', expected: { categories: ['strike', 'talks'] } },
    { name: 'empty categories means none', query: '?categories=', expected: { categories: [] } },
    { name: 'bare autoplay is true', query: '?autoplay', expected: { autoplay: true } },
    { name: 'autoplay=0 is false', query: '?autoplay=0&loop=yes', expected: { autoplay: false, loop: true } },
    { name: 'autoplay=maybe is ignored', query: '?autoplay=maybe', expected: { autoplay: false } },
    { name: 'speed in range', query: '?speed=4', expected: { speed: 4 } },
    { name: 'speed out of range dropped', query: '?speed=100', expected: {} },
    { name: 'speed NaN dropped', query: '?speed=fast', expected: {} },
    { name: 'theme dark', query: '?theme=dark', expected: { theme: 'dark' } },
    { name: 'unknown theme dropped', query: '?theme=neon', expected: {} },
    { name: 'show list, unknown keys dropped, canonical order', query: '?show=list,title,bogus', expected: { show: ['title', 'list'] } },
    { name: 'show with spaces', query: '?show=legend+controls', expected: { show: ['legend', 'controls'] } },
    { name: 'headline is text, control chars stripped', query: '?headline=%3Cb%3EHi%3C/b%3E%0A', expected: { headline: '<b>Hi</b>' } },
    { name: 'view', query: '?view=30.5,50.45,5.2', expected: { view: { lon: 30.5, lat: 50.45, zoom: 5.2 } } },
    { name: 'view out of range dropped', query: '?view=30,95,5', expected: {} },
    { name: 'view with missing part dropped', query: '?view=30,,5', expected: {} },
    { name: 'origins normalised, bad ones dropped', query: '?origins=https://News.Example/,ftp://x,https://a.example:8443,*', expected: { origins: ['https://news.example', 'https://a.example:8443'] } },
    { name: 'childId', query: '?childId=map-1&initialWidth=600', expected: { childId: 'map-1' } },
    { name: 'childId with markup dropped', query: '?childId=%3Cscript%3E', expected: {} },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(parseQuery(c.query)).toEqual({ ...d, ...c.expected });
    });
  }
});

describe('parseParams from attributes', () => {
  it('reads element-like attributes (bare boolean, space lists)', () => {
    const attrs: Record<string, string> = { src: 'events.geojson', date: '2025-05-24', autoplay: '', show: 'legend list' };
    const p = parseParams((n) => attrs[n] ?? null);
    expect(p).toEqual({ ...d, data: 'events.geojson', date: '2025-05-24', autoplay: true, show: ['legend', 'list'] });
  });
});

describe('serialiseQuery', () => {
  const cases: { name: string; params: Partial<EmbedParams>; expected: string }[] = [
    { name: 'defaults are empty', params: defaultParams(), expected: '' },
    { name: 'date and mode', params: { date: '2025-05-24', mode: 'cumulative' }, expected: '?date=2025-05-24&mode=cumulative' },
    { name: 'trail mode is the default', params: { mode: 'trail' }, expected: '' },
    { name: 'all categories are the default', params: { categories: ['other', 'strike', 'air-defense', 'prisoner-exchange', 'talks', 'statement', 'casualties'] }, expected: '' },
    { name: 'some categories', params: { categories: ['talks', 'strike'] }, expected: '?categories=strike,talks' },
    { name: 'booleans as 1', params: { autoplay: true, loop: true, speed: 4 }, expected: '?autoplay=1&loop=1&speed=4' },
    { name: 'data URL encoded', params: { data: 'https://x.example/a b.geojson?x=1&y=2' }, expected: '?data=https://x.example/a%20b.geojson%3Fx%3D1%26y%3D2' },
    { name: 'view rounded', params: { view: { lon: 30.123456, lat: 50.45, zoom: 5.2345 } }, expected: '?view=30.1235,50.45,5.23' },
    { name: 'headline encoded', params: { headline: 'Strikes & talks' }, expected: '?headline=Strikes%20%26%20talks' },
  ];
  for (const c of cases) {
    it(c.name, () => expect(serialiseQuery(c.params)).toBe(c.expected));
  }

  it('round-trips through parseQuery', () => {
    const p: EmbedParams = {
      ...defaultParams(),
      data: 'https://cdn.example/e.geojson?v=2',
      date: '2025-05-24',
      mode: 'cumulative',
      categories: ['strike', 'talks'],
      autoplay: true,
      loop: true,
      speed: 0.5,
      theme: 'dark',
      show: ['title', 'controls'],
      headline: 'Night of strikes, 24 May',
      view: { lon: 30.5, lat: 50.45, zoom: 5 },
      origins: ['https://news.example'],
      childId: 'em-2',
    };
    expect(parseQuery(serialiseQuery(p))).toEqual(p);
  });
});

describe('paramEntries for attributes', () => {
  it('names the data URL src, writes bare booleans and space-separated show', () => {
    expect(paramEntries({ data: 'e.geojson', autoplay: true, show: ['legend', 'list'], origins: ['https://a.example'], childId: 'x' }, 'attributes')).toEqual([
      ['src', 'e.geojson'],
      ['autoplay', ''],
      ['show', 'legend list'],
    ]);
  });
});

describe('safeDataUrl / parseOrigin', () => {
  it.each([
    ['events.geojson', 'events.geojson'],
    ['//cdn.example/e.geojson', '//cdn.example/e.geojson'],
    ['  ', undefined],
    ['vbscript:x', undefined],
    ['file:///etc/passwd', undefined],
    ['a\nb', undefined],
  ])('safeDataUrl(%j) = %j', (input, expected) => expect(safeDataUrl(input)).toBe(expected));
  it.each([
    ['https://a.example', 'https://a.example'],
    ['http://127.0.0.1:5173', 'http://127.0.0.1:5173'],
    ['https://a.example/path', undefined],
    ['https://user:pw@a.example', undefined],
    ['null', undefined],
    ['*', undefined],
  ])('parseOrigin(%j) = %j', (input, expected) => expect(parseOrigin(input)).toBe(expected));
});
