// Runs articles through processArticle on worker threads, one per job, each with
// its own gazetteer. Articles go out in small batches of consecutive articles to
// whichever worker is free; results are stored by article index, so the caller
// sees them in input order whatever the number of workers or their timing, and
// the build's output is byte-identical to a run in one thread.
//
// A worker that dies (out of memory, a crash in native code) fails only its batch:
// a batch of several articles is retried one article per batch on a fresh worker,
// and an article that kills a worker on its own is reported as failed. A worker
// that dies before it is ready (no tsx, no gazetteer) stops the build.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Article } from '../articles/types.ts';
import type { ArticleResult } from '../build.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

export interface PoolOptions {
  /** Most articles in one batch (default 8). */
  batchArticles?: number;
  /** Most characters of text in one batch, unless one article is longer (default 256 K). */
  batchChars?: number;
}

export interface PoolStats {
  workers: number;
  /** Largest V8 heap of each worker slot (bytes), measured after each batch. */
  heapPeaks: number[];
  /** Peak resident set of the whole process, main thread and workers (bytes). */
  maxRSS: number;
  /** Workers that died and were replaced. */
  crashes: number;
}

/**
 * The code a worker starts with. On Node 20 a worker thread ignores ESM loader hooks
 * (`execArgv: ['--import', 'tsx']` fails with "Unknown file extension .ts";
 * nodejs/node#47747, fixed in 22.2), so the worker registers tsx's CommonJS hook
 * itself and requires worker.ts through it. Paths are absolute: any working directory.
 */
export function workerBootstrap(): string {
  const api = createRequire(import.meta.url).resolve('tsx/cjs/api');
  const worker = fileURLToPath(new URL('./worker.ts', import.meta.url));
  return `require(${JSON.stringify(api)}).register();\nrequire(${JSON.stringify(worker)});\n`;
}

interface Batch {
  id: number;
  indices: number[];
}

function makeBatches(articles: Article[], maxArticles: number, maxChars: number): Batch[] {
  const out: Batch[] = [];
  let cur: number[] = [];
  let chars = 0;
  articles.forEach((a, i) => {
    if (cur.length && (cur.length >= maxArticles || chars + a.text.length > maxChars)) {
      out.push({ id: out.length, indices: cur });
      cur = [];
      chars = 0;
    }
    cur.push(i);
    chars += a.text.length;
  });
  if (cur.length) out.push({ id: out.length, indices: cur });
  return out;
}

export function processInWorkers(articles: Article[], jobs: number, opts: PoolOptions = {}): Promise<{ results: ArticleResult[]; stats: PoolStats }> {
  const queue = makeBatches(articles, opts.batchArticles ?? 8, opts.batchChars ?? 256 * 1024);
  let nextId = queue.length;
  const results: (ArticleResult | undefined)[] = new Array(articles.length);
  let remaining = articles.length;
  const n = Math.max(1, Math.min(jobs, queue.length));
  const stats: PoolStats = { workers: n, heapPeaks: new Array(n).fill(0), maxRSS: 0, crashes: 0 };
  const boot = workerBootstrap();
  const live = new Set<Worker>();

  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      const all = [...live];
      live.clear();
      void Promise.all(all.map((w) => w.terminate())).then(() => {
        if (err) reject(err);
        else {
          stats.maxRSS = Math.max(stats.maxRSS, process.resourceUsage().maxRSS * 1024);
          resolve({ results: results as ArticleResult[], stats });
        }
      });
    };
    if (remaining === 0) return finish();

    const start = (slot: number) => {
      const worker = new Worker(boot, { eval: true, execArgv: [] });
      live.add(worker);
      let ready = false;
      let current: Batch | undefined;
      let lastError: Error | undefined;
      const feed = () => {
        current = queue.shift();
        if (current) worker.postMessage({ type: 'batch', batch: current.id, articles: current.indices.map((i) => articles[i]!) } satisfies ToWorker);
      };
      worker.on('message', (msg: FromWorker) => {
        if (msg.type === 'ready') {
          ready = true;
          return feed();
        }
        if (!current || msg.batch !== current.id) return finish(new Error(`build worker answered batch ${msg.batch}, expected ${current?.id}`));
        current.indices.forEach((i, k) => (results[i] = msg.results[k]));
        remaining -= current.indices.length;
        stats.heapPeaks[slot] = Math.max(stats.heapPeaks[slot]!, msg.heapPeak);
        stats.maxRSS = Math.max(stats.maxRSS, msg.maxRSS);
        current = undefined;
        if (remaining === 0) return finish();
        feed();
      });
      worker.on('error', (e) => (lastError = e));
      worker.on('exit', (code) => {
        live.delete(worker);
        if (settled) return;
        const why = lastError?.message ?? `exit code ${code}`;
        if (!ready) return finish(new Error(`a build worker failed to start: ${why}`));
        stats.crashes++;
        const lost = current;
        if (lost && lost.indices.length > 1) {
          // Retried one by one: only the article that kills a worker is lost.
          queue.unshift(...lost.indices.map((i) => ({ id: nextId++, indices: [i] })));
        } else if (lost) {
          const i = lost.indices[0]!;
          results[i] = { ok: false, message: `the build worker stopped while processing it (${why})` };
          remaining--;
          if (remaining === 0) return finish();
        }
        if (queue.length) start(slot);
        else if (live.size === 0) finish(new Error('all build workers stopped'));
      });
    };
    for (let slot = 0; slot < n; slot++) start(slot);
  });
}
