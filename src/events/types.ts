// The data contract shared by the build (Node) and the app (browser).
// The JSON Schema in ./event.schema.json is the published form of these types;
// keep the two in step (a unit test checks that they agree on the enums).
import type { Feature, FeatureCollection, Geometry } from 'geojson';

export const CATEGORIES = [
  'strike',
  'air-defense',
  'prisoner-exchange',
  'talks',
  'statement',
  'casualties',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const STATUSES = ['reported', 'planned', 'background'] as const;
export type Status = (typeof STATUSES)[number];

export const PLACE_KINDS = ['city', 'region', 'country', 'border'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export interface EventPlace {
  /** Canonical name from the gazetteer, e.g. "Kupiansk" or "Belarus–Ukraine border". */
  name: string;
  /** The words in the text, verbatim, e.g. "Kupyansk" or "Ukraine's border with Belarus". */
  mention: string;
  /** ISO 3166-1 alpha-2 code; for a border, the first of `countries`. */
  country: string;
  /** For a border: both countries' ISO codes. */
  countries?: string[];
  kind: PlaceKind;
  geonameid?: number;
  /** How far the true spot may be from the geometry, in km (city ~5, country ~hundreds). */
  precisionKm: number;
  /**
   * True when the sentence names no place and the place is the site of the same
   * event named elsewhere in the article ("the exchanges would continue on May 25"
   * → the border where the exchange takes place). `mention` is then that other wording.
   */
  inferred?: boolean;
}

export interface EventSource {
  /** Article id (the seed file name without extension, or the JSONL id). */
  article: string;
  /** JavaScript string offsets of `quote` in the article text: text.slice(start, end) === quote. */
  start: number;
  end: number;
}

export interface EventProperties {
  id: string;
  category: Category;
  /** ISO YYYY-MM-DD; for month/year precision the first day of the period. */
  date: string;
  datePrecision: DatePrecision;
  status: Status;
  place: EventPlace;
  quote: string;
  source: EventSource;
  /** Numbers the sentence states, e.g. { missiles: 14, drones: 250, injured: 15, returned: 307 }. */
  figures: Record<string, number>;
  confidence: number;
}

export type EventFeature = Feature<Geometry, EventProperties> & { id: string };

export interface ArticleMeta {
  id: string;
  title: string;
  date: string;
  url?: string;
}

/** RFC 7946 FeatureCollection; `articles` is a foreign member listing the sources. */
export interface EventCollection extends FeatureCollection<Geometry, EventProperties> {
  features: EventFeature[];
  articles: ArticleMeta[];
}
