// The contract between the app and whatever draws events on the map.
// Two implementations share it: per-day MapLibre layers whose paint reads only
// `global-state` (small and medium data, native hover/click), and a large-data
// renderer for 10^5–10^6 events (src/map/scale/). The app picks one by size.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Category } from '../events/types';

export type TimeMode = 'trail' | 'cumulative';

export interface TimeView {
  /** Current day as days since 1970-01-01 (UTC). */
  day: number;
  /** 'trail': the day plus `trailDays` earlier days fading out; 'cumulative': everything up to the day. */
  mode: TimeMode;
  trailDays: number;
}

export interface EventRenderer {
  /** Adds sources and layers to a loaded map. Called once. */
  attach(map: MapLibreMap): void;
  /** Moves the time window. Must not re-tile: no setData, setFilter or layout change. */
  setTime(view: TimeView): void;
  /** Shows only these categories. */
  setCategories(visible: ReadonlySet<Category>): void;
  /** Highlights one event (or none). */
  setSelected(id: string | null): void;
  /** Ids of events drawn under a screen point, nearest first (for hover/click). */
  pick(point: { x: number; y: number }, radiusPx?: number): string[];
  detach(): void;
}
