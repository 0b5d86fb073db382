// Both EventStore implementations give the app the same answers on the same
// events: the GeoJSON one (today's behaviour) and the columns one (EVB1).
import { describe, expect, it } from 'vitest';
import { CATEGORIES, type ArticleMeta, type Category, type EventFeature, type Status } from '../../src/events/types';
import { FeatureStore } from '../../src/data/feature-store';
import { ColumnStore } from '../../src/data/column-store';
import { isBinaryDataUrl } from '../../src/data/event-store';
import { columnsFromFeatures, idOf } from '../../src/map/scale/columns';
import { decode, encode } from '../../src/data/binary/format';
import { buildDetailsChunks, detailsFolderFor } from '../../src/data/binary/details';
import { parseIsoDay } from '../../src/time/days';
import { storyDomain, storyDomainOfDayCounts } from '../../src/time/domain';

const PLACES = {
  kyiv: { name: 'Kyiv', country: 'UA', lon: 30.52, lat: 50.45 },
  odesa: { name: 'Odesa', country: 'UA', lon: 30.73, lat: 46.48 },
  minsk: { name: 'Minsk', country: 'BY', lon: 27.57, lat: 53.9 },
  almaty: { name: 'Almaty', country: 'KZ', lon: 76.9, lat: 43.25 },
} as const;

function ev(id: string, date: string, category: Category, at: keyof typeof PLACES, status: Status = 'reported', figures: Record<string, number> = {}): EventFeature {
  const p = PLACES[at];
  return {
    type: 'Feature', id, geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
    properties: {
      id, category, date, datePrecision: 'day', status,
      place: { name: p.name, mention: p.name, country: p.country, kind: 'city', precisionKm: 5 },
      quote: `Quote of ${id}.`, source: { article: id.startsWith('b') ? 'b' : 'a', start: 0, end: 10 }, figures, confidence: 0.8,
    },
  };
}

// Day-sorted input (the columns keep input order within a day), with background
// history far from the story, several events a day, and ties on place names.
const FEATURES: EventFeature[] = [
  ev('a1', '2022-02-24', 'strike', 'kyiv', 'background'),
  ev('a2', '2025-05-20', 'talks', 'minsk'),
  ev('a3', '2025-05-22', 'strike', 'odesa', 'reported', { missiles: 14, drones: 250 }),
  ev('a4', '2025-05-22', 'strike', 'kyiv', 'reported', { missiles: 3 }),
  ev('a5', '2025-05-22', 'air-defense', 'kyiv'),
  ev('b6', '2025-05-22', 'strike', 'kyiv', 'planned'),
  ev('b7', '2025-05-23', 'casualties', 'almaty', 'reported', { killed: 2 }),
  ev('b8', '2025-05-25', 'talks', 'minsk', 'planned'),
  ev('b9', '2025-06-30', 'other', 'odesa'),
];
const ARTICLES: ArticleMeta[] = [
  { id: 'a', title: 'Article A', date: '2025-05-22' },
  { id: 'b', title: 'Article B', date: '2025-05-23', url: 'https://example.org/b' },
];

const features = new FeatureStore(FEATURES, ARTICLES);
const columns = new ColumnStore(decode(encode(columnsFromFeatures(FEATURES)).slice().buffer));
const d = (iso: string) => parseIsoDay(iso)!;
const ids = (xs: EventFeature[]) => xs.map((e) => e.id);
const VISIBLE: Set<Category>[] = [new Set(CATEGORIES), new Set<Category>(['strike']), new Set<Category>(['talks', 'casualties']), new Set()];

describe('EventStore: features and columns agree', () => {
  it('on the domains, event days, counts and the default day', () => {
    expect(features.story).toEqual({ start: d('2025-05-16'), end: d('2025-07-04') });
    expect(columns.story).toEqual(features.story);
    expect(columns.full).toEqual(features.full);
    expect(columns.eventDays).toEqual(features.eventDays);
    expect(columns.counts).toEqual(features.counts);
    expect(features.counts).toEqual({ strike: 4, talks: 2, 'air-defense': 1, casualties: 1, other: 1 });
    for (const dom of [features.story!, features.full!, { start: d('2025-05-21'), end: d('2025-05-23') }]) {
      expect(columns.hidesEvents(dom)).toBe(features.hidesEvents(dom));
      expect(columns.defaultDay(dom)).toBe(features.defaultDay(dom));
    }
    expect(features.hidesEvents(features.story!)).toBe(true);
    expect(features.defaultDay(features.story!)).toBe(d('2025-06-30'));
  });

  it('on the histogram for every category filter, daily and weekly', () => {
    for (const v of VISIBLE) {
      for (const dom of [features.story!, features.full!]) {
        expect(columns.bins(v, dom)).toEqual(features.bins(v, dom));
      }
    }
    const strikes = features.bins(new Set<Category>(['strike']), features.story!);
    expect(strikes.find((b) => b.start === d('2025-05-22'))!.count).toBe(3);
  });

  it("on each day's list (order, cap and total) and on selection by id", () => {
    for (const day of features.eventDays) {
      for (const v of VISIBLE) {
        const a = features.dayList(day, v, 2);
        const b = columns.dayList(day, v, 2);
        expect(ids(b.events)).toEqual(ids(a.events));
        expect(b.total).toBe(a.total);
      }
    }
    // Category order first, then place name; ties keep the file order.
    expect(ids(features.dayList(d('2025-05-22'), new Set(CATEGORIES)).events)).toEqual(['a4', 'b6', 'a3', 'a5']);
    for (const f of FEATURES) {
      expect(columns.has(f.id)).toBe(true);
      expect(columns.dayOf(f.id)).toBe(features.dayOf(f.id));
      const s = columns.get(f.id)!.properties;
      const p = features.get(f.id)!.properties;
      expect([s.category, s.date, s.status, s.place.name, s.place.country]).toEqual([p.category, p.date, p.status, p.place.name, p.place.country]);
      expect(ids(columns.samePlace(f.id).events)).toEqual(ids(features.samePlace(f.id).events));
      const g = columns.geometryOf(f.id)!;
      expect(g.type).toBe('Point');
      const [lon, lat] = (g as { coordinates: number[] }).coordinates;
      expect(lon).toBeCloseTo((f.geometry as { coordinates: number[] }).coordinates[0]!, 4);
      expect(lat).toBeCloseTo((f.geometry as { coordinates: number[] }).coordinates[1]!, 4);
    }
    expect(columns.has('nope')).toBe(false);
    expect(columns.has('a99')).toBe(false);
    expect(columns.get('a3')!.properties.figures).toEqual({ drones: 250 });
    expect(columns.samePlace('a4', 1)).toMatchObject({ total: 3 });
  });

  it('on the map bounds of the story', () => {
    const a = features.initialBounds()!;
    const b = columns.initialBounds()!;
    // Almaty, Minsk, Odesa; not the 2022 background event (Kyiv is inside anyway).
    expect(a).toEqual([[27.57, 43.25], [76.9, 53.9]]);
    for (let k = 0; k < 2; k++) for (let j = 0; j < 2; j++) expect(b[k]![j]!).toBeCloseTo(a[k]![j]!, 4);
  });

  it('headlines: articles for features, the count for columns', () => {
    expect(features.headline()).toMatch(/^9 events from 2 articles, /);
    expect(columns.headline()).toBe(`9 events, ${features.headline().split(', ').slice(1).join(', ')}`);
  });
});

