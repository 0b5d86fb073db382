// Chooses one reading per place name per document. Each candidate's score is a
// prior (kind, population, primary vs alternate name) plus the document's context:
// the countries and US states the *other* names in the document point to (a name
// does not vote for itself, however often it is repeated) and other places near it.
import type { Place, NameHit } from '../gazetteer/gazetteer.ts';
import { ENGLISH_SPEAKING, type RawMention } from '../recognise/recognise.ts';
import { nameKey as nameKeyOf } from '../normalise/normalise.ts';

export interface Resolved {
  mention: RawMention;
  place: Place;
  /** How the name matched the chosen place (alternate name, transliteration fold). */
  hit: NameHit;
  confidence: number;
  /** Runners-up, best first. */
  alternatives: { place: Place; score: number }[];
}

const COUNTRY_WEIGHT = 3;
const ADMIN1_WEIGHT = 3;
const NEAR_KM = 120;
const NEAR_WEIGHT = 1.2;
/** A town named like a country needs another named place this close to be read as the town. */
const CLOSE_KM = 50;
/** National capitals are named in news far more often than their population says. */
const CAPITAL_BONUS = 1;

export function prior(h: NameHit): number {
  const p = h.place;
  let s: number;
  if (p.kind === 'country') s = 10;
  else if (p.kind === 'continent') s = 9.5;
  else if (p.featureCode === 'ADM1') s = p.country === 'US' ? 8.5 : ENGLISH_SPEAKING.has(p.country) ? 7 : 5.5;
  else if (p.featureCode === 'RGN') s = 8;
  // Counties: about 6, more for populous ones (Madison County, Alabama over Madison County, Idaho).
  else if (p.featureCode === 'ADM2') s = 4.3 + Math.log10(p.population + 10) / 3;
  else {
    s = Math.log10(p.population + 10);
    if (p.featureCode === 'PPLC') s += CAPITAL_BONUS;
    else if (p.featureCode === 'PPLA') s += 0.5;
  }
  if (h.alternate) s -= p.population >= 100_000 ? 0.5 : 1.5;
  if (h.folded) s -= 0.5;
  return s;
}

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLon = (lon2 - lon1) * r;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
}

interface Group {
  key: string;
  /** Some reading is a country by its own name (and the mention carries no qualifier). */
  hasCountry: boolean;
  mentions: RawMention[];
  hits: NameHit[];
  choice: number;
}

/** Candidates a mention may take: the qualifier ("Paris, Texas") restricts them. */
function allowed(m: RawMention): NameHit[] {
  let hits = m.hits;
  if (m.qualifier) {
    const q = m.qualifier;
    const f = hits.filter((h) => h.place.country === q.country && (!q.admin1 || h.place.admin1 === q.admin1));
    if (f.length) hits = f;
  }
  if (m.form === 'region-phrase') {
    // "Kharkiv region": prefer a region reading, else the city stands for its region.
    const regions = hits.filter((h) => h.place.kind === 'region');
    if (regions.length) hits = regions;
    // ... and of those, the one whose name is longer than the city's ("Kyivska oblast", not the city of Kyiv).
    const longer = hits.filter((h) => nameKeyOf(h.place.name) !== m.key);
    if (longer.length && longer.length < hits.length) hits = longer;
  }
  // City-states (Kyiv, Moscow, Berlin): the city, not the region of the same name and place.
  const cities = hits.filter((h) => h.place.kind === 'city' && h.place.population >= 300_000);
  if (m.form !== 'region-phrase' && cities.length) {
    hits = hits.filter((h) => !(h.place.kind === 'region' && h.place.country !== 'US' && cities.some((c) => c.place.country === h.place.country && haversineKm(c.place.lat, c.place.lon, h.place.lat, h.place.lon) < 60)));
  }
  // A capital named like a region of its own country is the capital ("Washington").
  const capitals = hits.filter((h) => h.place.featureCode === 'PPLC');
  if (capitals.length) hits = hits.filter((h) => !(h.place.featureCode === 'ADM1' && capitals.some((c) => c.place.country === h.place.country)));
  // A name that is a country's or first-level region's own name is not also read as
  // some town's foreign alternate name ("Kansas" is not Topeka).
  if (hits.some((h) => !h.alternate && (h.place.kind === 'country' || h.place.featureCode === 'ADM1'))) {
    hits = hits.filter((h) => !h.alternate);
  }
  return hits;
}

