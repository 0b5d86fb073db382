// Article + resolved place mentions → event features. Pure: no I/O; the border
// geometry comes in as a function so tests can run the real one or a table.
//
// Decisions (documented here because the tests pin them):
// - An event is one (sentence, place) pair. The quote is the whole sentence; the
//   category, date and tense come from the place's clause (clauses split at dashes,
//   semicolons and the "that" of reported speech).
// - A place makes an event only when it is where something happens (classify.isLocus):
//   "in Ukraine", "on the port city of Odesa", "invasion of Ukraine", "Kyiv was hit".
//   Demonyms and modifiers ("Russian air assault"), places named in passing
//   ("sanctions from the US", "exchange with Russia", "Moscow launched"), continents,
//   and the country of a city, region or border already in the sentence are not
//   events; they go to the review report with the reason.
// - A place inside quoted speech with no event word near it is dropped too, and so
//   are media captions copied with the text ("VIDEO: … 0:00 0:00:40").
// - A country event is dropped when the article places the same category in a
//   city or border of that country ("deal brokered in Turkey" vs the Istanbul talks).
// - Prisoner exchanges and talks happen at one site. A sentence about one that names
//   no place ("the exchanges would continue for a third day on May 25") takes the
//   site of the same event elsewhere in the article, flagged `inferred`, at lower
//   confidence. Strikes are not inferred: one article's strikes hit many places.
// - Dates: the nearest date in the place's clause (explicit dates first), else the
//   sentence's first date, else the date of the previous sentence in the same
//   paragraph (unless that was background history, and a future date only for a
//   future-tense sentence), else the article date.
//   "hours after"/"the next day" count from that context date; "Day 2 of the swap"
//   counts from the first day the article gives for the same kind of event.
import type { Feature, Geometry } from 'geojson';
import type { Category, DatePrecision, EventFeature, EventPlace, PlaceKind, Status } from '../../events/types.ts';
import type { Article } from '../articles/types.ts';
import type { PlaceMention } from '../types.ts';
import { addDays, daysBetween } from '../dates/iso.ts';
import { type DateMention, findDates, FUTURE_RE } from '../dates/resolve.ts';
import { classifyPlace, findTriggers, isLocus, nearestCategory, primaryCategory, type Trigger } from './classify.ts';
import { extractFigures } from './figures.ts';
import { quotedSpans, type Sentence, type Span, splitClauses, splitSentences } from './sentences.ts';
import { statusOf } from './status.ts';

export type BorderLookup = (a: string, b: string) => { line: Geometry } | null;

export interface ReviewMention {
  surface: string;
  start: number;
  end: number;
  name: string;
  country: string;
  kind: string;
  confidence: number;
  /** Why it is not on the map, or why it needs a look. */
  reason: string;
  alternatives?: { name: string; country: string; kind: string; lat: number; lon: number; score: number }[];
}

export interface ArticleReview {
  id: string;
  /** Resolved with low confidence or with close runners-up: check these. */
  uncertain: ReviewMention[];
  /** Recognised but not mapped as an event, with the reason. */
  notMapped: ReviewMention[];
  /** Sentences reporting an event (by their words) that name no place we could use. */
  eventsWithoutPlace: { start: number; end: number; category: Category; quote: string }[];
}

export interface ExtractResult {
  features: EventFeature[];
  review: ArticleReview;
}

interface Clause extends Span {
  text: string;
  triggers: Trigger[];
  dates: DateMention[];
  future: boolean;
  primary?: Exclude<Category, 'other'>;
}

interface Draft {
  sentence: Sentence;
  clause: Clause;
  mention: PlaceMention;
  category: Category;
  date: string;
  precision: DatePrecision;
  dateFactor: number;
  inQuote: boolean;
  inferred: boolean;
}

const INFERRED_CATEGORIES: ReadonlySet<Category> = new Set(['prisoner-exchange', 'talks']);
const UNCERTAIN_BELOW = 0.6;
const AMBIGUOUS_BELOW = 0.9;
const KIND: Record<string, PlaceKind | undefined> = { city: 'city', region: 'region', country: 'country', border: 'border' };
const SPECIFICITY: Record<PlaceKind, number> = { border: 3, city: 3, region: 2, country: 1 };