describe('storyDomainOfDayCounts', () => {
  it('matches storyDomain on random days', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let round = 0; round < 50; round++) {
      const evs = Array.from({ length: 1 + Math.floor(rand() * 40) }, () => ({ day: 100 + Math.floor(rand() * 400), status: (rand() < 0.3 ? 'background' : 'reported') as Status }));
      const story = new Uint32Array(400);
      const all = new Uint32Array(400);
      for (const e of evs) {
        all[e.day - 100] = all[e.day - 100]! + 1;
        if (e.status !== 'background') story[e.day - 100] = story[e.day - 100]! + 1;
      }
      expect(storyDomainOfDayCounts(100, story, all)).toEqual(storyDomain(evs));
    }
  });
});

describe('ColumnStore details', () => {
  function served(files: Record<string, string>) {
    const calls: string[] = [];
    const fetchFn = (async (input: RequestInfo | URL) => {
      const url = String(input);
      calls.push(url);
      const body = files[url];
      return body === undefined ? new Response('no', { status: 404, statusText: 'Not Found' }) : new Response(body);
    }) as typeof fetch;
    return { calls, fetchFn };
  }
  const c = columnsFromFeatures(FEATURES);
  c.details = { path: detailsFolderFor('big.evb'), chunkSize: 4 };
  const ordered = Array.from({ length: c.count }, (_, i) => FEATURES.find((f) => f.id === idOf(c, i))!);
  const chunks = buildDetailsChunks(ordered, ARTICLES, 4);
  const base = 'http://x.test/data/';
  const files = Object.fromEntries(chunks.map((ch) => [`${base}big.evb.details/${ch.name}`, ch.text]));

  it('fetches the chunk once and completes the event', async () => {
    expect(chunks.map((ch) => ch.name)).toEqual(['00000.json', '00001.json', '00002.json']);
    const { calls, fetchFn } = served(files);
    const store = new ColumnStore(decode(encode(c).slice().buffer), { url: `${base}big.evb`, fetchFn });
    for (const f of FEATURES) {
      const { event, article } = await store.loadDetails(f.id);
      expect(event.properties).toEqual({ ...f.properties, place: { ...f.properties.place } });
      expect(article?.id).toBe(f.properties.source.article);
    }
    expect(calls.length).toBe(3);
  });

  it('says what went wrong: missing chunk, wrong ids, no sidecar', async () => {
    const { fetchFn } = served({});
    const store = new ColumnStore(decode(encode(c).slice().buffer), { url: `${base}big.evb`, fetchFn });
    await expect(store.loadDetails('a1')).rejects.toThrow(/404 Not Found.*big\.evb\.details\/00000\.json/);
    const swapped = { ...files, [`${base}big.evb.details/00000.json`]: files[`${base}big.evb.details/00001.json`]! };
    const bad = new ColumnStore(decode(encode(c).slice().buffer), { url: `${base}big.evb`, fetchFn: served(swapped).fetchFn });
    await expect(bad.loadDetails('a1')).rejects.toThrow(/does not match the events: starts at event 4, expected 0/);
    const html = (async () => new Response('<!doctype html><p>app</p>', { headers: { 'content-type': 'text/html' } })) as typeof fetch;
    const spa = new ColumnStore(decode(encode(c).slice().buffer), { url: `${base}big.evb`, fetchFn: html });
    await expect(spa.loadDetails('a1')).rejects.toThrow(/00000\.json is missing \(the server sent a web page\)/);
    const none = new ColumnStore(columnsFromFeatures(FEATURES), { url: `${base}big.evb` });
    await expect(none.loadDetails('a1')).rejects.toThrow(/no quotes/);
  });
});

describe('isBinaryDataUrl', () => {
  it.each([
    ['./large/events.evb', true],
    ['https://x.test/a.EVB?v=2#x', true],
    ['./data/events.geojson', false],
    ['./data/events.evb.json', false],
    ['./x.geojson?f=a.evb', false],
  ])('%s → %s', (url, want) => expect(isBinaryDataUrl(url)).toBe(want));
});
