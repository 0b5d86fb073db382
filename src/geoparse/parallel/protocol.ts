// Messages between the build's main thread (pool.ts) and its workers (worker.ts).
import type { Article } from '../articles/types.ts';
import type { ArticleResult } from '../build.ts';

export type ToWorker = { type: 'batch'; batch: number; articles: Article[] };

export type FromWorker =
  /** The gazetteer is loaded. */
  | { type: 'ready' }
  /**
   * One result per article of the batch, in its order. `heapPeak`: the worker's
   * largest V8 heap after a batch so far (bytes); `maxRSS`: the whole process's
   * peak resident set (bytes; threads share the process).
   */
  | { type: 'results'; batch: number; results: ArticleResult[]; heapPeak: number; maxRSS: number };
