// Embed parameters: what an embedded map shows and how it starts. One model for
// the iframe page's query string (embed.html?date=2025-05-24&show=legend) and the
// web component's attributes (<event-map date="2025-05-24" show="legend">), so
// both speak the same names. Pure parse/serialise; invalid values are dropped
// (the embed falls back to its default) and never thrown.
//
// Names:
//   data (attribute: src)   events file, relative to the page or absolute http(s)
//   date                    ISO day to open on
//   mode                    trail | cumulative
//   categories              comma- or space-separated list of visible categories
//   autoplay, loop          booleans: present/"1"/"true"/"yes" or "0"/"false"/"no"
//   speed                   days per second while playing, 0.5–8
//   theme                   auto | light | dark
//   show                    which chrome shows besides map + slider:
//                           title, legend, list, controls (the slider always
//                           shows, with its histogram)
//   headline                the title text (shown with show=title)
//   view                    lon,lat,zoom of the initial camera
//   origins                 parent origins allowed to command the embed and
//                           receive its events (iframe only)
//   childId                 id given by the parent script (pym.js convention)
import { CATEGORIES, type Category } from '../events/types';
import { parseIsoDay } from '../time/days';

export type Mode = 'trail' | 'cumulative';
export type ThemeChoice = 'auto' | 'light' | 'dark';
export const SHOW_KEYS = ['title', 'legend', 'list', 'controls'] as const;
export type ShowKey = (typeof SHOW_KEYS)[number];

export interface View {
  lon: number;
  lat: number;
  zoom: number;
}

export interface EmbedParams {
  data?: string;
  date?: string;
  mode?: Mode;
  categories?: Category[];
  autoplay: boolean;
  loop: boolean;
  speed?: number;
  theme: ThemeChoice;
  show: ShowKey[];
  headline?: string;
  view?: View;
  origins: string[];
  childId?: string;
}

/** Map + slider, nothing else: the default chrome of an embed. */
export const DEFAULT_SHOW: readonly ShowKey[] = [];
export const MIN_SPEED = 0.5;
export const MAX_SPEED = 8;
const MAX_TEXT = 200;
const MAX_URL = 2048;

export function defaultParams(): EmbedParams {
  return { autoplay: false, loop: false, theme: 'auto', show: [...DEFAULT_SHOW], origins: [] };
}

/** A value getter: URLSearchParams.get or Element.getAttribute. */
export type Getter = (name: string) => string | null;

function parseBool(v: string | null): boolean | undefined {
  if (v === null) return undefined;
  const s = v.trim().toLowerCase();
  if (s === '' || s === '1' || s === 'true' || s === 'yes' || s === 'on') return true;
  if (s === '0' || s === 'false' || s === 'no' || s === 'off') return false;
  return undefined;
}

function list(v: string): string[] {
  return v.split(/[\s,]+/).filter(Boolean);
}

/** Half of a surrogate pair on its own: encodeURIComponent throws on it (an attribute set from script can hold one). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A data URL a page may load: relative, protocol-relative or absolute http(s); nothing else. */
export function safeDataUrl(v: string | null): string | undefined {
  if (v === null) return undefined;
  const s = v.trim();
  if (!s || s.length > MAX_URL) return undefined;
  // Control characters or backslashes make URL parsers disagree; refuse them.
  if (/[\u0000-\u001f\u007f\\]/.test(s) || LONE_SURROGATE.test(s)) return undefined;
  let u: URL;
  try {
    u = new URL(s, 'https://base.invalid/dir/');
  } catch {
    return undefined;
  }
  return u.protocol === 'http:' || u.protocol === 'https:' ? s : undefined;
}

/** An http(s) origin ("https://news.example:8443"), normalised, or undefined. */
export function parseOrigin(v: string): string | undefined {
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  if (u.username || u.password || u.search || u.hash || (u.pathname !== '/' && u.pathname !== '')) return undefined;
  return u.origin;
}

function parseView(v: string): View | undefined {
  const parts = v.split(',').map((p) => p.trim());
  if (parts.length !== 3 || parts.some((p) => p === '')) return undefined;
  const [lon, lat, zoom] = parts.map(Number) as [number, number, number];
  if (![lon, lat, zoom].every(Number.isFinite)) return undefined;
  if (lon < -180 || lon > 180 || lat < -85.1 || lat > 85.1 || zoom < 0 || zoom > 22) return undefined;
  return { lon, lat, zoom };
}

function cleanText(v: string): string | undefined {
  // Text only (the app renders it as text); strip control characters, cap the length.
  const s = v.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(new RegExp(LONE_SURROGATE, 'g'), '\uFFFD').trim().slice(0, MAX_TEXT);
  return s || undefined;
}

