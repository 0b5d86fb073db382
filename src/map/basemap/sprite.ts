// The basemap's sprite: two SDF icons (a city dot and a capital's ringed dot),
// drawn from their distance functions, so the style colours them per theme
// with icon-color / icon-halo-color. A symbol layer that carries both the dot
// and the name keeps them together: when collision drops a label, its dot goes
// too, so the map never shows unnamed dots.
//
// PNG is written with stored (uncompressed) deflate blocks: the images are a
// few hundred bytes, and this keeps the bytes identical on any zlib.

export interface SpriteImage {
  x: number;
  y: number;
  width: number;
  height: number;
  pixelRatio: number;
  sdf: true;
}

export interface Sprite {
  json: Record<string, SpriteImage>;
  png: Uint8Array;
}

/** MapLibre reads an SDF icon's edge at alpha 0.75 (192/255). */
const SDF_EDGE = 0.75;

type Shape = (x: number, y: number) => number; // signed distance in CSS px, < 0 inside

const dot =
  (r: number): Shape =>
  (x, y) =>
    Math.hypot(x, y) - r;

const ringedDot =
  (outer: number, ring: number, inner: number): Shape =>
  (x, y) => {
    const d = Math.hypot(x, y);
    const annulus = Math.max(d - outer, outer - ring - d);
    return Math.min(annulus, d - inner);
  };

/** Icon sizes in CSS px (the box includes room for the SDF falloff and halo). */
const ICONS: { name: string; size: number; shape: Shape }[] = [
  { name: 'city', size: 12, shape: dot(2.6) },
  { name: 'capital', size: 16, shape: ringedDot(4.6, 1.4, 1.9) },
];

export function buildSprite(pixelRatio: 1 | 2): Sprite {
  const width = ICONS.reduce((s, i) => s + i.size * pixelRatio, 0);
  const height = Math.max(...ICONS.map((i) => i.size * pixelRatio));
  const rgba = new Uint8Array(width * height * 4);
  const json: Record<string, SpriteImage> = {};
  let x0 = 0;
  for (const icon of ICONS) {
    const px = icon.size * pixelRatio;
    json[icon.name] = { x: x0, y: 0, width: px, height: px, pixelRatio, sdf: true };
    for (let j = 0; j < px; j++) {
      for (let i = 0; i < px; i++) {
        const cx = (i + 0.5) / pixelRatio - icon.size / 2;
        const cy = (j + 0.5) / pixelRatio - icon.size / 2;
        const d = icon.shape(cx, cy);
        // Same encoding as MapLibre's own glyph SDFs: 1/8 of alpha per texture
        // pixel, so icon-halo-width means the same as text-halo-width.
        const a = Math.max(0, Math.min(1, SDF_EDGE - (d * pixelRatio) / 8));
        const o = (j * width + x0 + i) * 4;
        rgba[o] = 0;
        rgba[o + 1] = 0;
        rgba[o + 2] = 0;
        rgba[o + 3] = Math.round(a * 255);
      }
    }
    x0 += px;
  }
  return { json, png: encodePng(width, height, rgba) };
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const x of bytes) {
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

function u32(n: number): number[] {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
}

function chunk(type: string, data: Uint8Array): number[] {
  const typed = new Uint8Array(4 + data.length);
  for (let i = 0; i < 4; i++) typed[i] = type.charCodeAt(i);
  typed.set(data, 4);
  return [...u32(data.length), ...typed, ...u32(crc32(typed))];
}

/** An 8-bit RGBA PNG, zlib stream of stored blocks (no compression). */
export function encodePng(width: number, height: number, rgba: Uint8Array): Uint8Array {
  const raw = new Uint8Array(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  const z: number[] = [0x78, 0x01];
  for (let off = 0; off < raw.length || off === 0; off += 65535) {
    const block = raw.subarray(off, Math.min(raw.length, off + 65535));
    const last = off + 65535 >= raw.length ? 1 : 0;
    z.push(last, block.length & 255, block.length >>> 8, ~block.length & 255, (~block.length >>> 8) & 255);
    for (const b of block) z.push(b);
    if (last) break;
  }
  z.push(...u32(adler32(raw)));
  const ihdr = new Uint8Array([...u32(width), ...u32(height), 8, 6, 0, 0, 0]);
  return new Uint8Array([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
    ...chunk('IHDR', ihdr),
    ...chunk('IDAT', new Uint8Array(z)),
    ...chunk('IEND', new Uint8Array(0)),
  ]);
}
