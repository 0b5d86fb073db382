// Name keys shared by the gazetteer builder and the recogniser, so that spelling
// variants of one place meet: diacritics ("Kraków"/"Krakow"), apostrophes and
// quotes of transliterations ("Kup\"yans'k"/"Kupyansk"), hyphens, dots in
// abbreviations ("U.S."/"US"), and "St."/"Saint", "Ft."/"Fort", "Mt."/"Mount".
import anyAscii from 'any-ascii';

const ABBREVIATIONS: Record<string, string> = { st: 'saint', ste: 'sainte', ft: 'fort', mt: 'mount' };

const keyCache = new Map<string, string>();

/** Exact-ish lookup key: lower-case ASCII words separated by single spaces. */
export function nameKey(name: string): string {
  let k = keyCache.get(name);
  if (k === undefined) {
    k = computeNameKey(name);
    if (keyCache.size > 100_000) keyCache.clear();
    keyCache.set(name, k);
  }
  return k;
}

function computeNameKey(name: string): string {
  // any-ascii is only needed for non-ASCII text; most names in English news are ASCII.
  let s = (/^[\x00-\x7f]*$/.test(name) ? name : anyAscii(name.normalize('NFC'))).toLowerCase();
  // Apostrophes and quotes inside transliterations carry no letters.
  s = s.replace(/['"`´’‘ʼʹ]/g, '');
  // Dots end abbreviations ("U.S.", "St.") but also separate ("St.Louis").
  s = s.replace(/\.(?=[a-z])/g, '. ').replace(/\./g, '');
  s = s.replace(/[^a-z0-9]+/g, ' ').trim();
  if (!s) return '';
  const words = s.split(' ');
  // Collapse dotted initialisms written with spaces ("u s" from "U. S.").
  const out: string[] = [];
  let run = '';
  for (const w of words) {
    if (w.length === 1 && /[a-z]/.test(w)) run += w;
    else {
      if (run) out.push(run), (run = '');
      // Own keys only: "constructor" must not read Object.prototype.constructor.
      out.push(Object.hasOwn(ABBREVIATIONS, w) ? ABBREVIATIONS[w]! : w);
    }
  }
  if (run) out.push(run);
  return out.join(' ');
}

/**
 * Looser key for transliteration variants that differ in more than punctuation:
 * Kupjansk/Kupyansk, Kharkiv/Charkiw-like j/y and doubled letters, -iy/-i endings.
 * Used only as a fallback when the exact key finds nothing.
 */
export function foldKey(key: string): string {
  return key
    .replace(/kh/g, 'h')
    .replace(/j/g, 'y')
    .replace(/iy|yi/g, 'i')
    // Zaporizhzhia ~ Zaporizhzhya, Kupiansk ~ Kupyansk
    .replace(/y/g, 'i')
    .replace(/w/g, 'v')
    .replace(/([a-z])\1+/g, '$1');
}
