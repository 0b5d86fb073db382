// EventStore over day-sorted columns (an EVB1 file, up to millions of events).
// One O(n) pass at construction builds per-day totals; after that a date step
// reads one day's index range (src/map/scale/window.ts) and the per-day ×
// category counts, and only the events a list or panel shows become objects.
// Quotes and sources are not in the columns: loadDetails fetches the event's
// chunk of the details sidecar (src/data/binary/details.ts), once per chunk.
import type { Geometry } from 'geojson';
import { CATEGORIES, STATUSES, type ArticleMeta, type Category, type EventFeature } from '../events/types';
import type { Bounds } from '../map/geometry';
import { dayCategoryCounts, idOf, indexOfId, lngLatOf, type EventColumns } from '../map/scale/columns';
import { isoFromDay } from '../map/scale/day';
import { formatDayRange } from '../time/days';
import { storyDomainOfDayCounts, type Domain } from '../time/domain';
import { binDayCounts, type Bin } from '../time/histogram';
import { checkDetailsChunk, chunkFileName, withDetails, type DetailsChunk } from './binary/details';
import type { Capped, EventStore } from './event-store';

const BACKGROUND = STATUSES.indexOf('background');
const REPORTED = STATUSES.indexOf('reported');

export interface ColumnStoreOptions {
  /** Per-day × category counts if already computed (the decode worker does). */
  counts?: Uint32Array;
  /** Absolute URL of the .evb file: the details folder resolves against it. */
  url?: string;
  fetchFn?: typeof fetch;
}

export class ColumnStore implements EventStore {
  readonly kind = 'columns';
  readonly partial = true;
  readonly articles: readonly ArticleMeta[] = [];
  readonly size: number;
  readonly story: Domain | null;
  readonly full: Domain | null;
  readonly eventDays: readonly number[];
  readonly counts: Partial<Record<Category, number>>;
  /** Per day × category (dayCount × CATEGORIES.length). */
  readonly dayCats: Uint32Array;
  private readonly storyPerDay: Uint32Array;
  private readonly reportedPerDay: Uint32Array;
  private nameRank: Uint32Array | null = null;
  private readonly chunks = new Map<number, Promise<DetailsChunk>>();
  private readonly url: string | undefined;
  private readonly fetchFn: typeof fetch;

  constructor(
    readonly columns: EventColumns,
    options: ColumnStoreOptions = {},
  ) {
    const c = columns;
    this.size = c.count;
    this.url = options.url;
    this.fetchFn = options.fetchFn ?? ((...a) => fetch(...a));
    this.dayCats = options.counts ?? dayCategoryCounts(c);
    const k = CATEGORIES.length;
    const all = new Uint32Array(c.dayCount);
    const counts: Partial<Record<Category, number>> = {};
    for (let d = 0; d < c.dayCount; d++) {
      for (let j = 0; j < k; j++) {
        const n = this.dayCats[d * k + j]!;
        if (n === 0) continue;
        all[d] = all[d]! + n;
        counts[CATEGORIES[j]!] = (counts[CATEGORIES[j]!] ?? 0) + n;
      }
    }
    this.counts = counts;
    this.storyPerDay = new Uint32Array(c.dayCount);
    this.reportedPerDay = new Uint32Array(c.dayCount);
    for (let i = 0; i < c.count; i++) {
      const s = c.status[i]!;
      const d = c.day[i]!;
      if (s !== BACKGROUND) this.storyPerDay[d] = this.storyPerDay[d]! + 1;
      if (s === REPORTED) this.reportedPerDay[d] = this.reportedPerDay[d]! + 1;
    }
    const days: number[] = [];
    for (let d = 0; d < c.dayCount; d++) if (all[d]! > 0) days.push(c.dayMin + d);
    this.eventDays = days;
    this.full = days.length ? { start: days[0]!, end: days[days.length - 1]! } : null;
    this.story = storyDomainOfDayCounts(c.dayMin, this.storyPerDay, all);
  }

  hidesEvents(domain: Domain): boolean {
    return !!this.full && (this.full.start < domain.start || this.full.end > domain.end);
  }

  private perDay(day: number, mask: number): number {
    const d = day - this.columns.dayMin;
    if (d < 0 || d >= this.columns.dayCount) return 0;
    const k = CATEGORIES.length;
    let n = 0;
    for (let j = 0; j < k; j++) if (mask & (1 << j)) n += this.dayCats[d * k + j]!;
    return n;
  }

