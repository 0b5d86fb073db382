// The basemap's vector tile pyramid: shared by the build (scripts/build-basemap.ts,
// ./tiles.ts) and the style (./style.ts), so the style's maxzoom is the build's.

/** Folder under public/ (and under the app's asset base) holding {z}/{x}/{y}.pbf. */
export const TILES_DIR = 'basemap/tiles';

/**
 * Under public/: written into the tiles folder after the last tile, a copy of
 * TILES_RECORD. A folder without it is incomplete; one with another content
 * is from another build (./tiles-ready.ts).
 */
export const TILES_STAMP = `${TILES_DIR}/manifest.json`;

/** The committed record of the tiles (count, bytes, hash), relative to the repo. */
export const TILES_RECORD = 'src/map/basemap/tiles.json';

/**
 * Deepest zoom the build tiles; MapLibre overzooms beyond it. At z6 one tile unit
 * is ~150 m, the precision of the shipped 1:50m shapes (rounded to ~110 m), so
 * deeper tiles would add files but no detail; z6 tiles are not simplified, which
 * keeps coasts and borders within a pixel or two up to zoom 10.
 */
export const TILE_MAXZOOM = 6;

/** MVT coordinate extent (the MapLibre/Mapbox default). */
export const TILE_EXTENT = 4096;

/**
 * Geometry kept beyond each tile edge, in tile units (64 = 1/64 tile = 8 px of a
 * 512 px tile at its own zoom, 128 px at zoom 10 when overzoomed from z6). Lines
 * need it so round caps and joins of a border (at most 6 px wide) are not cut at
 * the tile edge. A point label is drawn only by the tile holding its anchor
 * (MapLibre skips anchors outside the tile), so the buffer only has to stop an
 * anchor on the edge from being rounded out of both tiles: anything ≥ 1 does.
 */
export const TILE_BUFFER = 64;

/** Source-layer names inside each tile. */
export const SOURCE_LAYERS = {
  countries: 'countries',
  boundaries: 'boundaries',
  labels: 'labels',
} as const;
