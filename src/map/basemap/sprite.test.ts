import { describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import { buildSprite } from './sprite';

/** Minimal PNG reader for the test: checks the signature and chunk CRCs via zlib, returns RGBA rows. */
function readPng(png: Uint8Array) {
  const buf = Buffer.from(png);
  expect([...buf.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let off = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (off < buf.length) {
    const len = buf.readUInt32BE(off);
    const type = buf.toString('latin1', off + 4, off + 8);
    const data = buf.subarray(off + 8, off + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
    }
    if (type === 'IDAT') idat.push(data);
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  expect(raw.length).toBe(height * (width * 4 + 1));
  const alpha = (x: number, y: number) => raw[y * (width * 4 + 1) + 1 + x * 4 + 3]!;
  return { width, height, alpha };
}

describe('buildSprite', () => {
  for (const ratio of [1, 2] as const) {
    it(`@${ratio}x: a valid PNG whose icons are SDF discs (solid centre, faint corners)`, () => {
      const { json, png } = buildSprite(ratio);
      const { width, height, alpha } = readPng(png);
      expect(width).toBe((12 + 16) * ratio);
      expect(height).toBe(16 * ratio);
      const city = json['city']!;
      expect(city).toMatchObject({ pixelRatio: ratio, sdf: true, width: 12 * ratio });
      const cx = city.x + city.width / 2;
      const cy = city.y + city.height / 2;
      expect(alpha(cx, cy)).toBeGreaterThan(200);
      // Corners lie far outside the disc: well below any edge or 1–2 px halo (alpha < 0.5).
      expect(alpha(city.x, city.y)).toBeLessThan(64);
      // The capital is a ring around a dot: a dip in between.
      const cap = json['capital']!;
      const mid = cap.y + cap.height / 2;
      const c0 = cap.x + cap.width / 2;
      const centre = alpha(c0, mid);
      const gap = alpha(c0 + Math.floor(2.5 * ratio), mid);
      const ring = alpha(c0 + Math.floor(3.6 * ratio), mid);
      expect(centre).toBeGreaterThan(gap);
      expect(ring).toBeGreaterThan(gap);
    });
  }

  it('is byte-for-byte deterministic', () => {
    expect(buildSprite(2).png).toEqual(buildSprite(2).png);
  });
});
