// Events as columns sorted by day: the one in-memory shape the large-data renderer,
// the binary transport and the list/histogram share. A window of days is one index
// range (see window.ts); nothing per step walks a million objects.
import { CATEGORIES, STATUSES, type Category, type EventFeature, type Status } from '../../events/types';
import { dayFromIso } from './day';
import { buildDayStart } from './window';
import type { DetailsRef } from '../../data/binary/details';

export interface PlaceRow {
  name: string;
  country: string;
  geonameid?: number;
}

export interface EventColumns {
  count: number;
  /** First day (days since epoch) and number of days covered; dayStart has dayCount + 1 entries. */
  dayMin: number;
  dayCount: number;
  dayStart: Uint32Array;
  /** Day of each event relative to dayMin (redundant with dayStart; the vertex shader needs it per point). */
  day: Uint16Array;
  /** Web Mercator, 0..1 (MapLibre's MercatorCoordinate). float32 ≈ 2 m at the equator: fine for points. */
  x: Float32Array;
  y: Float32Array;
  /** Index into CATEGORIES / STATUSES. */
  cat: Uint8Array;
  status: Uint8Array;
  /** Point size class 0..255 from the largest figure (log scale). */
  size: Uint8Array;
  /** Index into `places`. */
  place: Uint32Array;
  places: PlaceRow[];
  /** Largest figure: key index into `figureKeys` (255 = none) and value. */
  figKey: Uint8Array;
  figVal: Uint32Array;
  figureKeys: string[];
  /** Ids: `idPrefix + idNum[i]` when every id has that form, else the explicit list. */
  idPrefix: string;
  idNum: Uint32Array | null;
  idList: string[] | null;
  /** EVB1 only: where the details sidecar (quotes, sources) lives, see src/data/binary/details.ts. */
  details?: DetailsRef;
}

export function idOf(c: EventColumns, i: number): string {
  if (c.idNum) return c.idPrefix + c.idNum[i]!;
  return c.idList![i]!;
}

/** Map id → sorted index, built once on first use (selection by id from the URL or list). */
export function indexById(c: EventColumns): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < c.count; i++) m.set(idOf(c, i), i);
  return m;
}

const idIndexes = new WeakMap<EventColumns, (id: string) => number>();

/**
 * Index of an id, or -1. Built once per columns object on first use and shared by
 * the renderer and the app: numeric ids sort into one Float64Array (id · 2^k + index,
 * binary-searched; 8 bytes an event instead of a million-entry Map), other ids a Map.
 */
export function indexOfId(c: EventColumns, id: string): number {
  let find = idIndexes.get(c);
  if (!find) {
    find = buildIdIndex(c);
    idIndexes.set(c, find);
  }
  return find(id);
}

function buildIdIndex(c: EventColumns): (id: string) => number {
  const nums = c.idNum;
  const shift = Math.pow(2, Math.ceil(Math.log2(c.count + 1)));
  if (!nums || 0xffffffff * shift + shift >= Number.MAX_SAFE_INTEGER) {
    const m = indexById(c);
    return (id) => m.get(id) ?? -1;
  }
  const keys = new Float64Array(c.count);
  for (let i = 0; i < c.count; i++) keys[i] = nums[i]! * shift + i;
  keys.sort();
  const prefix = c.idPrefix;
  return (id) => {
    if (!id.startsWith(prefix)) return -1;
    const tail = id.slice(prefix.length);
    if (!/^(0|[1-9]\d*)$/.test(tail)) return -1;
    const v = Number(tail);
    let lo = 0, hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid]! < v * shift) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= keys.length) return -1;
    const k = keys[lo]!;
    return Math.floor(k / shift) === v ? k - v * shift : -1;
  };
}

export function lngLatOf(c: EventColumns, i: number): [number, number] {
  const lng = c.x[i]! * 360 - 180;
  const y2 = 180 - c.y[i]! * 360;
  const lat = (360 / Math.PI) * Math.atan(Math.exp((y2 * Math.PI) / 180)) - 90;
  return [lng, lat];
}

