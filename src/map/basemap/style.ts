// The offline basemap's MapLibre style: a quiet newsroom locator map (muted
// land, light sea, clear but light borders, haloed labels), in a light and a
// dark theme with the same hierarchy. Every URL is resolved against the page's
// base URL, so the app works from any sub-path and never leaves its origin.
//
// Data: public/basemap/ (vector tiles in basemap/tiles/, sprite) and
// public/fonts/, built by `npm run basemap`.
import type {
  ExpressionSpecification,
  FilterSpecification,
  FontFacesSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import fontFiles from './font-files.json';
import { SOURCE_LAYERS, TILES_DIR, TILE_MAXZOOM } from './tiling.ts';

export type BasemapTheme = 'light' | 'dark';

export interface BasemapOptions {
  theme: BasemapTheme;
  /** The page's base URL (e.g. document.baseURI); basemap files are resolved against it. */
  baseUrl: string;
}

export const BASEMAP_ATTRIBUTION =
  '<a href="https://www.naturalearthdata.com/">Natural Earth</a> (public domain) · ' +
  '<a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0)';

/** The basemap's one vector source; its layers are SOURCE_LAYERS (./tiling.ts). */
export const BASEMAP_SOURCE = 'basemap';

/**
 * Label layers, top of the stack, bottom to top. MapLibre places the topmost
 * layer's labels first, so country names win over city names, and cities over
 * seas. Event layers go below the first one to keep names readable, or above all.
 */
export const BASEMAP_LABEL_LAYERS = ['basemap-marine-label', 'basemap-city-label', 'basemap-country-label'] as const;
export const FIRST_LABEL_LAYER = BASEMAP_LABEL_LAYERS[0];

/** Font names used in text-font, each declared in font-faces with the shipped files. */
export const FONTS = {
  regular: 'Noto Sans Regular',
  semibold: 'Noto Sans SemiBold',
  italic: 'Noto Sans Italic',
} as const;

interface Palette {
  water: string;
  land: string;
  coast: string;
  border: string;
  borderCasing: string;
  countryText: string;
  cityText: string;
  minorCityText: string;
  marineText: string;
  halo: string;
  waterHalo: string;
  dot: string;
}

// Light: warm off-white land on a pale grey-blue sea; greys, not black, so
// event colours on top carry the contrast. Dark: the same steps inverted.
const PALETTES: Record<BasemapTheme, Palette> = {
  light: {
    water: '#d9e4ec',
    land: '#f6f4f0',
    coast: '#b7c6d2',
    border: '#8f8a85',
    borderCasing: '#ffffff',
    countryText: '#6e6862',
    cityText: '#2f2f2f',
    minorCityText: '#4d4d4d',
    marineText: '#6f8aa0',
    halo: 'rgba(246,244,240,0.9)',
    waterHalo: 'rgba(217,228,236,0.85)',
    dot: '#4a4a4a',
  },
  dark: {
    water: '#141c25',
    land: '#262b31',
    coast: '#3a4653',
    border: '#8a939c',
    borderCasing: '#1b2026',
    countryText: '#a3abb4',
    cityText: '#eceff2',
    minorCityText: '#c8cdd2',
    marineText: '#6f8aa3',
    halo: 'rgba(26,30,35,0.9)',
    waterHalo: 'rgba(20,28,37,0.85)',
    dot: '#d5d9dd',
  },
};

/** Label filter: this kind, and shown only from its own min zoom (`z`). */
const labelFilter = (kind: string): FilterSpecification => [
  'all',
  ['==', ['get', 'kind'], kind],
  ['>=', ['zoom'], ['get', 'z']],
];

function fontFaces(baseUrl: string): FontFacesSpecification {
  const out: FontFacesSpecification = {};
  for (const [font, files] of Object.entries(fontFiles as Record<string, { file: string; unicodeRange: string[] }[]>)) {
    out[font] = files.map((f) => ({
      url: new URL(`fonts/noto-sans/${f.file}`, baseUrl).href,
      'unicode-range': f.unicodeRange,
    }));
  }
  return out;
}

export function basemapStyle({ theme, baseUrl }: BasemapOptions): StyleSpecification {
  const p = PALETTES[theme];
  const url = (path: string) => new URL(path, baseUrl).href;

  const cityText: ExpressionSpecification = [
    'interpolate',
    ['linear'],
    ['zoom'],
    3,
    ['case', ['has', 'capital'], 12, ['<=', ['get', 'z'], 4], 11.5, 10.5],
    8,
    ['case', ['has', 'capital'], 15, ['<=', ['get', 'z'], 5], 14, ['<=', ['get', 'z'], 6], 13, 12],
  ];

  const layers: LayerSpecification[] = [
    { id: 'basemap-water', type: 'background', paint: { 'background-color': p.water } },
    {
      id: 'basemap-land',
      type: 'fill',
      source: BASEMAP_SOURCE,
      'source-layer': SOURCE_LAYERS.countries,
      paint: { 'fill-color': p.land, 'fill-antialias': true },
    },
    {
      // Coastlines: the countries' outline. Land borders are drawn over it.
      id: 'basemap-coast',
      type: 'line',
      source: BASEMAP_SOURCE,
      'source-layer': SOURCE_LAYERS.countries,
      paint: {
        'line-color': p.coast,
        'line-width': ['interpolate', ['linear'], ['zoom'], 1, 0.4, 6, 0.9, 10, 1.2],
      },
    },
    {
      // A soft casing lifts the border off the land at regional zooms.
      id: 'basemap-border-casing',
      type: 'line',
      source: BASEMAP_SOURCE,
      'source-layer': SOURCE_LAYERS.boundaries,
      minzoom: 3,
      filter: ['==', ['get', 'kind'], 'international'],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': p.borderCasing,
        'line-opacity': 0.7,
        'line-width': ['interpolate', ['linear'], ['zoom'], 3, 2, 6, 4, 10, 6],
      },
    },
    {
      id: 'basemap-border',
      type: 'line',
      source: BASEMAP_SOURCE,
      'source-layer': SOURCE_LAYERS.boundaries,
      filter: ['==', ['get', 'kind'], 'international'],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': p.border,
        'line-width': ['interpolate', ['linear'], ['zoom'], 1, 0.5, 4, 0.8, 6, 1.2, 10, 1.8],
      },
    },
    {
      id: 'basemap-border-disputed',
      type: 'line',
      source: BASEMAP_SOURCE,
      'source-layer': SOURCE_LAYERS.boundaries,
      filter: ['==', ['get', 'kind'], 'disputed'],
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': p.border,
        'line-width': ['interpolate', ['linear'], ['zoom'], 1, 0.5, 4, 0.8, 6, 1.2, 10, 1.8],
        'line-dasharray': [3, 2],
      },
    },
    {
      id: 'basemap-marine-label',
      type: 'symbol',
      source: BASEMAP_SOURCE,
      'source-layer': SOURCE_LAYERS.labels,
      filter: labelFilter('marine'),
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [FONTS.italic],
        'text-size': ['interpolate', ['linear'], ['zoom'], 1, ['case', ['has', 'ocean'], 12, 10], 6, ['case', ['has', 'ocean'], 16, 13]],
        'text-letter-spacing': 0.08,
        'text-max-width': 7,
        'symbol-sort-key': ['get', 'rank'],
      },
      paint: { 'text-color': p.marineText, 'text-halo-color': p.waterHalo, 'text-halo-width': 1 },
    },
    {
      id: 'basemap-city-label',
      type: 'symbol',
      source: BASEMAP_SOURCE,
      'source-layer': SOURCE_LAYERS.labels,
      filter: labelFilter('city'),
      layout: {
        'icon-image': ['case', ['has', 'capital'], 'capital', 'city'],
        'icon-size': ['interpolate', ['linear'], ['zoom'], 3, 0.85, 8, 1.1],
        'text-field': ['get', 'name'],
        'text-font': ['case', ['has', 'capital'], ['literal', [FONTS.semibold]], ['literal', [FONTS.regular]]],
        'text-size': cityText,
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 0.55,
        'text-justify': 'auto',
        'text-max-width': 8,
        'text-padding': 3,
        'symbol-sort-key': ['get', 'rank'],
      },
      paint: {
        'icon-color': p.dot,
        'icon-halo-color': p.halo,
        'icon-halo-width': 1,
        'text-color': ['case', ['<=', ['get', 'z'], 5], p.cityText, p.minorCityText],
        'text-halo-color': p.halo,
        'text-halo-width': 1.4,
      },
    },
    {
      id: 'basemap-country-label',
      type: 'symbol',
      source: BASEMAP_SOURCE,
      'source-layer': SOURCE_LAYERS.labels,
      filter: labelFilter('country'),
      layout: {
        'text-field': ['upcase', ['get', 'name']],
        'text-font': [FONTS.semibold],
        'text-size': [
          'interpolate',
          ['linear'],
          ['zoom'],
          1,
          ['step', ['get', 'z'], 11, 2, 9.5, 3, 9],
          4,
          ['step', ['get', 'z'], 15, 2, 13, 3, 11.5, 4, 10.5],
          7,
          ['step', ['get', 'z'], 19, 2, 18, 3, 16, 4, 14],
        ],
        'text-letter-spacing': 0.12,
        'text-max-width': 8,
        'text-padding': 4,
        'symbol-sort-key': ['get', 'rank'],
      },
      paint: { 'text-color': p.countryText, 'text-halo-color': p.halo, 'text-halo-width': 1.2 },
    },
  ];

  return {
    version: 8,
    name: `Event map basemap (${theme})`,
    sprite: url('basemap/sprite'),
    'font-faces': fontFaces(baseUrl),
    sources: {
      [BASEMAP_SOURCE]: {
        type: 'vector',
        // Absolute: MapLibre's worker does not resolve a relative tile URL, and
        // the web component must fetch from its own origin and folder. The URL
        // constructor would escape the braces, so they are appended after it.
        tiles: [`${url(`${TILES_DIR}/`)}{z}/{x}/{y}.pbf`],
        minzoom: 0,
        maxzoom: TILE_MAXZOOM,
        attribution: BASEMAP_ATTRIBUTION,
        // ISO alpha-2 as feature id, so the app can highlight a country with
        // feature-state (paint only) instead of a filter.
        promoteId: { [SOURCE_LAYERS.countries]: 'iso2' },
      },
    },
    layers,
  };
}

/**
 * The paint properties that differ by theme, as [layer id, property, value]:
 * switch themes with map.setPaintProperty for each, which keeps the app's own
 * layers and re-tiles nothing (setStyle would drop layers added on top).
 */
export function basemapPaint(theme: BasemapTheme): [string, string, unknown][] {
  const out: [string, string, unknown][] = [];
  for (const layer of basemapStyle({ theme, baseUrl: 'http://localhost/' }).layers) {
    for (const [key, value] of Object.entries(layer.paint ?? {})) out.push([layer.id, key, value]);
  }
  return out;
}

/** The theme the reader's system prefers. */
export function preferredTheme(matchMedia?: (query: string) => { matches: boolean }): BasemapTheme {
  return matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
