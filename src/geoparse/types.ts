// Interface between recognition/resolution (src/geoparse/recognise, resolve, gazetteer)
// and the event builder (src/geoparse/events, emit). Node-only; never imported by the app.

export type MentionKind = 'city' | 'region' | 'country' | 'border' | 'continent' | 'other';

export interface Candidate {
  name: string;
  lat: number;
  lon: number;
  country: string;
  kind: MentionKind;
  geonameid?: number;
  population?: number;
  featureCode?: string;
  score: number;
}

export interface PlaceMention {
  /** JavaScript string offsets: text.slice(start, end) === surface. */
  start: number;
  end: number;
  surface: string;
  /** Canonical name of the chosen reading. */
  name: string;
  lat: number;
  lon: number;
  kind: MentionKind;
  /** ISO 3166-1 alpha-2. */
  country: string;
  geonameid?: number;
  /** For kind 'border': the two countries, e.g. ['UA', 'BY']. */
  countries?: string[];
  /** True for demonyms and adjectives used as modifiers ("Russian drones"). */
  modifier?: boolean;
  /**
   * True for a place referred to by role, not by name ("the Ukrainian capital", "the
   * country's capital"): resolved from the country it names or the text around it, at
   * lower confidence. Not a toponym: `geoparse` returns these only when asked.
   */
  coreference?: boolean;
  precisionKm: number;
  confidence: number;
  /** Runners-up, best first, for the review report. */
  alternatives: Candidate[];
}