export function mercatorX(lng: number): number {
  return (180 + lng) / 360;
}
export function mercatorY(lat: number): number {
  const clamped = Math.max(-85.051129, Math.min(85.051129, lat));
  return (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360))) / 360;
}

/** Size class from the largest figure: 0 for none, then log2 steps, capped at 255. */
export function sizeClass(maxFigure: number): number {
  if (!(maxFigure > 0)) return 0;
  return Math.min(255, 1 + Math.round(Math.log2(1 + maxFigure) * 16));
}

/** Representative point of any geometry: a Point's position, else the first vertex (borders, areas). */
function firstPosition(f: EventFeature): [number, number] | null {
  const g = f.geometry;
  if (!g) return null;
  switch (g.type) {
    case 'Point':
      return [g.coordinates[0]!, g.coordinates[1]!];
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates[0] ? [g.coordinates[0][0]!, g.coordinates[0][1]!] : null;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates[0]?.[0] ? [g.coordinates[0][0][0]!, g.coordinates[0][0][1]!] : null;
    case 'MultiPolygon':
      return g.coordinates[0]?.[0]?.[0] ? [g.coordinates[0][0][0][0]!, g.coordinates[0][0][0][1]!] : null;
    default:
      return null;
  }
}

const CAT_INDEX = new Map<Category, number>(CATEGORIES.map((c, i) => [c, i]));
const STATUS_INDEX = new Map<Status, number>(STATUSES.map((s, i) => [s, i]));

/**
 * Features (any order) → day-sorted columns. Stable: events of one day keep their
 * input order, so the output is deterministic. Features without a position are dropped.
 */
export function columnsFromFeatures(features: readonly EventFeature[]): EventColumns {
  const keep: number[] = [];
  const days: number[] = [];
  const pos: ([number, number] | null)[] = [];
  let dayMin = Infinity;
  let dayMax = -Infinity;
  for (let i = 0; i < features.length; i++) {
    const f = features[i]!;
    const p = firstPosition(f);
    pos.push(p);
    if (!p) continue;
    const d = dayFromIso(f.properties.date);
    days[i] = d;
    keep.push(i);
    if (d < dayMin) dayMin = d;
    if (d > dayMax) dayMax = d;
  }
  const n = keep.length;
  if (n === 0) dayMin = dayMax = 0;
  const dayCount = dayMax - dayMin + 1;
  if (dayCount > 65535) throw new Error('more than 65535 days: day offsets are Uint16');
  // Counting sort by day: stable and O(n).
  const dayStart = buildDayStart(keep.map((i) => days[i]!), dayMin, dayCount);
  const cursor = dayStart.slice(0, dayCount);
  const order = new Uint32Array(n);
  for (const i of keep) {
    const k = days[i]! - dayMin;
    order[cursor[k]!] = i;
    cursor[k] = cursor[k]! + 1;
  }

  const c = emptyColumns(n, dayMin, dayCount);
  c.dayStart = dayStart;
  const placeIndex = new Map<string, number>();
  const figIndex = new Map<string, number>();
  const ids: string[] = [];
  for (let j = 0; j < n; j++) {
    const f = features[order[j]!]!;
    const p = f.properties;
    const [lng, lat] = pos[order[j]!]!;
    c.x[j] = mercatorX(lng);
    c.y[j] = mercatorY(lat);
    c.day[j] = days[order[j]!]! - dayMin;
    c.cat[j] = CAT_INDEX.get(p.category) ?? CATEGORIES.indexOf('other');
    c.status[j] = STATUS_INDEX.get(p.status) ?? 0;
    const key = `${p.place.name}\u0000${p.place.country}\u0000${p.place.geonameid ?? ''}`;
    let pi = placeIndex.get(key);
    if (pi === undefined) {
      pi = c.places.length;
      placeIndex.set(key, pi);
      c.places.push(p.place.geonameid !== undefined
        ? { name: p.place.name, country: p.place.country, geonameid: p.place.geonameid }
        : { name: p.place.name, country: p.place.country });
    }
    c.place[j] = pi;
    let best = 0;
    let bestKey = '';
    for (const [k, v] of Object.entries(p.figures ?? {})) {
      if (typeof v === 'number' && v > best) {
        best = v;
        bestKey = k;
      }
    }
    if (bestKey) {
      let fi = figIndex.get(bestKey);
      if (fi === undefined && c.figureKeys.length < 255) {
        fi = c.figureKeys.length;
        figIndex.set(bestKey, fi);
        c.figureKeys.push(bestKey);
      }
      c.figKey[j] = fi ?? 255;
      c.figVal[j] = Math.min(0xffffffff, Math.round(best));
    } else {
      c.figKey[j] = 255;
    }
    c.size[j] = sizeClass(best);
    ids.push(String(f.id ?? p.id));
  }
  setIds(c, ids);
  return c;
}

