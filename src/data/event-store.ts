// What the app reads about its events, whatever shape they came in: GeoJSON
// features (small data, everything in memory) or day-sorted columns from an
// EVB1 file (up to millions of events; details fetched lazily). App.svelte asks
// only these questions, so the million-event path never builds a million objects.
//
// Cost contract: construction may scan every event once; the per-step questions
// (dayList, bins, counts) touch one day or the per-day totals only; the
// per-selection ones (get, samePlace, geometryOf) may scan once.
import type { Geometry } from 'geojson';
import type { ArticleMeta, Category, EventFeature } from '../events/types';
import type { Bounds } from '../map/geometry';
import type { Bin } from '../time/histogram';
import type { Domain } from '../time/domain';

/** Events the list shows at most; the rest are counted ("and N more on this day"). */
export const DAY_LIST_LIMIT = 200;
/** Same-place events the panel lists at most. */
export const SAME_PLACE_LIMIT = 50;

export interface Capped {
  /** Sorted by category, then place name (input order on ties); at most the limit. */
  events: EventFeature[];
  /** How many there are in all. */
  total: number;
}

export interface EventStore {
  readonly kind: 'features' | 'columns';
  /** Number of events. */
  readonly size: number;
  readonly articles: readonly ArticleMeta[];
  /** Story span (densest cluster of non-background days, padded) and the full span. */
  readonly story: Domain | null;
  readonly full: Domain | null;
  /** Distinct days with events, ascending (the clock's previous/next event). */
  readonly eventDays: readonly number[];
  /** Events per category over all the data (the legend). */
  readonly counts: Partial<Record<Category, number>>;
  /** True when some event lies outside `domain`. */
  hidesEvents(domain: Domain): boolean;
  /** Histogram bins over `domain` for the visible categories. */
  bins(visible: ReadonlySet<Category>, domain: Domain): Bin[];
  /** "N events from M articles, <story range>", or '' when there is no story. */
  headline(): string;
  /** The latest day with reported events inside `st` (news readers want "now"), else st.end. */
  defaultDay(st: Domain): number;
  /** Bounds of the story's events (all events when the story has none). */
  initialBounds(): Bounds | null;
  has(id: string): boolean;
  dayOf(id: string): number | undefined;
  /**
   * The event as a feature. For columns this is a summary (place, country,
   * category, date, status, largest figure; empty quote): `partial` is true and
   * the details come from `loadDetails`.
   */
  get(id: string): EventFeature | undefined;
  /** True when get() gives summaries whose quote and source must be fetched. */
  readonly partial: boolean;
  /** The visible events of one day. */
  dayList(day: number, visible: ReadonlySet<Category>, limit?: number): Capped;
  /** Other events at the same place as `id` (any day). */
  samePlace(id: string, limit?: number): Capped;
  /** Where to fly for an event. */
  geometryOf(id: string): Geometry | null;
  /** The complete event and its article (columns: fetched from the details sidecar; rejects with a message for the reader). */
  loadDetails(id: string): Promise<{ event: EventFeature; article: ArticleMeta | undefined }>;
}

/** True for an EVB1 data URL (`….evb`, query and hash ignored). */
export function isBinaryDataUrl(url: string): boolean {
  return /\.evb$/i.test(url.replace(/[?#].*$/, ''));
}
