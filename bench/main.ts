// One page, three ways of moving a time window over the same events, chosen by
// ?method=ours|ours-layer|setFilter|setData|dayLayers&evb=…&geojson=…&day=<start day>.
// ours = the app's large-data renderer in overlay mode (what the app uses);
// ours-layer = the same renderer as a MapLibre custom layer inside the map's frame.
// The runner (scripts/bench/run.ts) drives window.__bench.
import 'maplibre-gl/dist/maplibre-gl.css';
import { Map as MapLibreMap, setWorkerUrl, type FilterSpecification, type GeoJSONSource, type MapSourceDataEvent, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import countries from 'world-atlas/countries-110m.json';
import { CATEGORIES, type EventCollection, type EventFeature } from '../src/events/types';
import { ScaleRenderer, DEFAULT_COLORS } from '../src/map/scale/ScaleRenderer';
import { loadBinaryEvents } from '../src/data/binary/load';
import { dayFromIso, isoFromDay } from '../src/map/scale/day';
import type { TimeView } from '../src/map/renderer';

setWorkerUrl(workerUrl);

type Method = 'ours' | 'ours-layer' | 'setFilter' | 'setData' | 'dayLayers';
const q = new URLSearchParams(location.search);
const method = (q.get('method') ?? 'ours') as Method;
const evbUrl = q.get('evb') ?? 'data/events-10000-s1.evb';
const geojsonUrl = q.get('geojson') ?? 'data/events-10000-s1.lean.geojson';
// The app's own per-day renderer needs the full format (status, place...).
const fullGeojsonUrl = q.get('full') ?? geojsonUrl.replace('.lean.geojson', '.geojson');
const TRAIL = Number(q.get('trail') ?? 6); // 7-day window: the day and 6 before
let day = Number(q.get('day') ?? dayFromIso('2024-06-01'));

const countryFc = feature(countries as unknown as Topology, (countries as unknown as Topology).objects.countries as GeometryCollection);
const style: StyleSpecification = {
  version: 8,
  sources: { countries: { type: 'geojson', data: countryFc } },
  layers: [
    { id: 'bg', type: 'background', paint: { 'background-color': '#dfe9f0' } },
    { id: 'land', type: 'fill', source: 'countries', paint: { 'fill-color': '#f7f5f0' } },
    { id: 'borders', type: 'line', source: 'countries', paint: { 'line-color': '#9a9a9a', 'line-width': 0.6 } },
  ],
};

const map = new MapLibreMap({
  container: 'map',
  style,
  // The whole world in view (all events on screen, so rendered-feature counts are complete).
  center: [10, 20],
  zoom: 0.6,
  renderWorldCopies: false,
  attributionControl: false,
  fadeDuration: 0,
});

// Tile loads per step: every source data event that carries a tile is one tile (re)built.
let tileEvents = 0;
map.on('data', (e) => {
  const se = e as MapSourceDataEvent;
  if (se.dataType === 'source' && se.tile) tileEvents++;
});

const idle = () => new Promise<void>((r) => map.once('idle', () => r()));
// 'idle' (and the overlay's draw) fire when the frame's draw calls are issued, not
// when it is on screen; the compositor (software here) may still be busy with it.
// Waiting for the next animation frame, which Chromium grants only once the
// compositor can take a new frame, charges each step for its own frame instead of
// leaving that cost to whatever comes next.
const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
const windowOf = (d: number) => ({ lo: d - TRAIL, hi: d });

const catColor: unknown[] = ['match', ['get', 'category']];
for (const c of CATEGORIES) catColor.push(c, DEFAULT_COLORS[c]);
catColor.push('#888');
const circlePaint = { 'circle-color': catColor, 'circle-radius': 2.5, 'circle-opacity': 0.85 } as never;

interface Impl {
  show(d: number): void;
  /** Events drawn now, by the method's own account (renderer count or rendered features); null if it cannot tell. */
  drawn(): number | null | Promise<number | null>;
  gpu?(): number;
  /** Resolves when the step is on screen; default: the map's next idle. */
  settle?(): Promise<void>;
}

async function setupOurs(overlay = false): Promise<Impl> {
  const loaded = await loadBinaryEvents(evbUrl);
  await mapLoaded;
  let waiters: (() => void)[] = [];
  const r = new ScaleRenderer(loaded, {
    mode: overlay ? 'overlay' : 'layer',
    onDraw: () => {
      const w = waiters;
      waiters = [];
      for (const f of w) f();
    },
  });
  const view = (d: number): TimeView => ({ day: d, mode: 'trail', trailDays: TRAIL });
  r.setTime(view(day));
  r.attach(map);
  (window as unknown as { __renderer: ScaleRenderer }).__renderer = r;
  return {
    show: (d) => r.setTime(view(d)),
    drawn: () => r.current().drawn,
    gpu: () => r.verifyDrawnOnGpu(),
    // Overlay: a date step redraws only the overlay, the map does not render (no idle).
    ...(overlay ? { settle: () => new Promise<void>((res) => waiters.push(res)) } : {}),
  };
}

function filterFor(d: number): FilterSpecification {
  const w = windowOf(d);
  return ['all', ['>=', ['get', 'date'], isoFromDay(w.lo)], ['<=', ['get', 'date'], isoFromDay(w.hi)]];
}

function renderedCount(): number {
  // Dedupe: a point near a tile edge can be returned by two tiles.
  const ids = new Set<unknown>();
  for (const f of map.queryRenderedFeatures({ layers: ['events'] })) ids.add(f.properties.id);
  return ids.size;
}

async function setupSetFilter(): Promise<Impl> {
  await mapLoaded;
  // The usual recipe: the whole GeoJSON in one source (the worker fetches and parses it), a filter per step.
  map.addSource('events', { type: 'geojson', data: geojsonUrl });
  map.addLayer({ id: 'events', type: 'circle', source: 'events', filter: filterFor(day), paint: circlePaint });
  return { show: (d) => map.setFilter('events', filterFor(d)), drawn: renderedCount };
}

async function setupSetData(): Promise<Impl> {
  // The other usual recipe: features in the page, setData with the window's features per step.
  const fc = (await (await fetch(geojsonUrl)).json()) as EventCollection;
  // Generous to the baseline: sort once by day so a window is a slice, not a scan.
  const withDay = fc.features.map((f) => ({ f, d: dayFromIso(f.properties.date) })).sort((a, b) => a.d - b.d);
  const days = Int32Array.from(withDay, (x) => x.d);
  const feats: EventFeature[] = withDay.map((x) => x.f);
  const lowerBound = (v: number) => {
    let lo = 0, hi = days.length;
    while (lo < hi) { const m = (lo + hi) >>> 1; if (days[m]! < v) lo = m + 1; else hi = m; }
    return lo;
  };
  const slice = (d: number) => {
    const w = windowOf(d);
    return { type: 'FeatureCollection' as const, features: feats.slice(lowerBound(w.lo), lowerBound(w.hi + 1)) };
  };
  await mapLoaded;
  map.addSource('events', { type: 'geojson', data: slice(day) });
  map.addLayer({ id: 'events', type: 'circle', source: 'events', paint: circlePaint });
  const src = map.getSource('events') as GeoJSONSource;
  return { show: (d) => void src.setData(slice(d)), drawn: renderedCount };
}

async function setupDayLayers(): Promise<Impl> {
  // The app's small-data renderer (per-day layers, time from global-state), for the size threshold.
  const { DayLayersRenderer } = await import('../src/map/events/day-layers');
  const fc = (await (await fetch(fullGeojsonUrl)).json()) as EventCollection;
  await mapLoaded;
  const r = new DayLayersRenderer(fc.features);
  const view = (d: number): TimeView => ({ day: d, mode: 'trail', trailDays: TRAIL });
  r.attach(map);
  r.setTime(view(day));
  // Its hidden days are still "rendered" features (opacity 0), so no count to check here.
  return { show: (d) => r.setTime(view(d)), drawn: () => null };
}

const mapLoaded = new Promise<void>((r) => map.once('load', () => r()));
const hud = document.getElementById('hud')!;

async function main() {
  const setups: Record<Method, () => Promise<Impl>> = { ours: () => setupOurs(true), 'ours-layer': () => setupOurs(false), setFilter: setupSetFilter, setData: setupSetData, dayLayers: setupDayLayers };
  const impl = await setups[method]();
  // The map may already be idle (overlay mode adds nothing to it): ask for a frame.
  const first = idle();
  map.triggerRepaint();
  await first;
  // Sources may still be loading after the first idle in rare cases; wait until drawn.
  const firstEventsMs = performance.now();
  hud.textContent = `${method} ${method.startsWith('ours') ? evbUrl : method === 'dayLayers' ? fullGeojsonUrl : geojsonUrl} ${isoFromDay(day)}`;
  const api = {
    method,
    firstEventsMs,
    async step(d: number) {
      const before = tileEvents;
      const done = impl.settle ? impl.settle() : idle();
      const t0 = performance.now();
      day = d;
      impl.show(d);
      await done;
      await nextFrame();
      return { ms: performance.now() - t0, tiles: tileEvents - before };
    },
    async floor() {
      const done = idle();
      const t0 = performance.now();
      map.triggerRepaint();
      await done;
      await nextFrame();
      return performance.now() - t0;
    },
    async drawn() {
      return await impl.drawn();
    },
    gpu() {
      return impl.gpu ? impl.gpu() : null;
    },
  };
  (window as unknown as { __bench: typeof api }).__bench = api;
}

main().catch((e: unknown) => {
  (window as unknown as { __benchError: string }).__benchError = e instanceof Error ? e.stack ?? e.message : String(e);
});
