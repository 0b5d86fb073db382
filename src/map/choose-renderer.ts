// Which renderer draws the events. Per-day layers cost a few MapLibre layers
// per distinct day (each filtered and tiled at load), so they suit stories of
// days to months; beyond that the large-data renderer (src/map/scale/, one
// custom WebGL layer whose per-step cost does not grow with the data) takes over.
import type { EventFeature } from '../events/types';
import type { EventColumns } from './scale/columns';
import type { PickGrid } from './scale/grid';

/** Distinct event days above which per-day layers get slow to load (bench: 1,000 events on 255 days took 5.8 s to load and 394 ms a step). */
export const MAX_DAY_LAYER_DAYS = 60;
/** Events above which the large-data renderer is used whatever the number of days. */
export const MAX_DAY_LAYER_EVENTS = 5_000;

export type RendererKind = 'day-layers' | 'scale';

export function chooseRendererKind(events: readonly EventFeature[], force?: RendererKind | null): RendererKind {
  if (force) return force;
  if (events.length > MAX_DAY_LAYER_EVENTS) return 'scale';
  const days = new Set<string>();
  for (const e of events) {
    days.add(e.properties.date);
    if (days.size > MAX_DAY_LAYER_DAYS) return 'scale';
  }
  return 'day-layers';
}

/** What MapView draws: GeoJSON features, or EVB1 columns (with the worker's indexes). */
export type MapEvents =
  | { kind: 'features'; features: readonly EventFeature[] }
  | { kind: 'columns'; columns: EventColumns; grid?: PickGrid; counts?: Uint32Array };

/** Columns only have the large-data renderer (there are no features to tile). */
export function chooseRendererFor(data: MapEvents, force?: RendererKind | null): RendererKind {
  return data.kind === 'columns' ? 'scale' : chooseRendererKind(data.features, force);
}