export function extractEvents(article: Article, mentions: PlaceMention[], border: BorderLookup): ExtractResult {
  const { text, date: articleDate } = article;
  const review: ArticleReview = { id: article.id, uncertain: [], notMapped: [], eventsWithoutPlace: [] };
  const quotes = quotedSpans(text);
  const sentences = splitSentences(text);
  const furniture = new Set(sentences.filter((s) => isPageFurniture(text.slice(s.start, s.end))));
  const clausesOf = new Map<Sentence, Clause[]>();
  // chrono has a high cost per call: read the dates of the whole text once, then
  // hand each clause the ones inside it (clause-relative offsets).
  // Everything below walks the article once: the dates, mentions, quotes and clauses
  // are in text order, so each sentence or clause finds its own by binary search
  // (filtering every list for every sentence was quadratic on long articles).
  const allDates = findDates(text, articleDate);
  const dateStarts = allDates.map((d) => d.start);
  for (const s of sentences) clausesOf.set(s, splitClauses(text, s).map((c) => makeClause(text, c, articleDate, allDates, dateStarts)));
  const byStart = mentions.map((_, i) => i).sort((a, b) => mentions[a]!.start - mentions[b]!.start || a - b);
  const mentionStarts = byStart.map((i) => mentions[i]!.start);
  /** The mentions inside `s`, in the order of `mentions` (as a filter would give them). */
  const mentionsIn = (s: Span): PlaceMention[] => {
    const idx: number[] = [];
    for (let k = lowerBound(mentionStarts, s.start); k < byStart.length && mentionStarts[k]! < s.end; k++)
      if (mentions[byStart[k]!]!.end <= s.end) idx.push(byStart[k]!);
    return idx.sort((a, b) => a - b).map((i) => mentions[i]!);
  };
  // Quoted spans do not overlap: only the last one starting at or before a mention can hold it.
  const quoteStarts = quotes.map((q) => q.start);
  const inQuotes = (m: Span) => {
    const q = quotes[upperBound(quoteStarts, m.start) - 1];
    return !!q && q.start <= m.start && m.end <= q.end;
  };

  // First day of each kind of event, for "Day 2 of the swap".
  const firstDay = new Map<Category, string>();
  for (const cs of clausesOf.values())
    for (const c of cs)
      for (const d of c.dates)
        if (d.kind === 'explicit' && d.precision === 'day' && Math.abs(daysBetween(d.date, articleDate)) <= 31) {
          // The date belongs to the event word nearest it ("the May 23 exchange").
          const category = nearestCategory(c.triggers, d.start, d.end);
          const seen = category && firstDay.get(category);
          if (category && (!seen || d.date < seen)) firstDay.set(category, d.date);
        }
  const resolve = (d: DateMention, c: Clause, context: string): DateMention => {
    if (d.kind === 'anchored') return { ...d, date: addDays(context, d.offset ?? 0) };
    if (d.kind === 'day-of') {
      const first = c.primary && firstDay.get(c.primary);
      return first ? { ...d, date: addDays(first, (d.offset ?? 1) - 1) } : d;
    }
    return d;
  };

  // A future date carries over only to sentences that also speak of the future:
  // "Talks will resume on May 30. Meanwhile, drones hit Kharkiv." dates Kharkiv today.
  const inherit = (c: { date: string; precision: DatePrecision }, sentence: string) =>
    c.date > articleDate && !FUTURE_RE.test(sentence) ? { date: articleDate, precision: 'day' as DatePrecision } : { date: c.date, precision: c.precision };

  const drafts: Draft[] = [];
  let context = { paragraph: -1, date: articleDate, precision: 'day' as DatePrecision };
  for (const s of sentences) {
    if (s.paragraph !== context.paragraph) context = { paragraph: s.paragraph, date: articleDate, precision: 'day' };
    const clauses = clausesOf.get(s)!;
    const firstOwn = clauses.flatMap((c) => c.dates.map((d) => resolve(d, c, context.date)))[0];
    const sentenceDate = firstOwn ?? inherit(context, text.slice(s.start, s.end));
    const sentenceFactor = firstOwn ? 0.9 : 0.85;

    const inSentence = mentionsIn(s);
    if (furniture.has(s)) {
      for (const m of inSentence) review.notMapped.push(reviewMention(m, 'in a media caption, not the story'));
      continue;
    }
    const borders = inSentence.filter((m) => m.kind === 'border');
    const kept: Draft[] = [];
    const keptNames = new Set<string>();
    const clauseStarts = clauses.map((c) => c.start);
    for (const m of inSentence) {
      const skip = (reason: string) => review.notMapped.push(reviewMention(m, reason));
      const kind = KIND[m.kind];
      if (!kind) {
        skip(`a ${m.kind}, not a mappable place`);
        continue;
      }
      if (!/^[A-Z]{2}$/.test(m.countries?.[0] ?? m.country)) {
        skip('no ISO country (a supranational region such as the EU)');
        continue;
      }
      if (m.modifier) {
        skip('modifier (demonym or adjective), not a place where something happens');
        continue;
      }
      if (m.kind !== 'border' && borders.some((b) => b.start <= m.start && m.end <= b.end)) {
        skip('part of a border mention');
        continue;
      }
      const nameKind = `${m.kind}\u0000${m.name}`;
      if (keptNames.has(nameKind)) {
        skip('named again in the same sentence');
        continue;
      }
      // Clauses are in order and do not overlap: the last one starting at or before the mention.
      const at = clauses[upperBound(clauseStarts, m.start) - 1];
      const clause = at && m.end <= at.end ? at : clauses[0]!;
      const rs = m.start - clause.start;
      const re = m.end - clause.start;
      if (m.kind !== 'border' && !isLocus(clause.text, rs, re)) {
        skip('named in passing (no locative construction)');
        continue;
      }
      const { category } = classifyPlace(clause.text, rs, re, clause.triggers);
      const inQuote = inQuotes(m);
      if (inQuote && category === 'other') {
        skip('named in passing in quoted speech');
        continue;
      }
      const own = nearestDate(clause.dates, rs, re);
      const d = own ? resolve(own, clause, context.date) : sentenceDate;
      const dateFactor = own ? (own.kind === 'explicit' ? 1 : own.kind === 'relative' ? 0.95 : 0.85) * (own.approximate ? 0.8 : 1) : sentenceFactor;
      kept.push({ sentence: s, clause, mention: m, category, date: d.date, precision: d.precision, dateFactor, inQuote, inferred: false });
      keptNames.add(nameKind);
    }
    // The country of a city, region or border already in the sentence is not a separate event.
    const finerCountries = new Set<string>();
    for (const o of kept) if (o.mention.kind !== 'country') for (const c of [o.mention.country, ...(o.mention.countries ?? [])]) finerCountries.add(c);
    for (const k of kept) {
      const covered = k.mention.kind === 'country' && finerCountries.has(k.mention.country);
      if (covered) review.notMapped.push(reviewMention(k.mention, 'country of a place already in the sentence'));
      else drafts.push(k);
    }
    if (firstOwn && statusOf(firstOwn.date, firstOwn.precision, articleDate, '') !== 'background')
      context = { paragraph: s.paragraph, date: firstOwn.date, precision: firstOwn.precision };
  }

  // A country event is covered by a more specific place with the same category
  // (the first such place in the article, found through an index by category and country).
  const finerBy = new Map<string, Draft>();
  for (const o of drafts)
    if (o.mention.kind !== 'country')
      for (const c of [o.mention.country, ...(o.mention.countries ?? [])]) {
        const key = `${o.category}\u0000${c}`;
        if (!finerBy.has(key)) finerBy.set(key, o);
      }
  const located = drafts.filter((d) => {
    if (d.mention.kind !== 'country') return true;
    const finer = finerBy.get(`${d.category}\u0000${d.mention.country}`);
    if (finer) review.notMapped.push(reviewMention(d.mention, `covered by the ${d.category} event at ${finer.mention.name}`));
    return !finer;
  });

  // Sentences about a single-site event that name no place take the event's site.
  const withEvents = new Set(located.map((d) => d.sentence));
  const sites = new Map<Category, Draft>();
  for (const d of located) {
    if (!INFERRED_CATEGORIES.has(d.category)) continue;
    const best = sites.get(d.category);
    const rank = (x: Draft) => SPECIFICITY[KIND[x.mention.kind]!] * 10 + x.mention.confidence;
    if (!best || rank(d) > rank(best)) sites.set(d.category, d);
  }
  const inferred: Draft[] = [];
  context = { paragraph: -1, date: articleDate, precision: 'day' };
  for (const s of sentences) {
    if (s.paragraph !== context.paragraph) context = { paragraph: s.paragraph, date: articleDate, precision: 'day' };
    const clauses = clausesOf.get(s)!;
    const firstOwn = clauses.flatMap((c) => c.dates.map((d) => resolve(d, c, context.date)))[0];
    const main = clauses.find((c) => c.primary && c.primary !== 'statement');
    if (!withEvents.has(s) && main && !furniture.has(s)) {
      const site = sites.get(main.primary!);
      if (site) {
        const own = main.dates.find((d) => d.kind === 'explicit') ?? main.dates[0];
        const d = own ? resolve(own, main, context.date) : (firstOwn ?? inherit(context, text.slice(s.start, s.end)));
        inferred.push({
          sentence: s,
          clause: main,
          mention: site.mention,
          category: main.primary!,
          date: d.date,
          precision: d.precision,
          dateFactor: own ? 0.95 : 0.85,
          inQuote: false,
          inferred: true,
        });
      } else {
        review.eventsWithoutPlace.push({ start: s.start, end: s.end, category: main.primary!, quote: text.slice(s.start, s.end) });
      }
    }
    if (firstOwn && statusOf(firstOwn.date, firstOwn.precision, articleDate, '') !== 'background')
      context = { paragraph: s.paragraph, date: firstOwn.date, precision: firstOwn.precision };
  }

  // Candidate scores are on the resolver's own scale, not comparable with the
  // 0..1 confidence, so ambiguity is judged by the confidence alone.
  for (const m of mentions)
    if (m.confidence < UNCERTAIN_BELOW) review.uncertain.push(reviewMention(m, 'low confidence'));
    else if (m.confidence < AMBIGUOUS_BELOW && m.alternatives.length > 0) review.uncertain.push(reviewMention(m, 'ambiguous: see the alternatives'));

  const figures = new Map<Sentence, Record<string, number>>();
  const figuresOf = (s: Sentence) => {
    let f = figures.get(s);
    if (!f) figures.set(s, (f = sortKeys(extractFigures(text.slice(s.start, s.end)))));
    return { ...f };
  };
  const features = [...located, ...inferred].map((d) => toFeature(article, d, border, figuresOf(d.sentence)));
  features.sort(compareFeatures);
  review.notMapped.sort((a, b) => a.start - b.start || a.end - b.end);
  review.uncertain.sort((a, b) => a.start - b.start || a.end - b.end);
  return { features, review };
}

