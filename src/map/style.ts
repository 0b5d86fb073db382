// Picks the map style: an online style only when asked for (?style=URL), else
// the offline basemap the project builds (src/map/basemap/style.ts), else a
// plain background until that basemap exists. Paint transitions are off.
import type { StyleSpecification } from 'maplibre-gl';

export type Theme = 'light' | 'dark';

interface BasemapModule {
  basemapStyle(opts: { theme: Theme; baseUrl: string }): StyleSpecification;
  BASEMAP_ATTRIBUTION?: string | string[];
  /** Event layers go below this layer so place names stay readable. */
  FIRST_LABEL_LAYER?: string;
}

const basemaps = import.meta.glob<BasemapModule>('./basemap/style.ts');

export const EVENT_ATTRIBUTION = 'Places: <a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0)';
export const FALLBACK_ATTRIBUTION = '<a href="https://www.naturalearthdata.com/">Natural Earth</a>';

export function fallbackStyle(theme: Theme): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': theme === 'dark' ? '#1d2327' : '#e9eef0' } }],
  };
}

export interface ResolvedStyle {
  style: StyleSpecification | string;
  attribution: string[];
  offline: boolean;
  /** Layer id to insert the event layers before (the basemap's labels), if any. */
  beforeId?: string;
}

function asList(a: string | string[] | undefined): string[] {
  return a === undefined ? [] : Array.isArray(a) ? a : [a];
}

export async function resolveStyle(opts: { theme: Theme; baseUrl: string; styleUrl?: string | null }): Promise<ResolvedStyle> {
  if (opts.styleUrl) return { style: opts.styleUrl, attribution: [EVENT_ATTRIBUTION], offline: false };
  const load = basemaps['./basemap/style.ts'];
  if (load) {
    try {
      const mod = await load();
      const style = mod.basemapStyle({ theme: opts.theme, baseUrl: opts.baseUrl });
      const attribution = [...asList(mod.BASEMAP_ATTRIBUTION)];
      if (!attribution.some((a) => /natural earth/i.test(a))) attribution.push(FALLBACK_ATTRIBUTION);
      return { style: { ...style, transition: { duration: 0, delay: 0 } }, attribution: attribution.some((a) => /geonames/i.test(a)) ? attribution : [...attribution, EVENT_ATTRIBUTION], offline: true, ...(mod.FIRST_LABEL_LAYER ? { beforeId: mod.FIRST_LABEL_LAYER } : {}) };
    } catch (e) {
      console.warn('basemap style failed, using a plain background', e);
    }
  }
  return { style: { ...fallbackStyle(opts.theme), transition: { duration: 0, delay: 0 } }, attribution: [FALLBACK_ATTRIBUTION, EVENT_ATTRIBUTION], offline: true };
}
