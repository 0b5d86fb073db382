// A build worker: loads the gazetteer once, then runs batches of articles through
// processArticle and posts the outcomes back in the order it got them. Started by
// pool.ts through tsx's require hook (see there), so this module and everything it
// imports are loaded as CommonJS: no top-level await anywhere in its imports.
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import type { Article } from '../articles/types.ts';
import { runArticle } from '../build.ts';
import { geoparse } from '../geoparse.ts';
import { loadGazetteerSync } from '../gazetteer/cache.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

if (!parentPort) throw new Error('parallel/worker.ts runs only as a worker thread');
const port = parentPort;
const gaz = loadGazetteerSync();
const geoparser = (text: string, articleDate: string) => geoparse(text, gaz, { articleDate });
let heapPeak = getHeapStatistics().used_heap_size;

port.on('message', (msg: ToWorker) => {
  if (msg.type !== 'batch') return;
  const results = msg.articles.map((a: Article) => runArticle(a, geoparser));
  heapPeak = Math.max(heapPeak, getHeapStatistics().used_heap_size);
  const reply: FromWorker = { type: 'results', batch: msg.batch, results, heapPeak, maxRSS: process.resourceUsage().maxRSS * 1024 };
  port.postMessage(reply);
});
port.postMessage({ type: 'ready' } satisfies FromWorker);