const CATEGORY_SET = new Set<string>(CATEGORIES);
const SHOW_SET = new Set<string>(SHOW_KEYS);

/** Reads parameters through a getter; `src` is accepted as another name for `data`. */
export function parseParams(get: Getter): EmbedParams {
  const p = defaultParams();
  const data = safeDataUrl(get('data') ?? get('src'));
  if (data) p.data = data;
  const date = get('date')?.trim();
  if (date && parseIsoDay(date) !== null) p.date = date;
  const mode = get('mode')?.trim();
  if (mode === 'trail' || mode === 'cumulative') p.mode = mode;
  const cats = get('categories');
  if (cats !== null) {
    const wanted = new Set(list(cats).filter((c) => CATEGORY_SET.has(c)));
    p.categories = CATEGORIES.filter((c) => wanted.has(c));
  }
  p.autoplay = parseBool(get('autoplay')) ?? false;
  p.loop = parseBool(get('loop')) ?? false;
  const speed = get('speed');
  if (speed !== null && speed.trim() !== '') {
    const n = Number(speed);
    if (Number.isFinite(n) && n >= MIN_SPEED && n <= MAX_SPEED) p.speed = n;
  }
  const theme = get('theme')?.trim();
  if (theme === 'light' || theme === 'dark' || theme === 'auto') p.theme = theme;
  const show = get('show');
  if (show !== null) {
    const wanted = new Set(list(show).filter((s) => SHOW_SET.has(s)));
    p.show = SHOW_KEYS.filter((s) => wanted.has(s));
  }
  const headline = get('headline');
  if (headline !== null) {
    const h = cleanText(headline);
    if (h) p.headline = h;
  }
  const view = get('view');
  if (view !== null) {
    const v = parseView(view);
    if (v) p.view = v;
  }
  const origins = get('origins');
  if (origins !== null) {
    for (const o of list(origins)) {
      const origin = parseOrigin(o);
      if (origin && !p.origins.includes(origin)) p.origins.push(origin);
    }
  }
  const childId = get('childId');
  if (childId !== null && /^[\w.:-]{1,100}$/.test(childId)) p.childId = childId;
  return p;
}

export function parseQuery(search: string): EmbedParams {
  const q = new URLSearchParams(search.replace(/^\?/, ''));
  return parseParams((n) => q.get(n));
}

function round(n: number, digits: number): string {
  return String(Number(n.toFixed(digits)));
}

/**
 * The parameters as [name, value] pairs in a stable order, defaults left out.
 * Booleans are "1"; `flavour: 'attributes'` names the data URL `src` and gives
 * booleans an empty value (written as a bare attribute).
 */
export function paramEntries(p: Partial<EmbedParams>, flavour: 'query' | 'attributes' = 'query'): [string, string][] {
  const out: [string, string][] = [];
  const on = flavour === 'query' ? '1' : '';
  if (p.data) out.push([flavour === 'query' ? 'data' : 'src', p.data]);
  if (p.date) out.push(['date', p.date]);
  if (p.mode && p.mode !== 'trail') out.push(['mode', p.mode]);
  if (p.categories && p.categories.length < CATEGORIES.length) {
    out.push(['categories', CATEGORIES.filter((c) => p.categories!.includes(c)).join(',')]);
  }
  if (p.autoplay) out.push(['autoplay', on]);
  if (p.loop) out.push(['loop', on]);
  if (p.speed !== undefined && p.speed !== 2) out.push(['speed', String(p.speed)]);
  if (p.theme && p.theme !== 'auto') out.push(['theme', p.theme]);
  if (p.show && p.show.length) out.push(['show', SHOW_KEYS.filter((s) => p.show!.includes(s)).join(flavour === 'query' ? ',' : ' ')]);
  if (p.headline) out.push(['headline', p.headline]);
  if (p.view) out.push(['view', `${round(p.view.lon, 4)},${round(p.view.lat, 4)},${round(p.view.zoom, 2)}`]);
  if (flavour === 'query' && p.origins && p.origins.length) out.push(['origins', p.origins.join(',')]);
  if (flavour === 'query' && p.childId) out.push(['childId', p.childId]);
  return out;
}

/** The query string ("?date=…", or "" when everything is default). */
export function serialiseQuery(p: Partial<EmbedParams>): string {
  const entries = paramEntries(p, 'query');
  if (!entries.length) return '';
  return `?${entries.map(([k, v]) => `${k}=${encodeQueryValue(v)}`).join('&')}`;
}

/** Percent-encodes a query value but keeps the characters that read well in a link (, : /). */
function encodeQueryValue(v: string): string {
  return encodeURIComponent(v).replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%2F/g, '/');
}
