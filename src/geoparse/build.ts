// The data build: seed files → articles → place mentions → events → validated
// GeoJSON + review report. Each article stands alone: a bad one is reported and
// skipped, the rest still build. Outputs are written only after everything has
// been computed and validated, each through a temp file and a rename.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleMeta, EventFeature } from '../events/types.ts';
import { validateCollection, validateFeature } from '../events/validate.ts';
import { MAX_ARTICLE_BYTES, MAX_JSONL_BYTES, extensionOf, parseArticleFile } from './articles/read.ts';
import type { Article, ArticleError } from './articles/types.ts';
import { sharedBorder } from './borders/shared-border.ts';
import { extractEvents, type ArticleReview } from './events/extract.ts';
import { buildCollection, serialiseCollection, serialiseReview } from './emit/geojson.ts';
import { writeFileAtomic } from './emit/write.ts';
import type { PlaceMention } from './types.ts';
import { geoparse, loadGazetteer, withCapitalReferences } from './geoparse.ts';
import { buildGazetteerCache, cacheDir, cacheIsFresh } from './gazetteer/cache.ts';
import { processInWorkers } from './parallel/pool.ts';
import { availableParallelism } from 'node:os';
import { safeHttpUrl } from '../data/safe-url.ts';

export type Geoparser = (text: string, articleDate: string) => PlaceMention[];

export interface BuildSummary {
  files: number;
  articles: number;
  events: number;
  /** Mentions in the review report that need a look (uncertain). */
  uncertain: number;
  notMapped: number;
  failed: ArticleError[];
  /** Events dropped because they did not match the schema; their articles still built. */
  rejected: RejectedEvent[];
}

/** An event that failed the schema or the quote check: skipped, its article kept. */
export interface RejectedEvent {
  file: string;
  line?: number;
  article: string;
  /** The feature id. */
  event: string;
  reason: string;
}

