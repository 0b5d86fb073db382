// The per-day renderer: one GeoJSON source, and for each day that has events a
// small set of layers whose filters are static (day, geometry, status) and whose
// time-dependent paint reads only global state. Moving the date is then one
// setGlobalStateProperty call: no setData, setFilter or layout change, no re-tiling.
import type { FilterSpecification, GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { Category, EventFeature } from '../../events/types';
import type { EventRenderer, TimeView } from '../renderer';
import { backgroundOpacity, categoryFilter, eventOpacity, haloOpacity, isVisibleAt, STATE } from './expressions';
import { prepareEvents, type MapFeature } from './prepare';

export const SOURCE_ID = 'em-events';
export const SELECTED_SOURCE_ID = 'em-selected';
const NO_TRANSITION = { duration: 0, delay: 0 };

type GeomKind = 'point' | 'line' | 'polygon';

function geomKind(f: MapFeature): GeomKind {
  const t = f.geometry.type;
  if (t === 'Point' || t === 'MultiPoint') return 'point';
  if (t === 'LineString' || t === 'MultiLineString') return 'line';
  return 'polygon';
}

const GEOM_FILTER: Record<GeomKind, FilterSpecification> = {
  point: ['in', ['geometry-type'], ['literal', ['Point', 'MultiPoint']]],
  line: ['in', ['geometry-type'], ['literal', ['LineString', 'MultiLineString']]],
  polygon: ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]],
};

export interface DayLayerTheme {
  /** Ring around circles, separating stacked events: the land colour. */
  outline: string;
  /** Insert the event layers before this layer (the basemap's labels) when it exists. */
  beforeId?: string;
}