export function emptyColumns(n: number, dayMin: number, dayCount: number): EventColumns {
  return {
    count: n,
    dayMin,
    dayCount,
    dayStart: new Uint32Array(dayCount + 1),
    day: new Uint16Array(n),
    x: new Float32Array(n),
    y: new Float32Array(n),
    cat: new Uint8Array(n),
    status: new Uint8Array(n),
    size: new Uint8Array(n),
    place: new Uint32Array(n),
    places: [],
    figKey: new Uint8Array(n).fill(255),
    figVal: new Uint32Array(n),
    figureKeys: [],
    idPrefix: '',
    idNum: null,
    idList: null,
  };
}

/** Stores ids compactly when they share a prefix followed by a canonical decimal number. */
export function setIds(c: EventColumns, ids: readonly string[]): void {
  const m = ids.length ? /^(.*?)(\d+)$/.exec(ids[0]!) : null;
  const prefix = m ? m[1]! : '';
  const nums = new Uint32Array(ids.length);
  let ok = ids.length > 0 && m !== null;
  for (let i = 0; ok && i < ids.length; i++) {
    const id = ids[i]!;
    const tail = id.slice(prefix.length);
    const v = Number(tail);
    ok = id.startsWith(prefix) && /^(0|[1-9]\d*)$/.test(tail) && v <= 0xffffffff;
    nums[i] = v;
  }
  if (ok) {
    c.idPrefix = prefix;
    c.idNum = nums;
    c.idList = null;
  } else {
    c.idPrefix = '';
    c.idNum = null;
    c.idList = ids.slice();
  }
}

/**
 * Per-day, per-category counts (dayCount × CATEGORIES.length), for the histogram and
 * for the renderer's drawn count without touching events: O(n) once.
 */
export function dayCategoryCounts(c: EventColumns): Uint32Array {
  const k = CATEGORIES.length;
  const out = new Uint32Array(c.dayCount * k);
  for (let i = 0; i < c.count; i++) {
    const idx = c.day[i]! * k + c.cat[i]!;
    out[idx] = out[idx]! + 1;
  }
  return out;
}

/** Events in [loDay, hiDay] (absolute days) whose category bit is set in mask: O(days × categories). */
export function countInWindow(counts: Uint32Array, c: Pick<EventColumns, 'dayMin' | 'dayCount'>, loDay: number, hiDay: number, mask: number): number {
  const k = CATEGORIES.length;
  const a = Math.max(0, loDay - c.dayMin);
  const b = Math.min(c.dayCount - 1, hiDay - c.dayMin);
  let n = 0;
  for (let d = a; d <= b; d++) for (let j = 0; j < k; j++) if (mask & (1 << j)) n += counts[d * k + j]!;
  return n;
}