export function resolveMentions(mentions: RawMention[]): Resolved[] {
  // One reading per name per document; a qualified mention is its own group.
  const groups = new Map<string, Group>();
  for (const m of mentions) {
    const gk = `${m.key}|${m.form === 'border' || m.form === 'region-phrase' ? m.form : ''}|${m.qualifier ? `${m.qualifier.country}/${m.qualifier.admin1 ?? ''}` : ''}`;
    let g = groups.get(gk);
    if (!g) {
      const hits = allowed(m);
      const hasCountry = !m.qualifier && hits.some((h) => h.place.kind === 'country' && !h.alternate);
      groups.set(gk, (g = { key: m.key, hasCountry, mentions: [], hits, choice: 0 }));
    }
    g.mentions.push(m);
  }
  const list = [...groups.values()].filter((g) => g.hits.length);
  const priors = list.map((g) => g.hits.map(prior));
  for (const [gi, g] of list.entries()) g.choice = argmax(priors[gi] as number[]);

  // Proximity does not depend on the current readings: count it once per candidate.
  const index = spatialIndex(list);
  const local = (p: Place) => p.kind === 'city' || p.featureCode === 'ADM2';
  const near = list.map((g, gi) => g.hits.map((h) => (local(h.place) ? nearby(h.place, gi, list, index) : 0)));
  const close = list.map((g, gi) => g.hits.map((h) => (g.hasCountry && h.place.kind === 'city' ? nearby(h.place, gi, list, index, false, CLOSE_KM) : 0)));
  let scores: number[][] = priors;
  for (let iter = 0; iter < 3; iter++) {
    // Votes by name (not by mention), each from the name's current reading.
    const countryVotes = new Map<string, number>();
    const admin1Votes = new Map<string, number>();
    let total = 0;
    for (const g of list) {
      const p = (g.hits[g.choice] as NameHit).place;
      if (!p.country) continue;
      const w = g.hits.length === 1 ? 1.5 : 1;
      total += w;
      countryVotes.set(p.country, (countryVotes.get(p.country) ?? 0) + w);
      if (p.kind !== 'country' && p.admin1) admin1Votes.set(`${p.country}.${p.admin1}`, (admin1Votes.get(`${p.country}.${p.admin1}`) ?? 0) + w);
    }
    scores = list.map((g, gi) => {
      const own = (g.hits[g.choice] as NameHit).place;
      const ownW = own.country ? (g.hits.length === 1 ? 1.5 : 1) : 0;
      const others = total - ownW;
      return g.hits.map((h, ci) => {
        const p = h.place;
        let s = (priors[gi] as number[])[ci] as number;
        if (others > 0 && p.country) {
          const selfC = own.country === p.country ? ownW : 0;
          s += (COUNTRY_WEIGHT * ((countryVotes.get(p.country) ?? 0) - selfC)) / others;
          if (p.kind !== 'country' && p.admin1) {
            const k = `${p.country}.${p.admin1}`;
            const selfA = own.kind !== 'country' && `${own.country}.${own.admin1}` === k ? ownW : 0;
            s += (ADMIN1_WEIGHT * ((admin1Votes.get(k) ?? 0) - selfA)) / others;
          }
        }
        if (local(p)) {
          s += NEAR_WEIGHT * Math.min((near[gi] as number[])[ci] as number, 3);
          // A country's name is the country ("China" in a Houston story is not China, Texas)
          // unless the text qualifies it or another named place lies right next to the town.
          if (p.kind === 'city' && g.hasCountry && ((close[gi] as number[])[ci] as number) < 1) s -= 100;
        }
        return s;
      });
    });
    let changed = false;
    for (const [gi, g] of list.entries()) {
      const c = argmax(scores[gi] as number[]);
      if (c !== g.choice) (g.choice = c), (changed = true);
    }
    if (!changed) break;
  }

  const out: Resolved[] = [];
  for (const [gi, g] of list.entries()) {
    const sc = scores[gi] as number[];
    const order = sc.map((s, i) => [s, i] as const).sort((a, b) => b[0] - a[0]);
    const best = order[0] as readonly [number, number];
    const second = order[1];
    const margin = second ? best[0] - second[0] : 3;
    const confidence = Math.round((1 / (1 + Math.exp(-1.5 * margin))) * 100) / 100;
    const alternatives = order.slice(1, 4).map(([s, i]) => ({ place: (g.hits[i] as NameHit).place, score: Math.round(s * 100) / 100 }));
    const hit = g.hits[best[1]] as NameHit;
    for (const m of g.mentions) out.push({ mention: m, place: hit.place, hit, confidence, alternatives });
  }
  return out.sort((a, b) => a.mention.start - b.mention.start);
}