/** The layer specs for one day: pure, so the unit tests can inspect them. */
export function layersForDay(day: number, present: ReadonlySet<string>, theme: DayLayerTheme): LayerSpecification[] {
  const layers: LayerSpecification[] = [];
  const base = (kind: GeomKind, status: string): FilterSpecification =>
    ['all', ['==', ['get', 'day'], day], GEOM_FILTER[kind], ['==', ['get', 'status'], status], categoryFilter()] as FilterSpecification;
  const has = (kind: GeomKind, status: string) => present.has(`${kind}|${status}`);
  const anyOf = (kind: GeomKind) => has(kind, 'reported') || has(kind, 'planned');

  // Polygons (areas the text names): translucent fill.
  for (const status of ['background', 'reported', 'planned'] as const) {
    if (!has('polygon', status)) continue;
    const op = status === 'background' ? backgroundOpacity(day, 0.15) : eventOpacity(day, status === 'planned' ? 0.12 : 0.3);
    layers.push({
      id: `em-d${day}-polygon-${status}`,
      type: 'fill',
      source: SOURCE_ID,
      filter: base('polygon', status),
      paint: { 'fill-color': ['get', 'color'], 'fill-opacity': op, 'fill-opacity-transition': NO_TRANSITION },
    });
  }
  // Lines (borders): a halo on the day, then the line; planned dashed.
  if (anyOf('line')) {
    layers.push({
      id: `em-d${day}-line-halo`,
      type: 'line',
      source: SOURCE_ID,
      filter: ['all', ['==', ['get', 'day'], day], GEOM_FILTER.line, ['!=', ['get', 'status'], 'background'], categoryFilter()] as FilterSpecification,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': ['get', 'color'],
        'line-width': ['+', 7, ['*', 0.25, ['get', 'radius']]],
        'line-blur': 2,
        'line-opacity': haloOpacity(day, 0.22),
        'line-opacity-transition': NO_TRANSITION,
      },
    });
  }
  for (const status of ['background', 'reported', 'planned'] as const) {
    if (!has('line', status)) continue;
    if (status === 'planned') {
      // A casing in the land colour under the dashes, so a planned line reads as
      // dashed even on top of an earlier solid line along the same border.
      layers.push({
        id: `em-d${day}-line-planned-casing`,
        type: 'line',
        source: SOURCE_ID,
        filter: base('line', status),
        layout: { 'line-cap': 'butt', 'line-join': 'round' },
        paint: {
          'line-color': theme.outline,
          'line-width': ['+', 4, ['*', 0.25, ['get', 'radius']]],
          'line-opacity': eventOpacity(day),
          'line-opacity-transition': NO_TRANSITION,
        },
      });
    }
    layers.push({
      id: `em-d${day}-line-${status}`,
      type: 'line',
      source: SOURCE_ID,
      filter: base('line', status),
      layout: { 'line-cap': status === 'planned' ? 'butt' : 'round', 'line-join': 'round' },
      paint: {
        'line-color': ['get', 'color'],
        'line-width': ['+', 2, ['*', 0.25, ['get', 'radius']]],
        ...(status === 'planned' ? { 'line-dasharray': [1.5, 1.2] } : {}),
        'line-opacity': status === 'background' ? backgroundOpacity(day) : eventOpacity(day),
        'line-opacity-transition': NO_TRANSITION,
      },
    });
  }
  // Points: halo on the day, then filled circles (planned hollow, background muted).
  if (anyOf('point')) {
    layers.push({
      id: `em-d${day}-point-halo`,
      type: 'circle',
      source: SOURCE_ID,
      filter: ['all', ['==', ['get', 'day'], day], GEOM_FILTER.point, ['!=', ['get', 'status'], 'background'], categoryFilter()] as FilterSpecification,
      layout: { 'circle-sort-key': ['get', 'sortKey'] },
      paint: {
        'circle-radius': ['+', ['get', 'radius'], 7],
        'circle-color': ['get', 'color'],
        'circle-blur': 0.6,
        'circle-opacity': haloOpacity(day, 0.3),
        'circle-opacity-transition': NO_TRANSITION,
        'circle-stroke-width': 0,
      },
    });
  }
  for (const status of ['background', 'reported', 'planned'] as const) {
    if (!has('point', status)) continue;
    const planned = status === 'planned';
    const op = status === 'background' ? backgroundOpacity(day) : eventOpacity(day);
    layers.push({
      id: `em-d${day}-point-${status}`,
      type: 'circle',
      source: SOURCE_ID,
      filter: base('point', status),
      layout: { 'circle-sort-key': ['get', 'sortKey'] },
      paint: {
        'circle-radius': status === 'background' ? ['*', 0.8, ['get', 'radius']] : ['get', 'radius'],
        'circle-color': planned ? theme.outline : ['get', 'color'],
        'circle-opacity': planned ? ['*', 0.6, op] as never : op,
        'circle-stroke-color': planned ? ['get', 'color'] : theme.outline,
        'circle-stroke-width': planned ? 2.5 : 1.5,
        'circle-stroke-opacity': op,
        'circle-opacity-transition': NO_TRANSITION,
        'circle-stroke-opacity-transition': NO_TRANSITION,
      },
    });
  }
  return layers;
}

export class DayLayersRenderer implements EventRenderer {
  private map: MapLibreMap | null = null;
  private readonly features: MapFeature[];
  private readonly byId = new Map<string, MapFeature>();
  private layerIds: string[] = [];
  private view: TimeView = { day: 0, mode: 'trail', trailDays: 3 };
  private visible: ReadonlySet<Category> | null = null;

  constructor(
    events: readonly EventFeature[],
    private readonly theme: DayLayerTheme = { outline: '#ffffff' },
  ) {
    this.features = prepareEvents(events).features;
    for (const f of this.features) this.byId.set(f.id, f);
  }

  /** The ids of every MapLibre layer this renderer added (for tests and picking). */
  get layers(): readonly string[] {
    return this.layerIds;
  }

  attach(map: MapLibreMap): void {
    this.map = map;
    map.setGlobalStateProperty(STATE.day, this.view.day);
    map.setGlobalStateProperty(STATE.mode, this.view.mode);
    map.setGlobalStateProperty(STATE.trail, this.view.trailDays);
    map.setGlobalStateProperty(STATE.categories, this.visible ? [...this.visible] : this.allCategories());
    map.addSource(SOURCE_ID, { type: 'geojson', data: { type: 'FeatureCollection', features: this.features } });
    map.addSource(SELECTED_SOURCE_ID, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });

    const present = new Map<number, Set<string>>();
    for (const f of this.features) {
      const s = present.get(f.properties.day) ?? new Set<string>();
      s.add(`${geomKind(f)}|${f.properties.status}`);
      present.set(f.properties.day, s);
    }
    // Older days first, so the current day draws on top of its trail.
    const days = [...present.keys()].sort((a, b) => a - b);
    for (const day of days) {
      for (const spec of layersForDay(day, present.get(day)!, this.theme)) {
        map.addLayer(spec, this.before(map));
        this.layerIds.push(spec.id);
      }
    }
    map.addLayer({
      id: 'em-selected-line',
      type: 'line',
      source: SELECTED_SOURCE_ID,
      filter: ['!=', ['geometry-type'], 'Point'],
      paint: { 'line-color': '#111', 'line-width': 9, 'line-opacity': 0.35, 'line-blur': 1 },
    });
    map.addLayer({
      id: 'em-selected-point',
      type: 'circle',
      source: SELECTED_SOURCE_ID,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-radius': ['+', ['get', 'radius'], 5],
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': '#111',
        'circle-stroke-width': 2.5,
      },
    });
  }

  private before(map: MapLibreMap): string | undefined {
    const id = this.theme.beforeId;
    return id && map.getLayer(id) ? id : undefined;
  }

  private allCategories(): string[] {
    return [...new Set(this.features.map((f) => f.properties.category))];
  }

  setTime(view: TimeView): void {
    const prev = this.view;
    this.view = { ...view };
    const map = this.map;
    if (!map) return;
    if (prev.day !== view.day) map.setGlobalStateProperty(STATE.day, view.day);
    if (prev.mode !== view.mode) map.setGlobalStateProperty(STATE.mode, view.mode);
    if (prev.trailDays !== view.trailDays) map.setGlobalStateProperty(STATE.trail, view.trailDays);
  }

  setCategories(visible: ReadonlySet<Category>): void {
    this.visible = new Set(visible);
    // A discrete change (a legend click): the filter term reads this, so the source re-tiles once.
    this.map?.setGlobalStateProperty(STATE.categories, [...visible]);
  }

  setSelected(id: string | null): void {
    const f = id ? this.byId.get(id) : undefined;
    const src = this.map?.getSource<GeoJSONSource>(SELECTED_SOURCE_ID);
    src?.setData({ type: 'FeatureCollection', features: f ? [f] : [] });
  }

  pick(point: { x: number; y: number }, radiusPx = 6): string[] {
    const map = this.map;
    if (!map || this.layerIds.length === 0) return [];
    const hits = map.queryRenderedFeatures(
      [
        [point.x - radiusPx, point.y - radiusPx],
        [point.x + radiusPx, point.y + radiusPx],
      ],
      { layers: this.layerIds },
    );
    const scored = new Map<string, number>();
    for (const h of hits) {
      const id = String(h.properties['id'] ?? h.id);
      const f = this.byId.get(id);
      if (!f || scored.has(id)) continue;
      if (!isVisibleAt(f.properties.day, f.properties.status, this.view)) continue;
      if (this.visible && !this.visible.has(f.properties.category)) continue;
      let dist = 0;
      if (f.geometry.type === 'Point') {
        const p = map.project(f.geometry.coordinates as [number, number]);
        // Distance to the ring: rings are concentric, so the one under the pointer wins.
        dist = Math.abs(Math.hypot(p.x - point.x, p.y - point.y) - f.properties.radius / 2);
      }
      // The current day before the trail.
      dist += (this.view.day - f.properties.day) * 0.01;
      scored.set(id, dist);
    }
    return [...scored.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id);
  }

  detach(): void {
    const map = this.map;
    if (!map) return;
    for (const id of [...this.layerIds, 'em-selected-line', 'em-selected-point']) if (map.getLayer(id)) map.removeLayer(id);
    for (const id of [SOURCE_ID, SELECTED_SOURCE_ID]) if (map.getSource(id)) map.removeSource(id);
    this.layerIds = [];
    this.map = null;
  }
}
