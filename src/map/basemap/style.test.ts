// The style against MapLibre's own validator (so an upgrade that changes the
// spec fails here by name) and against the files the build ships.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { SymbolLayerSpecification } from 'maplibre-gl';
import type { VectorSourceSpecification } from 'maplibre-gl';
import { basemapPaint, basemapStyle, BASEMAP_ATTRIBUTION, BASEMAP_LABEL_LAYERS, BASEMAP_SOURCE, FONTS, preferredTheme } from './style';
import { SOURCE_LAYERS, TILES_DIR, TILE_MAXZOOM } from './tiling';
import record from './tiles.json';

const PUBLIC = resolve(import.meta.dirname, '../../../public');
const BASE = 'https://news.example.org/graphics/ukraine-map/index.html';

const urlsIn = (value: unknown): string[] =>
  typeof value === 'string'
    ? /^[a-z]+:\/\//.test(value)
      ? [value]
      : []
    : Array.isArray(value)
      ? value.flatMap(urlsIn)
      : value && typeof value === 'object'
        ? Object.values(value).flatMap(urlsIn)
        : [];

describe('basemapStyle', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: passes MapLibre's style validation`, () => {
      expect(validateStyleMin(basemapStyle({ theme, baseUrl: BASE }))).toEqual([]);
    });
  }

  it('resolves every URL under the page’s directory, so it works from any sub-path', () => {
    const style = basemapStyle({ theme: 'light', baseUrl: BASE });
    const urls = urlsIn({ ...style, layers: [] });
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u.startsWith('https://news.example.org/graphics/ukraine-map/')).toBe(true);
    expect(urlsIn(style.layers)).toEqual([]);
  });

  it('reads one vector source, tiled to the max zoom the build used, from the page’s folder', () => {
    const style = basemapStyle({ theme: 'light', baseUrl: BASE });
    expect(Object.keys(style.sources)).toEqual([BASEMAP_SOURCE]);
    const source = style.sources[BASEMAP_SOURCE] as VectorSourceSpecification;
    expect(source.type).toBe('vector');
    // Absolute (the worker does not resolve relative tile URLs), braces unescaped.
    expect(source.tiles).toEqual(['https://news.example.org/graphics/ukraine-map/basemap/tiles/{z}/{x}/{y}.pbf']);
    expect(source.maxzoom).toBe(TILE_MAXZOOM);
    expect(record.maxzoom).toBe(TILE_MAXZOOM);
    expect(source.attribution).toBe(BASEMAP_ATTRIBUTION);
    for (const layer of style.layers) {
      if (layer.type === 'background') continue;
      expect(layer.source, layer.id).toBe(BASEMAP_SOURCE);
      expect(Object.values(SOURCE_LAYERS), layer.id).toContain(layer['source-layer']);
    }
  });

  it('points only at files the build produced', () => {
    const style = basemapStyle({ theme: 'light', baseUrl: 'http://x/' });
    const local = (u: string) => resolve(PUBLIC, new URL(u).pathname.slice(1));
    // The tiles are generated, not committed: build.test.ts checks the build
    // writes them where this template points.
    const template = (style.sources[BASEMAP_SOURCE] as VectorSourceSpecification).tiles![0]!;
    expect(template).toBe(`http://x/${TILES_DIR}/{z}/{x}/{y}.pbf`);
    for (const faces of Object.values(style['font-faces']!)) {
      for (const face of faces as { url: string }[]) expect(existsSync(local(face.url))).toBe(true);
    }
    const sprite = JSON.parse(readFileSync(local(`${style.sprite as string}@2x.json`), 'utf8'));
    expect(Object.keys(sprite).sort()).toEqual(['capital', 'city']);
  });

  it('declares in font-faces every font a layer uses, with Latin and Cyrillic files', () => {
    const style = basemapStyle({ theme: 'dark', baseUrl: 'http://x/' });
    const declared = Object.keys(style['font-faces']!);
    expect(declared.sort()).toEqual(Object.values(FONTS).sort());
    for (const faces of Object.values(style['font-faces']!)) {
      const files = (faces as { url: string }[]).map((f) => f.url);
      expect(files.some((u) => /-latin-\d+-\w+\.woff2$/.test(u))).toBe(true);
      expect(files.some((u) => /-cyrillic-\d+-\w+\.woff2$/.test(u))).toBe(true);
    }
    const used = JSON.stringify(style.layers.map((l) => (l as SymbolLayerSpecification).layout?.['text-font']));
    for (const f of Object.values(FONTS)) expect(used).toContain(f);
    expect(style.glyphs).toBeUndefined();
  });

  it('gives both themes the same layers in the same order, with different colours', () => {
    const light = basemapStyle({ theme: 'light', baseUrl: 'http://x/' });
    const dark = basemapStyle({ theme: 'dark', baseUrl: 'http://x/' });
    expect(dark.layers.map((l) => l.id)).toEqual(light.layers.map((l) => l.id));
    expect(JSON.stringify(dark.layers)).not.toEqual(JSON.stringify(light.layers));
    expect(light.layers.slice(-3).map((l) => l.id)).toEqual([...BASEMAP_LABEL_LAYERS]);
  });

  it('basemapPaint turns the light style into the dark one by paint properties alone', () => {
    const light = basemapStyle({ theme: 'light', baseUrl: 'http://x/' });
    const dark = basemapStyle({ theme: 'dark', baseUrl: 'http://x/' });
    const byId = new Map(light.layers.map((l) => [l.id, { ...l, paint: { ...(l.paint ?? {}) } as Record<string, unknown> }]));
    for (const [id, key, value] of basemapPaint('dark')) byId.get(id)!.paint[key] = value;
    expect(JSON.stringify([...byId.values()])).toEqual(JSON.stringify(dark.layers.map((l) => ({ ...l, paint: l.paint ?? {} }))));
  });

  it('credits Natural Earth and GeoNames', () => {
    expect(BASEMAP_ATTRIBUTION).toContain('Natural Earth');
    expect(BASEMAP_ATTRIBUTION).toContain('GeoNames');
  });

  it('picks the theme from prefers-color-scheme', () => {
    expect(preferredTheme((q) => ({ matches: q === '(prefers-color-scheme: dark)' }))).toBe('dark');
    expect(preferredTheme(() => ({ matches: false }))).toBe('light');
    expect(preferredTheme(undefined)).toBe('light');
  });
});