const cellKey = (lat: number, lon: number) => `${Math.floor(lat)},${Math.floor(lon)}`;

/** Where the groups' local (city or county) readings and first-level region readings are. */
interface SpatialIndex {
  /** 1° cell → [group index, place] of every local reading in it. */
  cells: Map<string, [number, Place][]>;
  /** "CC.admin1" → groups with a first-level region reading of that code. */
  regions: Map<string, Set<number>>;
}

function spatialIndex(list: Group[]): SpatialIndex {
  const cells = new Map<string, [number, Place][]>();
  const regions = new Map<string, Set<number>>();
  list.forEach((g, gi) => {
    for (const h of g.hits) {
      const p = h.place;
      if (p.featureCode === 'ADM1') {
        const k = `${p.country}.${p.admin1}`;
        let set = regions.get(k);
        if (!set) regions.set(k, (set = new Set()));
        set.add(gi);
      }
      if (p.kind !== 'city' && p.featureCode !== 'ADM2') continue;
      const k = cellKey(p.lat, p.lon);
      let l = cells.get(k);
      if (!l) cells.set(k, (l = []));
      l.push([gi, p]);
    }
  });
  return { cells, regions };
}

/**
 * How many other names in the document have some local reading within `radiusKm` of `p`,
 * or a first-level region reading that contains it ("Paris ... Henry County", "Springfield, ... Illinois").
 * Linear in the readings near `p`, so long documents stay fast.
 */
function nearby(p: Place, gi: number, list: Group[], index: SpatialIndex, containment = true, radiusKm = NEAR_KM): number {
  const found = new Set<number>();
  const key = (list[gi] as Group).key;
  const la = Math.floor(p.lat), lo = Math.floor(p.lon);
  for (let dy = -1; dy <= 1; dy++) {
    for (let dx = -1; dx <= 1; dx++) {
      for (const [oi, q] of index.cells.get(`${la + dy},${lo + dx}`) ?? []) {
        if (oi === gi || found.has(oi) || (list[oi] as Group).key === key) continue;
        if (haversineKm(p.lat, p.lon, q.lat, q.lon) < radiusKm) found.add(oi);
      }
    }
  }
  if (containment && p.admin1) {
    for (const oi of index.regions.get(`${p.country}.${p.admin1}`) ?? []) {
      if (oi !== gi && (list[oi] as Group).key !== key) found.add(oi);
    }
  }
  return found.size;
}

function argmax(xs: number[]): number {
  let b = 0;
  for (let i = 1; i < xs.length; i++) if ((xs[i] as number) > (xs[b] as number)) b = i;
  return b;
}
