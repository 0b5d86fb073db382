// Cuts the basemap's features into a full Mapbox Vector Tile pyramid (z0 to
// TILE_MAXZOOM), with @maplibre/geojson-vt (the tiler MapLibre itself runs in its
// worker for a GeoJSON source) and @maplibre/vt-pbf. Doing it once at build time
// spares every reader's browser parsing and indexing 4.5 MB of GeoJSON for the
// whole world before the first frame; the browser fetches only the tiles in view.
//
// Every tile of the pyramid gets a file, empty ones as 0 bytes (MapLibre reads
// that as a tile with no layers): static hosts and `vite preview` answer an
// unknown path with index.html and status 200, which MapLibre would fail to parse.
import { GeoJSONVT, type GeoJSONVTFeature, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { createHash } from 'node:crypto';
import type { Feature, FeatureCollection } from 'geojson';
import { TILE_BUFFER, TILE_EXTENT, TILE_MAXZOOM } from './tiling.ts';

export interface TileLayer {
  /** Source-layer name. */
  name: string;
  features: Feature[];
  /**
   * Whether a feature belongs in a tile of zoom `z` below the max zoom (default:
   * always). Lets label points stay out of the tiles of zooms where the style's
   * min-zoom filter would hide them anyway.
   */
  keep?: (properties: Record<string, unknown>, z: number) => boolean;
}

export interface TileOptions {
  maxZoom?: number;
  extent?: number;
  buffer?: number;
}

export interface TileManifest {
  maxzoom: number;
  extent: number;
  buffer: number;
  /** Files in the pyramid (4^0 + … + 4^maxzoom). */
  tiles: number;
  /** Of which empty (0 bytes). */
  empty: number;
  bytes: number;
  /** sha256 over every tile's path and bytes, in path order. */
  sha256: string;
}

/** `z/x/y.pbf` → tile bytes for every tile of the pyramid, in z, x, y order. */
export function buildTiles(layers: readonly TileLayer[], options: TileOptions = {}): Map<string, Uint8Array> {
  const maxZoom = options.maxZoom ?? TILE_MAXZOOM;
  const extent = options.extent ?? TILE_EXTENT;
  const buffer = options.buffer ?? TILE_BUFFER;
  const indexes = layers.map((layer) => {
    const data: FeatureCollection = { type: 'FeatureCollection', features: layer.features };
    // indexMaxZoom = maxZoom: cut everything up front (no lazy drill-down), the
    // max zoom unsimplified (geojson-vt keeps every vertex at its maxZoom).
    return { layer, index: new GeoJSONVT(data, { maxZoom, indexMaxZoom: maxZoom, indexMaxPoints: 0, extent, buffer, tolerance: 3 }) };
  });
  const out = new Map<string, Uint8Array>();
  const empty = new Uint8Array(0);
  for (let z = 0; z <= maxZoom; z++) {
    const n = 2 ** z;
    for (let x = 0; x < n; x++) {
      for (let y = 0; y < n; y++) {
        const tile: Record<string, GeoJSONVTTile> = {};
        for (const { layer, index } of indexes) {
          const t = index.getTile(z, x, y);
          if (!t) continue;
          const keep = layer.keep;
          const all: GeoJSONVTFeature[] = t.features;
          const features = keep && z < maxZoom ? all.filter((f) => keep(f.tags ?? {}, z)) : all;
          // The library types a transformed tile's features as an intersection of
          // its internal and output shapes, which no filtered array satisfies;
          // vt-pbf reads only `features`, in output shape.
          if (features.length > 0) tile[layer.name] = { ...t, features } as GeoJSONVTTile;
        }
        out.set(`${z}/${x}/${y}.pbf`, Object.keys(tile).length > 0 ? fromGeojsonVt(tile, { version: 2, extent }) : empty);
      }
    }
  }
  return out;
}

/** What a pyramid holds, with a hash over all of it (the build's reproducibility check). */
export function tileManifest(tiles: ReadonlyMap<string, Uint8Array>, options: TileOptions = {}): TileManifest {
  const hash = createHash('sha256');
  let bytes = 0;
  let empty = 0;
  for (const path of [...tiles.keys()].sort()) {
    const b = tiles.get(path)!;
    hash.update(`${path}\0${b.length}\0`).update(b);
    bytes += b.length;
    if (b.length === 0) empty++;
  }
  return {
    maxzoom: options.maxZoom ?? TILE_MAXZOOM,
    extent: options.extent ?? TILE_EXTENT,
    buffer: options.buffer ?? TILE_BUFFER,
    tiles: tiles.size,
    empty,
    bytes,
    sha256: hash.digest('hex'),
  };
}
