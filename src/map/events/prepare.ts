// Turns validated events into what the map layers need: an integer day per
// feature (so each per-day layer has a static filter), a colour, a radius from
// the magnitude of the figures, and radii spread apart when several events
// share a place and a day (they draw as concentric rings, largest first).
import { scaleSqrt } from 'd3-scale';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Category, EventFeature, Status } from '../../events/types';
import { parseIsoDay } from '../../time/days';
import { BACKGROUND_COLOR, CATEGORY_COLORS } from '../colors';

export interface MapEventProps {
  id: string;
  category: Category;
  status: Status;
  day: number;
  color: string;
  /** Circle radius (px) for points; line width driver for borders. */
  radius: number;
  /** Draw order: bigger first (smaller on top). */
  sortKey: number;
}

export const MIN_RADIUS = 6;
export const MAX_RADIUS = 18;
/** Radius step between events stacked at one place on one day. */
export const STACK_STEP = 4;

/** The largest number a feature's figures state (0 when none). */
export function magnitude(figures: Record<string, number> | undefined): number {
  let m = 0;
  for (const v of Object.values(figures ?? {})) if (Number.isFinite(v) && v > m) m = v;
  return m;
}

function placeKey(f: EventFeature): string {
  const g = f.geometry;
  if (g.type === 'Point') return `${g.coordinates[0]!.toFixed(3)},${g.coordinates[1]!.toFixed(3)}`;
  return `${g.type}:${f.properties.place.name}`;
}

/** Events at the same place as `f` (any day), `f` excluded. Used by the panel. */
export function eventsAtSamePlace(f: EventFeature, all: readonly EventFeature[]): EventFeature[] {
  const k = placeKey(f);
  return all.filter((o) => o.id !== f.id && placeKey(o) === k);
}

export type MapFeature = Feature<Geometry, MapEventProps> & { id: string };

export function prepareEvents(events: readonly EventFeature[]): FeatureCollection<Geometry, MapEventProps> & { features: MapFeature[] } {
  const maxMag = Math.max(1, ...events.map((e) => magnitude(e.properties.figures)));
  const size = scaleSqrt().domain([0, maxMag]).range([MIN_RADIUS, MAX_RADIUS]).clamp(true);
  const out: MapFeature[] = [];
  const groups = new Map<string, MapFeature[]>();
  for (const e of events) {
    const day = parseIsoDay(e.properties.date);
    if (day === null) continue;
    const p = e.properties;
    const f: MapFeature = {
      type: 'Feature',
      id: e.id,
      geometry: e.geometry,
      properties: {
        id: e.id,
        category: p.category,
        status: p.status,
        day,
        color: p.status === 'background' ? BACKGROUND_COLOR : CATEGORY_COLORS(p.category),
        radius: Math.round(size(magnitude(p.figures)) * 10) / 10,
        sortKey: 0,
      },
    };
    out.push(f);
    const k = `${day}|${placeKey(e)}`;
    const g = groups.get(k);
    if (g) g.push(f);
    else groups.set(k, [f]);
  }
  for (const g of groups.values()) {
    // Smallest innermost; each next ring at least STACK_STEP px wider.
    g.sort((a, b) => a.properties.radius - b.properties.radius || a.id.localeCompare(b.id));
    let prev = -Infinity;
    for (const f of g) {
      const r = Math.max(f.properties.radius, prev + STACK_STEP);
      f.properties.radius = r;
      f.properties.sortKey = -r;
      prev = r;
    }
  }
  return { type: 'FeatureCollection', features: out };
}