/**
 * Video/photo captions and player text copied along with an article ("VIDEO: … No
 * media source currently available 0:00") repeat the story; they are not events.
 */
export function isPageFurniture(sentence: string): boolean {
  return /^(?:VIDEO|WATCH|PHOTOS?|GALLERY|LISTEN|AUDIO|READ MORE|RELATED|ADVERTISEMENT)\b\s*:?/.test(sentence) || /\b\d{1,2}:\d\d(?::\d\d)?\s+\d{1,2}:\d\d/.test(sentence);
}

/** The first index whose value is >= x (`sorted` ascending). */
function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index whose value is > x (`sorted` ascending). */
function upperBound(sorted: readonly number[], x: number): number {
  return lowerBound(sorted, x + 1);
}

function makeClause(text: string, span: Span, articleDate: string, allDates: DateMention[], dateStarts: number[]): Clause {
  const t = text.slice(span.start, span.end);
  const future = FUTURE_RE.test(t);
  const triggers = findTriggers(t);
  // A date belongs to the clause it starts in ("May 16 -- the first talks" may be read as one span).
  const inside: DateMention[] = [];
  for (let k = lowerBound(dateStarts, span.start); k < allDates.length && allDates[k]!.start < span.end; k++) {
    const d = allDates[k]!;
    inside.push({ ...d, start: d.start - span.start, end: Math.min(d.end, span.end) - span.start });
  }
  // A bare weekday points forward in a future clause: read those clauses again on their own.
  const dates = future && inside.some((d) => d.kind === 'relative') ? findDates(t, articleDate, { future }) : inside;
  return { ...span, text: t, triggers, dates, future, primary: primaryCategory(triggers) };
}

