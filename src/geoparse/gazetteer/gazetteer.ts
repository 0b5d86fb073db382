// The loaded gazetteer: columnar records plus name → record lookups.
import { nameKey, foldKey } from '../normalise/normalise.ts';
import { KIND_CODES } from './build.ts';
import { SortedLines } from './sorted-lines.ts';

/** The index as loaded: text columns as arrays, numbers as typed arrays, names as sorted lines. */
export interface LoadedIndex {
  inputs: string;
  name: string[];
  country: string[];
  admin1: string[];
  featureCode: string[];
  kind: Uint8Array;
  lat: Float32Array;
  lon: Float32Array;
  population: Int32Array;
  geonameid: Int32Array;
  keys: string;
  folds: string;
  demonyms: string;
  neighbours: string;
  commonWords: string;
  /** Lines "CC\tid\tname": each country's capital. */
  capitals: string;
}

export type PlaceKind = (typeof KIND_CODES)[number];

export interface Place {
  id: number;
  name: string;
  lat: number;
  lon: number;
  country: string;
  admin1: string;
  featureCode: string;
  population: number;
  geonameid: number;
  kind: PlaceKind;
}

export interface NameHit {
  place: Place;
  /** Matched only through an alternate (foreign-language or historic) name. */
  alternate: boolean;
  /** Matched only through the transliteration fold (Kupjansk ~ Kupyansk). */
  folded: boolean;
}

export class Gazetteer {
  private readonly keyIndex: SortedLines;
  private readonly foldIndex: SortedLines;
  private readonly demonymIndex = new Map<string, number>();
  private readonly cache = new Map<number, Place>();
  private readonly hitCache = new Map<string, NameHit[]>();
  private readonly foldCache = new Map<string, NameHit[]>();
  private readonly neighbourIndex = new Map<string, string[]>();
  private readonly commonWords: Set<string>;
  private readonly capitalIndex = new Map<string, { id: number; name: string }>();

  constructor(private readonly idx: LoadedIndex) {
    // Postings stay as strings until first use: most names are never looked up.
    this.keyIndex = new SortedLines(idx.keys);
    this.foldIndex = new SortedLines(idx.folds);
    this.commonWords = new Set(idx.commonWords.split('\n'));
    for (const line of idx.neighbours.split('\n')) {
      const [cc, ns] = line.split('\t');
      if (cc) this.neighbourIndex.set(cc, ns ? ns.split(',') : []);
    }
    for (const line of idx.capitals.split('\n')) {
      const [cc, id, name] = line.split('\t');
      if (cc && id && name) this.capitalIndex.set(cc, { id: Number(id), name });
    }
    for (const line of idx.demonyms.split('\n')) {
      const t = line.indexOf('\t');
      if (t > 0) this.demonymIndex.set(line.slice(0, t), Number(line.slice(t + 1)));
    }
  }

  get size(): number {
    return this.idx.name.length;
  }

  get inputs(): string {
    return this.idx.inputs;
  }

  place(id: number): Place {
    let p = this.cache.get(id);
    if (!p) {
      const i = this.idx;
      p = {
        id,
        name: i.name[id] ?? '',
        // Stored as float32: round away the noise (1e-5° is about a metre).
        lat: Math.round((i.lat[id] ?? 0) * 1e5) / 1e5,
        lon: Math.round((i.lon[id] ?? 0) * 1e5) / 1e5,
        country: i.country[id] ?? '',
        admin1: i.admin1[id] ?? '',
        featureCode: i.featureCode[id] ?? '',
        population: i.population[id] ?? 0,
        geonameid: i.geonameid[id] ?? 0,
        kind: KIND_CODES[i.kind[id] ?? 0] ?? 'city',
      };
      this.cache.set(id, p);
    }
    return p;
  }

  /** True when the normalised key is a name of anything. */
  hasKey(key: string): boolean {
    return this.lookupKey(key, false).length > 0;
  }

  /** True when some multi-word name starts with these words (key + ' '). */
  hasPrefix(key: string): boolean {
    return this.keyIndex.hasPrefix(`${key} `);
  }

  /**
   * First-level regions whose name extends `key` ("kharkiv" → "Kharkivska oblast"): how
   * "Kharkiv region" finds the oblast that country-state-city spells in Ukrainian.
   */
  regionsStartingWith(key: string): NameHit[] {
    return this.keyIndex
      .keysWithPrefix(key, 50)
      .filter((k) => k !== key)
      .flatMap((k) => this.lookupKey(k, false))
      .filter((h, i, all) => h.place.featureCode === 'ADM1' && all.findIndex((o) => o.place.id === h.place.id) === i);
  }

  /** Places named `key` (already normalised with nameKey). Results are shared: do not mutate. */
  lookupKey(key: string, allowFold = true): NameHit[] {
    const cache = allowFold ? this.foldCache : this.hitCache;
    let hits = cache.get(key);
    if (!hits) {
      hits = this.lookupUncached(key, allowFold);
      if (cache.size > 50_000) cache.clear();
      cache.set(key, hits);
    }
    return hits;
  }

  private lookupUncached(key: string, allowFold: boolean): NameHit[] {
    const raw = this.keyIndex.get(key);
    if (raw !== undefined) return this.decode(raw, false);
    if (!allowFold) return [];
    const f = foldKey(key);
    const keys = [...(this.foldIndex.get(f)?.split('|') ?? []), ...(this.keyIndex.has(f) ? [f] : [])];
    return keys.flatMap((k) => this.decode(this.keyIndex.get(k) ?? '', true));
  }

  lookup(name: string, allowFold = true): NameHit[] {
    return this.lookupKey(nameKey(name), allowFold);
  }

  /** The country a demonym names ("Ukrainian", "Russians"), if any. */
  demonym(word: string): Place | undefined {
    const id = this.demonymIndex.get(nameKey(word));
    return id === undefined ? undefined : this.place(id);
  }

  /** True when a single-word name (a key) is also an English word ("media", "union", "paris"). */
  isCommonWord(key: string): boolean {
    return this.commonWords.has(key);
  }

  /** Countries sharing a land border with `cc` (ISO alpha-2). */
  neighbours(cc: string): string[] {
    return this.neighbourIndex.get(cc) ?? [];
  }

  /** The capital city of a country (ISO alpha-2) and its English name ("Kyiv"), if the data have one. */
  capital(cc: string): { place: Place; name: string } | undefined {
    const c = this.capitalIndex.get(cc);
    return c ? { place: this.place(c.id), name: c.name } : undefined;
  }

  countryByCode(cc: string): Place | undefined {
    for (let id = 0; id < this.idx.name.length && this.idx.kind[id] !== 0; id++) {
      if (this.idx.kind[id] === 2 && this.idx.country[id] === cc) return this.place(id);
    }
    return undefined;
  }

  private decode(raw: string, folded: boolean): NameHit[] {
    if (!raw) return [];
    return raw.split(',').map((s) => {
      const v = parseInt(s, 36);
      return { place: this.place(v >> 1), alternate: (v & 1) === 1, folded };
    });
  }
}
