// Text for the panel and list: deterministic, no locale dependence.
import type { EventPlace } from '../events/types';

export function formatCount(n: number): string {
  const neg = n < 0;
  const [int, frac] = Math.abs(n).toString().split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (neg ? '−' : '') + grouped + (frac ? `.${frac}` : '');
}

/** "missiles" → "Missiles", "drone_decoys" / "droneDecoys" → "Drone decoys". */
export function figureLabel(key: string): string {
  const words = key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
}

export function placePrecision(place: EventPlace): string {
  const km = place.precisionKm;
  const kind = place.kind === 'border' ? 'a border' : place.kind === 'country' ? 'a country' : place.kind === 'region' ? 'a region' : 'a city';
  if (!Number.isFinite(km)) return `Located as ${kind}`;
  return `Located as ${kind}, within about ${formatCount(Math.round(km))} km`;
}

export const PRECISION_TEXT = { day: 'exact day', month: 'month only', year: 'year only' } as const;

export const STATUS_TEXT = { reported: 'Reported', planned: 'Planned', background: 'Background' } as const;

/**
 * The name to show: the article's own spelling for a named city, region or
 * country ("Kyiv", "Odesa"), the gazetteer's name otherwise ("Ukraine–Belarus
 * border" rather than "Ukraine's border with Belarus").
 */
export function placeLabel(place: EventPlace): string {
  const m = place.mention?.trim() ?? '';
  if (place.kind !== 'border' && m && m.length <= 40 && /^\p{Lu}/u.test(m) && !/['’]s\b/.test(m) && m.split(/\s+/).length <= 4) return m;
  return place.name;
}

/** The first words of a quote, for telling similar list items apart. */
export function snippet(text: string, max = 90): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const sp = cut.lastIndexOf(' ');
  return `${(sp > max * 0.6 ? cut.slice(0, sp) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}
