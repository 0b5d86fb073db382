// Property tests: the URL hash is input anyone can write into a link. parseHash
// takes any string without throwing and keeps only valid values; what it keeps
// survives serialise → parse unchanged. The safe-URL helper lets only absolute
// http(s) through, whatever the spelling.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHash, serialiseHash } from '../../src/url/hash.ts';
import { parseIsoDay } from '../../src/time/days.ts';
import { safeHttpUrl } from '../../src/data/safe-url.ts';
import { CATEGORIES } from '../../src/events/types.ts';
import { anyText, HOSTILE } from '../fixtures/hostile/arbitraries.ts';

const value = fc.oneof(anyText, fc.constantFrom(...HOSTILE), fc.constantFrom('2025-05-24', '2025-02-30', '0000-01-01', 'all', 'cumulative', 'strike,talks,<b>', '30.5,50.4,6', 'NaN,NaN,NaN', '1e309,0,0', '-180,-85.1,0', '180,85.1,22'));
/** encodeURIComponent, or the raw text where it cannot encode (lone surrogates). */
const encode = (v: string) => {
  try {
    return encodeURIComponent(v);
  } catch {
    return v;
  }
};
const key = fc.constantFrom('date', 'mode', 'cats', 'sel', 'view', 'span', '__proto__', 'constructor', '');
const hash = fc.oneof(
  anyText,
  fc.array(fc.tuple(key, value, fc.boolean()), { maxLength: 8 }).map((kv) => '#' + kv.map(([k, v, enc]) => `${k}=${enc ? encode(v) : v}`).join('&')),
);

describe('fuzz: URL hash', () => {
  it('parseHash keeps only valid values, and they round-trip', () => {
    fc.assert(
      fc.property(hash, (h) => {
        const s = parseHash(h);
        if (s.date !== undefined) expect(parseIsoDay(s.date)).not.toBeNull();
        if (s.mode !== undefined) expect(['trail', 'cumulative']).toContain(s.mode);
        for (const c of s.categories ?? []) expect(CATEGORIES).toContain(c);
        if (s.view) for (const n of [s.view.lon, s.view.lat, s.view.zoom]) expect(Number.isFinite(n)).toBe(true);
        expect(Object.keys(s).every((k) => ['date', 'mode', 'categories', 'selected', 'view', 'span'].includes(k))).toBe(true);
        const again = parseHash(serialiseHash(s));
        expect(serialiseHash(again)).toBe(serialiseHash(s));
        expect(again.selected).toBe(s.selected);
      }),
      { seed: 501, numRuns: 500 },
    );
  });
});

describe('fuzz: safeHttpUrl', () => {
  const scheme = fc.constantFrom('javascript:', 'JAVASCRIPT:', 'java\tscript:', ' javascript:', 'data:', 'vbscript:', 'file:', 'blob:', 'about:', 'ftp:', 'http:', 'https:', 'HTTPS:', '//', '/', '', 'http:/', 'https:\\\\');
  it('returns null or an absolute http(s) URL that parses back to itself', () => {
    fc.assert(
      fc.property(scheme, fc.oneof(anyText, fc.constantFrom('//example.org/a', 'example.org', '//evil.example@example.org/')), (s, rest) => {
        const out = safeHttpUrl(s + rest);
        if (out === null) return;
        const u = new URL(out);
        expect(['http:', 'https:']).toContain(u.protocol);
        expect(u.href).toBe(out);
        expect(/^\s*(javascript|data|vbscript|file):/i.test(out)).toBe(false);
      }),
      { seed: 502, numRuns: 500 },
    );
  });
});