  bins(visible: ReadonlySet<Category>, domain: Domain): Bin[] {
    const mask = maskOf(visible);
    return binDayCounts((day) => this.perDay(day, mask), domain);
  }

  headline(): string {
    let lo = -1;
    let hi = -1;
    for (let d = 0; d < this.columns.dayCount; d++) {
      if (this.storyPerDay[d]! === 0) continue;
      if (lo < 0) lo = d;
      hi = d;
    }
    if (lo < 0) return '';
    const n = this.size;
    // No article list in EVB1: the count and the span say what the reader needs.
    return `${n.toLocaleString('en-US')} ${n === 1 ? 'event' : 'events'}, ${formatDayRange(this.columns.dayMin + lo, this.columns.dayMin + hi)}`;
  }

  defaultDay(st: Domain): number {
    const c = this.columns;
    for (let day = Math.min(st.end, c.dayMin + c.dayCount - 1); day >= st.start; day--) {
      const d = day - c.dayMin;
      if (d >= 0 && this.reportedPerDay[d]! > 0) return day;
    }
    return st.end;
  }

  initialBounds(): Bounds | null {
    const c = this.columns;
    const st = this.story;
    const scan = (storyOnly: boolean): Bounds | null => {
      let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
      const a = storyOnly && st ? Math.max(0, st.start - c.dayMin) : 0;
      const b = storyOnly && st ? Math.min(c.dayCount, st.end - c.dayMin + 1) : c.dayCount;
      if (b <= a) return null;
      for (let i = c.dayStart[a]!; i < c.dayStart[b]!; i++) {
        if (storyOnly && c.status[i] === BACKGROUND) continue;
        const x = c.x[i]!, y = c.y[i]!;
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
      if (!Number.isFinite(x0)) return null;
      const [w, n] = lngLatOfXY(x0, y0);
      const [e, s] = lngLatOfXY(x1, y1);
      return [[w, s], [e, n]];
    };
    return (st ? scan(true) : null) ?? scan(false);
  }

  private index(id: string): number {
    return indexOfId(this.columns, id);
  }

  has(id: string): boolean {
    return this.index(id) >= 0;
  }

  dayOf(id: string): number | undefined {
    const i = this.index(id);
    return i < 0 ? undefined : this.columns.dayMin + this.columns.day[i]!;
  }

  get(id: string): EventFeature | undefined {
    const i = this.index(id);
    return i < 0 ? undefined : this.summary(i);
  }

  /** The event as far as the columns know it: no quote, source or precision yet. */
  summary(i: number): EventFeature {
    const c = this.columns;
    const id = idOf(c, i);
    const place = c.places[c.place[i]!]!;
    const fk = c.figKey[i]!;
    return {
      type: 'Feature',
      id,
      geometry: { type: 'Point', coordinates: lngLatOf(c, i) },
      properties: {
        id,
        category: CATEGORIES[c.cat[i]!]!,
        date: isoFromDay(c.dayMin + c.day[i]!),
        datePrecision: 'day',
        status: STATUSES[c.status[i]!]!,
        place: { name: place.name, mention: place.name, country: place.country, kind: 'city', precisionKm: NaN, ...(place.geonameid !== undefined ? { geonameid: place.geonameid } : {}) },
        quote: '',
        source: { article: '', start: 0, end: 0 },
        figures: fk !== 255 && c.figureKeys[fk] ? { [c.figureKeys[fk]]: c.figVal[i]! } : {},
        confidence: NaN,
      },
    };
  }

  /** Rank of each place by name (localeCompare, equal names equal rank): the list's sort key. */
  private ranks(): Uint32Array {
    if (this.nameRank) return this.nameRank;
    const places = this.columns.places;
    // Intl.Collator orders like localeCompare (the GeoJSON path's sort) but is far
    // faster over the ~10^5 place names of a million events.
    const cmp = new Intl.Collator().compare;
    const order = places.map((_, k) => k).sort((a, b) => cmp(places[a]!.name, places[b]!.name));
    const rank = new Uint32Array(places.length);
    let r = 0;
    order.forEach((k, j) => {
      if (j > 0 && cmp(places[order[j - 1]!]!.name, places[k]!.name) !== 0) r++;
      rank[k] = r;
    });
    return (this.nameRank = rank);
  }

  dayList(day: number, visible: ReadonlySet<Category>, limit = Infinity): Capped {
    const c = this.columns;
    const d = day - c.dayMin;
    if (d < 0 || d >= c.dayCount) return { events: [], total: 0 };
    const mask = maskOf(visible);
    const idx: number[] = [];
    for (let i = c.dayStart[d]!; i < c.dayStart[d + 1]!; i++) if (mask & (1 << c.cat[i]!)) idx.push(i);
    if (idx.length === 0) return { events: [], total: 0 };
    const rank = this.ranks();
    // Category, then place name, then file order (the day's events are in input order).
    idx.sort((a, b) => c.cat[a]! - c.cat[b]! || rank[c.place[a]!]! - rank[c.place[b]!]! || a - b);
    const shown = idx.length > limit ? idx.slice(0, limit) : idx;
    return { events: shown.map((i) => this.summary(i)), total: idx.length };
  }

  samePlace(id: string, limit = Infinity): Capped {
    const i = this.index(id);
    if (i < 0) return { events: [], total: 0 };
    const c = this.columns;
    const p = c.place[i]!;
    const out: number[] = [];
    let total = 0;
    // One scan on select (never per step).
    for (let j = 0; j < c.count; j++) {
      if (j === i || c.place[j] !== p) continue;
      total++;
      if (out.length < limit) out.push(j);
    }
    return { events: out.map((j) => this.summary(j)), total };
  }

  geometryOf(id: string): Geometry | null {
    const i = this.index(id);
    return i < 0 ? null : { type: 'Point', coordinates: lngLatOf(this.columns, i) };
  }

  /** True when the file points at a details sidecar. */
  get hasDetails(): boolean {
    return !!this.columns.details && !!this.url;
  }

  /**
   * The full event: its summary completed from the details chunk (fetched once per
   * chunk, validated). Rejects with a message for the panel when it cannot.
   */
  async loadDetails(id: string): Promise<{ event: EventFeature; article: ArticleMeta | undefined }> {
    const i = this.index(id);
    if (i < 0) throw new Error(`no event ${id}`);
    const ref = this.columns.details;
    if (!ref || !this.url) throw new Error('This events file has no quotes (no details sidecar).');
    const k = Math.floor(i / ref.chunkSize);
    let p = this.chunks.get(k);
    if (!p) {
      p = this.fetchChunk(k, ref.path, ref.chunkSize);
      this.chunks.set(k, p);
      // A failed fetch may be retried on the next selection.
      p.catch(() => this.chunks.delete(k));
    }
    const chunk = await p;
    const d = chunk.events[i - chunk.first]!;
    return { event: withDetails(this.summary(i), d), article: chunk.articles.find((a) => a.id === d.source.article) };
  }

  private async fetchChunk(k: number, path: string, size: number): Promise<DetailsChunk> {
    const url = new URL(path + chunkFileName(k), this.url).href;
    let res: Response;
    try {
      res = await this.fetchFn(url);
    } catch (e) {
      throw new Error(`Could not load the quote from ${url}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (!res.ok) throw new Error(`Could not load the quote (${res.status} ${res.statusText || 'error'}) from ${url}.`);
    // Single-page hosts answer a missing file with their index page.
    if (/text\/html/i.test(res.headers.get('content-type') ?? '')) throw new Error(`Could not load the quote: ${url} is missing (the server sent a web page).`);
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      throw new Error(`The details file ${url} is not valid JSON.`);
    }
    const first = k * size;
    const r = checkDetailsChunk(json, { first, count: Math.min(size, this.size - first), idAt: (i) => idOf(this.columns, i) });
    if (!r.ok) throw new Error(`The details file ${url} does not match the events: ${r.error}.`);
    return r.chunk;
  }
}

function maskOf(visible: ReadonlySet<Category>): number {
  let m = 0;
  CATEGORIES.forEach((c, k) => {
    if (visible.has(c)) m |= 1 << k;
  });
  return m;
}

function lngLatOfXY(x: number, y: number): [number, number] {
  const lng = x * 360 - 180;
  const y2 = 180 - y * 360;
  return [lng, (360 / Math.PI) * Math.atan(Math.exp((y2 * Math.PI) / 180)) - 90];
}
