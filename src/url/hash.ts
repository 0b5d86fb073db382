// The URL hash keeps what the reader sees, so a link reproduces it:
//   #date=2025-05-24&mode=cumulative&cats=strike,talks&sel=strike-kyiv&view=30.52,50.45,5.2&span=all
// Pure parse/serialise; the app decides when to pushState or replaceState.
import { CATEGORIES, type Category } from '../events/types';
import type { TimeMode } from '../map/renderer';
import { parseIsoDay } from '../time/days';

export interface MapView {
  lon: number;
  lat: number;
  zoom: number;
}

export interface HashState {
  /** ISO day. */
  date?: string;
  mode?: TimeMode;
  /** Visible categories; undefined means all. */
  categories?: Category[];
  selected?: string;
  view?: MapView;
  /** 'all' widens the slider to every event; the default is the story's span. */
  span?: 'all';
}

const CATEGORY_SET = new Set<string>(CATEGORIES);

function parseView(s: string): MapView | undefined {
  const parts = s.split(',');
  if (parts.length !== 3) return undefined;
  const [lon, lat, zoom] = parts.map(Number) as [number, number, number];
  if (![lon, lat, zoom].every(Number.isFinite)) return undefined;
  if (lon < -180 || lon > 180 || lat < -85.1 || lat > 85.1 || zoom < 0 || zoom > 22) return undefined;
  return { lon, lat, zoom };
}

/** Reads a hash ("#a=b&c=d" or "a=b&c=d"); unknown keys and invalid values are dropped. */
export function parseHash(hash: string): HashState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const out: HashState = {};
  const date = params.get('date');
  if (date !== null && parseIsoDay(date) !== null) out.date = date;
  const mode = params.get('mode');
  if (mode === 'trail' || mode === 'cumulative') out.mode = mode;
  const cats = params.get('cats');
  if (cats !== null) {
    const list = cats.split(',').filter((c): c is Category => CATEGORY_SET.has(c));
    out.categories = CATEGORIES.filter((c) => list.includes(c));
  }
  const sel = params.get('sel');
  if (sel) out.selected = sel;
  const view = params.get('view');
  if (view !== null) {
    const v = parseView(view);
    if (v) out.view = v;
  }
  if (params.get('span') === 'all') out.span = 'all';
  return out;
}

function round(n: number, digits: number): string {
  return String(Number(n.toFixed(digits)));
}

/** Writes a hash (with the leading "#", or "" when empty) in a stable key order. */
export function serialiseHash(s: HashState): string {
  const parts: string[] = [];
  if (s.date) parts.push(`date=${s.date}`);
  if (s.mode && s.mode !== 'trail') parts.push(`mode=${s.mode}`);
  if (s.categories && s.categories.length < CATEGORIES.length) {
    const ordered = CATEGORIES.filter((c) => s.categories!.includes(c));
    parts.push(`cats=${ordered.join(',')}`);
  }
  if (s.selected) parts.push(`sel=${encodeURIComponent(s.selected)}`);
  if (s.view) parts.push(`view=${round(s.view.lon, 4)},${round(s.view.lat, 4)},${round(s.view.zoom, 2)}`);
  if (s.span === 'all') parts.push('span=all');
  return parts.length ? `#${parts.join('&')}` : '';
}

/** True when going from `a` to `b` is a discrete change worth a history entry (not just the view or a played date). */
export function isDiscreteChange(a: HashState, b: HashState): boolean {
  const strip = (s: HashState) => serialiseHash({ ...s, view: undefined });
  return strip(a) !== strip(b);
}
