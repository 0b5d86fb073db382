// The details sidecar of an EVB1 file: what the panel shows beyond the columns
// (quote, source offsets, every figure, the place as written, precision,
// confidence), in JSON chunks of `chunkSize` events in the file's (day-sorted)
// index order. Event i lives in chunk floor(i / chunkSize) at position
// i % chunkSize, so the panel fetches one small file for one event, never the
// whole set. The EVB1 header points at the folder (`details`, optional: files
// without it still decode; the panel then says the quote is not available).
//
//   events.evb
//   events.evb.details/00000.json   {"version":1,"first":0,"articles":[…],"events":[…]}
//   events.evb.details/00001.json   …
//
// Pure: shared by the writers (Node) and the app, which validates every chunk
// before use (it is untrusted data like the rest).
import { DATE_PRECISIONS, PLACE_KINDS, type ArticleMeta, type DatePrecision, type EventFeature, type PlaceKind } from '../../events/types';

export const DETAILS_VERSION = 1;
/** Events per chunk: ~0.5–1 MB of JSON for news-sized quotes. */
export const DETAILS_CHUNK_SIZE = 4096;

/** Where the sidecar is: a folder relative to the .evb file, and events per chunk. */
export interface DetailsRef {
  path: string;
  chunkSize: number;
}

export interface EventDetails {
  id: string;
  datePrecision: DatePrecision;
  place: { mention: string; kind: PlaceKind; precisionKm: number; countries?: string[]; inferred?: boolean };
  quote: string;
  source: { article: string; start: number; end: number };
  figures: Record<string, number>;
  confidence: number;
}

export interface DetailsChunk {
  version: number;
  /** Index of the first event of the chunk. */
  first: number;
  /** The articles this chunk's events come from. */
  articles: ArticleMeta[];
  events: EventDetails[];
}

/** `events.evb` → `events.evb.details/` (the folder name the writers use). */
export function detailsFolderFor(evbFileName: string): string {
  return `${evbFileName}.details/`;
}

export function chunkFileName(k: number): string {
  return `${String(k).padStart(5, '0')}.json`;
}

function detailsOf(f: EventFeature): EventDetails {
  const p = f.properties;
  const place: EventDetails['place'] = { mention: p.place.mention, kind: p.place.kind, precisionKm: p.place.precisionKm };
  if (p.place.countries) place.countries = [...p.place.countries];
  if (p.place.inferred) place.inferred = true;
  return {
    id: f.id,
    datePrecision: p.datePrecision,
    place,
    quote: p.quote,
    source: { article: p.source.article, start: p.source.start, end: p.source.end },
    figures: { ...p.figures },
    confidence: p.confidence,
  };
}

/**
 * Chunks for `features` given in the EVB1 index order. Deterministic: the same
 * input gives the same bytes (keys in a fixed order, articles in order of first use).
 */