/** Read every file in `dir` (not recursive; dot-files skipped), in name order. */
export function readSeeds(dir: string): { articles: Article[]; errors: ArticleError[]; files: number } {
  const names = readdirSync(dir)
    .filter((n) => !n.startsWith('.'))
    .sort();
  const articles: Article[] = [];
  const errors: ArticleError[] = [];
  let files = 0;
  for (const name of names) {
    const path = join(dir, name);
    const st = statSync(path);
    if (!st.isFile()) continue;
    files++;
    // Size is checked before reading so a huge file is never loaded.
    const limit = extensionOf(name) === '.jsonl' ? MAX_JSONL_BYTES : MAX_ARTICLE_BYTES;
    if (st.size > limit) {
      errors.push({ file: name, message: `file is ${(st.size / 1048576).toFixed(1)} MB, over the ${Math.round(limit / 1048576)} MB limit${limit === MAX_ARTICLE_BYTES ? ' for one article' : ''}` });
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (e) {
      errors.push({ file: name, message: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
      continue;
    }
    const r = parseArticleFile(name, bytes);
    articles.push(...r.articles);
    errors.push(...r.errors);
  }
  // Ids must be unique across files: they key the events.
  const seen = new Map<string, Article>();
  const unique: Article[] = [];
  for (const a of articles) {
    const first = seen.get(a.id);
    if (first) {
      errors.push({ file: a.file, ...(a.line ? { line: a.line } : {}), message: `article id "${a.id}" already used by ${first.file}${first.line ? `:${first.line}` : ''}` });
      continue;
    }
    seen.set(a.id, a);
    unique.push(a);
  }
  return { articles: unique, errors, files };
}

/** The stderr line for a rejected event: `file[:line]: event ID skipped: reason`. */
export function formatRejected(r: RejectedEvent): string {
  return `${r.file}${r.line ? `:${r.line}` : ''}: event ${r.event} skipped: ${r.reason}`;
}

export interface ArticleOutcome {
  features: EventFeature[];
  review: ArticleReview;
  rejected: RejectedEvent[];
}

/**
 * One article through geoparsing and event extraction; every feature validated.
 * Places the text names by role ("the country's capital") join the geoparser's
 * names here: events may happen there, though they are not toponyms.
 * A feature that fails the schema or whose quote is not the text at its offsets is
 * left out and listed in `rejected`; the article's other events stand. Only a fault
 * of the whole article (geoparser offsets that do not match the text) throws.
 */
export function processArticle(article: Article, geoparser: Geoparser): ArticleOutcome {
  const mentions = withCapitalReferences(article.text, geoparser(article.text, article.date));
  for (const m of mentions)
    if (article.text.slice(m.start, m.end) !== m.surface)
      throw new Error(`geoparser offsets do not match the text at ${m.start}-${m.end} ("${m.surface}")`);
  const { features, review } = extractEvents(article, mentions, sharedBorder);
  const kept: EventFeature[] = [];
  const rejected: RejectedEvent[] = [];
  const reject = (f: EventFeature, reason: string) =>
    rejected.push({ file: article.file, ...(article.line ? { line: article.line } : {}), article: article.id, event: String(f.id), reason });
  for (const f of features) {
    const p = f.properties;
    if (article.text.slice(p.source.start, p.source.end) !== p.quote) {
      reject(f, 'the quote is not the article text at its offsets');
      continue;
    }
    const v = validateFeature(f);
    if (!v.ok) reject(f, `does not match the schema: ${v.errors.join('; ')}`);
    else kept.push(f);
  }
  return { features: kept, review, rejected };
}

/** What became of one article: its outcome, or why it could not be processed. */
export type ArticleResult = { ok: true; outcome: ArticleOutcome } | { ok: false; message: string };

/** processArticle, with a fault of the article turned into a result (workers send these back). */
export function runArticle(article: Article, geoparser: Geoparser): ArticleResult {
  try {
    return { ok: true, outcome: processArticle(article, geoparser) };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
}

export interface BuildOptions {
  seeds: string;
  out: string;
  geoparser: Geoparser;
}

/** The build in this thread, with the given geoparser. */
export function buildData({ seeds, out, geoparser }: BuildOptions): BuildSummary {
  const read = readSeeds(seeds);
  return writeOutputs(read, read.articles.map((a) => runArticle(a, geoparser)), out);
}

export interface ParallelBuildOptions {
  seeds: string;
  out: string;
  /**
   * Worker threads; 1 runs in this thread. Default: one per core
   * (os.availableParallelism()), but no more than one per AUTO_CHARS_PER_JOB of text:
   * a fresh worker pays ~0.6 s to start (tsx, the gazetteer) and ~1 s of wall time
   * (~2 s of CPU, on V8's background threads) to warm its JIT, which a small
   * build in one warm thread never pays twice.
   */
  jobs?: number;
}

/**
 * Text per worker below which the default build uses fewer workers (UTF-16 units).
 * Measured with `npm run bench:data` on 2 cores: 1,000 articles (2 MB) build in
 * 3.2 s in one thread and 4.3 s with 2 workers; 4,000 (8 MB) in 10.7 s and 9.5 s.
 */
export const AUTO_CHARS_PER_JOB = 3 * 1024 * 1024;

/** The default number of jobs for these articles (see ParallelBuildOptions.jobs). */
export function autoJobs(articles: Article[], cores = availableParallelism()): number {
  const chars = articles.reduce((s, a) => s + a.text.length, 0);
  return Math.max(1, Math.min(cores, Math.floor(chars / AUTO_CHARS_PER_JOB)));
}

export interface ParallelBuildSummary extends BuildSummary {
  /** Workers used (0: ran in this thread). */
  workers: number;
  /** Per worker: its largest V8 heap (bytes). */
  workerHeapPeaks: number[];
  /** Peak resident set of the process, all threads (bytes). */
  maxRSS: number;
}

/**
 * The build across worker threads, one per job, each loading the gazetteer once.
 * Results are merged in article order, so the files are byte-identical to `buildData`'s
 * and to a run with any other number of jobs.
 */
export async function buildDataParallel({ seeds, out, jobs }: ParallelBuildOptions): Promise<ParallelBuildSummary> {
  const read = readSeeds(seeds);
  const n = Math.max(1, Math.min(Math.floor(jobs ?? autoJobs(read.articles)), read.articles.length));
  if (n === 1) {
    const gaz = await loadGazetteer();
    const summary = writeOutputs(read, read.articles.map((a) => runArticle(a, (text, articleDate) => geoparse(text, gaz, { articleDate }))), out);
    return { ...summary, workers: 0, workerHeapPeaks: [], maxRSS: process.resourceUsage().maxRSS * 1024 };
  }
  // Compile the gazetteer cache here first, so the workers do not all compile it at once.
  if (!cacheIsFresh()) {
    process.stderr.write(`geoparse: building the gazetteer index in ${cacheDir()} (first use or inputs changed)…\n`);
    buildGazetteerCache();
  }
  const { results, stats } = await processInWorkers(read.articles, n);
  const summary = writeOutputs(read, results, out);
  return { ...summary, workers: stats.workers, workerHeapPeaks: stats.heapPeaks, maxRSS: Math.max(stats.maxRSS, process.resourceUsage().maxRSS * 1024) };
}

/** Merges the results (in article order), validates, and writes both files atomically. */
function writeOutputs(
  { articles, errors, files }: { articles: Article[]; errors: ArticleError[]; files: number },
  results: ArticleResult[],
  out: string,
): BuildSummary {
  const failed = [...errors];
  const rejected: RejectedEvent[] = [];
  const features: EventFeature[] = [];
  const reviews: ArticleReview[] = [];
  const metas: ArticleMeta[] = [];
  articles.forEach((a, i) => {
    const r = results[i]!;
    if (!r.ok) {
      failed.push({ file: a.file, ...(a.line ? { line: a.line } : {}), message: `could not be processed: ${r.message}` });
      return;
    }
    features.push(...r.outcome.features);
    reviews.push(r.outcome.review);
    rejected.push(...r.outcome.rejected);
    // Only absolute http(s) links reach the data: javascript:, data:, file: and relative URLs are dropped.
    const url = safeHttpUrl(a.url);
    metas.push({ id: a.id, title: a.title, date: a.date, ...(url ? { url } : {}) });
  });
  const collection = buildCollection(features, metas);
  const v = validateCollection(collection);
  if (!v.ok) throw new Error(`events.geojson would not match the schema: ${v.errors.slice(0, 5).join('; ')}`);
  const geojson = serialiseCollection(collection);
  const review = serialiseReview({ failed, rejected, articles: reviews });
  writeFileAtomic(join(out, 'events.geojson'), geojson);
  writeFileAtomic(join(out, 'review.json'), review);
  return {
    files,
    articles: metas.length,
    events: features.length,
    uncertain: reviews.reduce((s, r) => s + r.uncertain.length, 0),
    notMapped: reviews.reduce((s, r) => s + r.notMapped.length, 0),
    failed,
    rejected,
  };
}
