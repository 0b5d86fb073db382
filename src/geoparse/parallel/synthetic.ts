// Synthetic news articles for benchmarks and scale tests: paragraphs assembled from
// our own sentence templates (wire-style reports of strikes, air defence, talks,
// prisoner exchanges, casualties and statements), with places drawn from the
// gazetteer and dates near the article date. Seeded: the same seed gives the same
// text. Not copied from any corpus.
import type { Gazetteer } from '../gazetteer/gazetteer.ts';
import { addDays, weekday } from '../dates/iso.ts';

/** mulberry32: a small, fast, seedable PRNG (uniform in [0, 1)). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface PlacePool {
  cities: string[];
  countries: string[];
}

/** Cities of 200,000 people or more and countries with plain English names, in gazetteer order. */
export function placePool(gaz: Gazetteer): PlacePool {
  const cities: string[] = [];
  const countries: string[] = [];
  const plain = /^[A-Z][a-z]+(?: [A-Z][a-z]+)?$/;
  for (let id = 0; id < gaz.size; id++) {
    const p = gaz.place(id);
    if (!plain.test(p.name)) continue;
    if (p.kind === 'country') countries.push(p.name);
    else if (p.kind === 'city' && p.population >= 200_000) cities.push(p.name);
  }
  return { cities: [...new Set(cities)], countries: [...new Set(countries)] };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

// {city}, {city2}, {country}, {country2}: places; {n}, {m}, {k}: numbers; {date}: a day near the
// article date ("May 21"); {weekday}: a recent weekday; {year}: a past year; {when}: a relative time.
const TEMPLATES = [
  'Missiles struck residential buildings in {city} on {date}, killing at least {k} people and injuring {n}, regional officials said.',
  'The air force said it had shot down {n} of the {m} drones launched at {city} overnight.',
  'Air defense units were active over {city} late on {weekday}, the city administration said on Telegram.',
  'Emergency crews in {city} worked through the night to pull survivors from the rubble of a five-storey building.',
  'A drone attack on the port of {city} damaged grain silos and set a warehouse on fire {when}.',
  'Explosions were heard in {city} shortly after midnight, according to local media reports.',
  'Delegations from {country} and {country2} met in {city} on {date} for a second round of talks on a ceasefire.',
  'Talks will resume in {city} next week, a spokesperson for the foreign ministry said.',
  'The two sides exchanged {n} prisoners each at the border with {country}, the ministry announced on {weekday}.',
  '{n} soldiers returned home to {country} as part of the exchange, the government said.',
  'In {city}, the defense ministry said {n} drones had been destroyed over several regions.',
  'Officials in {city} said the fire at the fuel depot was brought under control {when}.',
  'Power was restored to most districts of {city} by the morning, the energy company said.',
  'At least {k} civilians were killed in shelling of {city} on {date}, the regional governor said.',
  '"We will rebuild every house in {city}," the mayor told reporters on {weekday}.',
  'The foreign minister of {country} said the attacks showed that {country2} was not interested in peace.',
  'Protesters gathered in central {city} on {date} to demand the release of detained journalists.',
  'The agreement signed in {city} in {year} was meant to end the fighting in the east.',
  'Humanitarian convoys reached {city} on {date} with food, water and medical supplies for {n} families.',
  'The ministry said {n} ballistic missiles and {m} drones had been launched at targets in {country} {when}.',
  'Rescuers said {k} people were injured when a missile hit a shopping centre in {city}.',
  'Analysts said the pace of the attacks had increased sharply over the past two months.',
  'The claims could not be independently verified.',
  'Neither side commented on the reports of casualties.',
  'The governor of the region urged residents to stay in shelters until the all-clear.',
  'Leaders of {country} and {country2} are expected to meet in {city} on {date} to discuss security guarantees.',
  'A day later, a second strike hit an energy facility near {city}, cutting power to {n} homes.',
  'Schools in {city} will switch to remote learning for the rest of the week, the education department said.',
];

const WHEN = ['on Friday night', 'early on Sunday', 'later that day', 'the next day', 'hours after the first strike', 'last week', 'earlier this month', 'overnight', 'on Tuesday morning', 'two days later'];

export interface SyntheticArticle {
  id: string;
  title: string;
  date: string;
  text: string;
}

function fill(template: string, r: () => number, pool: PlacePool, articleDate: string): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const city = pick(pool.cities);
  let city2 = pick(pool.cities);
  if (city2 === city) city2 = pick(pool.cities);
  const country = pick(pool.countries);
  let country2 = pick(pool.countries);
  if (country2 === country) country2 = pick(pool.countries);
  const day = addDays(articleDate, -Math.floor(r() * 6));
  const [, mm, dd] = day.split('-');
  const date = `${MONTHS[Number(mm) - 1]} ${Number(dd)}`;
  const wd = WEEKDAYS[(weekday(articleDate) + 6 - Math.floor(r() * 5)) % 7]!;
  const values: Record<string, string> = {
    city,
    city2,
    country,
    country2,
    n: String(2 + Math.floor(r() * 300)),
    m: String(300 + Math.floor(r() * 200)),
    k: String(1 + Math.floor(r() * 20)),
    date,
    weekday: wd,
    year: String(2014 + Math.floor(r() * 8)),
    when: pick(WHEN),
  };
  return template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? k);
}

/** One paragraph of 2–4 sentences. */
export function paragraph(r: () => number, pool: PlacePool, articleDate: string): string {
  const n = 2 + Math.floor(r() * 3);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(fill(TEMPLATES[Math.floor(r() * TEMPLATES.length)]!, r, pool, articleDate));
  return out.join(' ');
}

/** Article `i` of a seeded set: 4–10 paragraphs, dated between 2023-01-01 and 2025-12-31. */
export function syntheticArticle(seed: number, i: number, pool: PlacePool): SyntheticArticle {
  const r = rng(seed * 1_000_003 + i);
  const date = addDays('2023-01-01', Math.floor(r() * 1095));
  const paragraphs: string[] = [];
  const n = 4 + Math.floor(r() * 7);
  for (let p = 0; p < n; p++) paragraphs.push(paragraph(r, pool, date));
  const title = `${fill('Overnight strikes on {city} as talks stall', r, pool, date)}`;
  return { id: `synthetic-${String(i).padStart(5, '0')}`, title, date, text: paragraphs.join('\n\n') };
}

/** One long article of at least `bytes` UTF-8 bytes (the paragraphs of many articles, one date). */
export function bigArticle(seed: number, bytes: number, pool: PlacePool, date = '2025-05-24'): string {
  const r = rng(seed);
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const p = paragraph(r, pool, date);
    parts.push(p);
    size += Buffer.byteLength(p) + 2;
  }
  return parts.join('\n\n');
}