export function buildDetailsChunks(features: readonly EventFeature[], articles: readonly ArticleMeta[], chunkSize = DETAILS_CHUNK_SIZE): { name: string; text: string }[] {
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new Error(`chunk size must be a positive integer, not ${chunkSize}`);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const out: { name: string; text: string }[] = [];
  for (let first = 0, k = 0; first < features.length; first += chunkSize, k++) {
    const part = features.slice(first, first + chunkSize);
    const used: ArticleMeta[] = [];
    const seen = new Set<string>();
    for (const f of part) {
      const a = byId.get(f.properties.source.article);
      if (a && !seen.has(a.id)) {
        seen.add(a.id);
        used.push(a.url ? { id: a.id, title: a.title, date: a.date, url: a.url } : { id: a.id, title: a.title, date: a.date });
      }
    }
    const chunk: DetailsChunk = { version: DETAILS_VERSION, first, articles: used, events: part.map(detailsOf) };
    out.push({ name: chunkFileName(k), text: `${JSON.stringify(chunk)}\n` });
  }
  return out;
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStr = (x: unknown): x is string => typeof x === 'string';
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** The `details` member of an EVB1 header, or null when absent or malformed (then no details). */
export function parseDetailsRef(x: unknown): DetailsRef | null {
  if (!isObj(x) || !isStr(x['path']) || !Number.isInteger(x['chunkSize']) || (x['chunkSize'] as number) < 1) return null;
  const path = x['path'];
  // A plain relative folder: no scheme, no absolute path, no way out of the file's folder.
  if (!/^[\w.-]+\/$/.test(path) || path.startsWith('.')) return null;
  return { path, chunkSize: x['chunkSize'] as number };
}

function eventError(e: unknown, where: string): string | null {
  if (!isObj(e)) return `${where}: not an object`;
  if (!isStr(e['id'])) return `${where}: id must be a string`;
  if (!DATE_PRECISIONS.includes(e['datePrecision'] as DatePrecision)) return `${where}: bad datePrecision`;
  const pl = e['place'];
  if (!isObj(pl) || !isStr(pl['mention']) || !PLACE_KINDS.includes(pl['kind'] as PlaceKind) || !isNum(pl['precisionKm'])) return `${where}: bad place`;
  if (pl['countries'] !== undefined && !(Array.isArray(pl['countries']) && pl['countries'].every(isStr))) return `${where}: bad place.countries`;
  if (pl['inferred'] !== undefined && typeof pl['inferred'] !== 'boolean') return `${where}: bad place.inferred`;
  if (!isStr(e['quote'])) return `${where}: quote must be a string`;
  const s = e['source'];
  if (!isObj(s) || !isStr(s['article']) || !isNum(s['start']) || !isNum(s['end'])) return `${where}: bad source`;
  const fig = e['figures'];
  if (!isObj(fig) || !Object.values(fig).every(isNum)) return `${where}: bad figures`;
  if (!isNum(e['confidence'])) return `${where}: bad confidence`;
  return null;
}

/**
 * Checks a fetched chunk against what the EVB1 file says: its position, its size
 * and every event's id (a sidecar from another build must not lend its quotes).
 */
export function checkDetailsChunk(json: unknown, expect: { first: number; count: number; idAt: (i: number) => string }): { ok: true; chunk: DetailsChunk } | { ok: false; error: string } {
  if (!isObj(json) || json['version'] !== DETAILS_VERSION) return { ok: false, error: 'not a details chunk of version 1' };
  if (json['first'] !== expect.first) return { ok: false, error: `starts at event ${String(json['first'])}, expected ${expect.first}` };
  const events = json['events'];
  if (!Array.isArray(events) || events.length !== expect.count) return { ok: false, error: `holds ${Array.isArray(events) ? events.length : 'no'} events, expected ${expect.count}` };
  const articles = json['articles'];
  if (!Array.isArray(articles)) return { ok: false, error: 'articles must be a list' };
  for (let j = 0; j < events.length; j++) {
    const err = eventError(events[j], `event ${expect.first + j}`);
    if (err) return { ok: false, error: err };
    const id = (events[j] as EventDetails).id;
    if (id !== expect.idAt(expect.first + j)) return { ok: false, error: `event ${expect.first + j} is ${JSON.stringify(id)}, the events file says ${JSON.stringify(expect.idAt(expect.first + j))}` };
  }
  const goodArticles = articles.filter((a): a is ArticleMeta => isObj(a) && isStr(a['id']) && isStr(a['title']) && isStr(a['date']) && (a['url'] === undefined || isStr(a['url'])));
  return { ok: true, chunk: { version: DETAILS_VERSION, first: expect.first, articles: goodArticles, events: events as EventDetails[] } };
}

/** A summary feature (from the columns) completed with its details. */
export function withDetails(summary: EventFeature, d: EventDetails): EventFeature {
  const p = summary.properties;
  const place = { ...p.place, mention: d.place.mention, kind: d.place.kind, precisionKm: d.place.precisionKm };
  if (d.place.countries) place.countries = d.place.countries;
  if (d.place.inferred) place.inferred = true;
  return {
    ...summary,
    properties: { ...p, datePrecision: d.datePrecision, place, quote: d.quote, source: { ...d.source }, figures: { ...d.figures }, confidence: d.confidence },
  };
}