/** The date mention nearest the place, explicit dates before relative ones. */
function nearestDate(dates: DateMention[], start: number, end: number): DateMention | undefined {
  const dist = (d: DateMention) => (d.end <= start ? start - d.end : d.start >= end ? d.start - end : 0);
  const pick = (list: DateMention[]) => list.reduce<DateMention | undefined>((b, d) => (!b || dist(d) < dist(b) ? d : b), undefined);
  return pick(dates.filter((d) => d.kind === 'explicit')) ?? pick(dates);
}

function reviewMention(m: PlaceMention, reason: string): ReviewMention {
  return {
    surface: m.surface,
    start: m.start,
    end: m.end,
    name: m.name,
    country: m.country,
    kind: m.kind,
    confidence: round(m.confidence, 3),
    reason,
    ...(m.alternatives.length
      ? {
          alternatives: m.alternatives.slice(0, 3).map((a) => ({
            name: a.name,
            country: a.country,
            kind: a.kind,
            lat: round(a.lat, 5),
            lon: round(a.lon, 5),
            score: round(a.score, 3),
          })),
        }
      : {}),
  };
}

const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

function toFeature(article: Article, d: Draft, border: BorderLookup, figures: Record<string, number>): EventFeature {
  const m = d.mention;
  const kind = KIND[m.kind]!;
  const s = d.sentence;
  const status: Status = statusOf(d.date, d.precision, article.date, d.clause.future);
  const categoryFactor = d.category === 'other' ? 0.5 : d.category === 'statement' ? 0.8 : 1;
  const confidence = round(
    Math.min(1, Math.max(0, m.confidence)) * categoryFactor * d.dateFactor * (d.inQuote ? 0.8 : 1) * (d.inferred ? 0.7 : 1),
    2,
  );
  let geometry: Geometry = { type: 'Point', coordinates: [round(m.lon, 5), round(m.lat, 5)] };
  if (kind === 'border' && m.countries?.length === 2) {
    const b = border(m.countries[0]!, m.countries[1]!);
    if (b) geometry = roundGeometry(b.line);
  }
  const place: EventPlace = {
    name: m.name,
    mention: m.surface,
    country: m.countries?.[0] ?? m.country,
    // The schema wants both countries; "the border with Belarus" in an article naming no other country has one.
    ...(m.countries?.length === 2 ? { countries: [...m.countries] } : {}),
    kind,
    ...(m.geonameid !== undefined ? { geonameid: m.geonameid } : {}),
    precisionKm: round(m.precisionKm, 1),
    ...(d.inferred ? { inferred: true } : {}),
  };
  const id = `${article.id}:${s.start}-${s.end}:${slug(m.name)}`;
  const feature: Feature<Geometry, EventFeature['properties']> & { id: string } = {
    type: 'Feature',
    id,
    geometry,
    properties: {
      id,
      category: d.category,
      date: d.date,
      datePrecision: d.precision,
      status,
      place,
      quote: article.text.slice(s.start, s.end),
      source: { article: article.id, start: s.start, end: s.end },
      figures,
      confidence,
    },
  };
  return feature;
}

function roundGeometry(g: Geometry): Geometry {
  const r = (c: unknown): unknown => (typeof c === 'number' ? round(c, 5) : Array.isArray(c) ? c.map(r) : c);
  return 'coordinates' in g ? ({ ...g, coordinates: r(g.coordinates) } as Geometry) : g;
}

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'place';

function sortKeys(o: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Date, then article, then position in the article, then place: a total order. */
export function compareFeatures(a: EventFeature, b: EventFeature): number {
  const p = a.properties;
  const q = b.properties;
  return (
    cmp(p.date, q.date) ||
    cmp(p.source.article, q.source.article) ||
    p.source.start - q.source.start ||
    cmp(p.place.name, q.place.name) ||
    cmp(a.id, b.id)
  );
}
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
