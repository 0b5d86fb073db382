// The output documents, serialised deterministically: features and articles in a
// total order, keys in a fixed order, so the same input gives byte-identical files.
import type { ArticleMeta, EventCollection, EventFeature } from '../../events/types.ts';
import type { ArticleReview } from '../events/extract.ts';
import { compareFeatures } from '../events/extract.ts';

export function buildCollection(features: EventFeature[], articles: ArticleMeta[]): EventCollection {
  return {
    type: 'FeatureCollection',
    features: [...features].sort(compareFeatures),
    articles: [...articles]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((a) => ({ id: a.id, title: a.title, date: a.date, ...(a.url ? { url: a.url } : {}) })),
  };
}

/** One feature per line: diffs stay readable and the file stays small. */
export function serialiseCollection(c: EventCollection): string {
  const lines = c.features.map((f) => '    ' + JSON.stringify(f));
  return (
    '{\n  "type": "FeatureCollection",\n  "features": [\n' +
    lines.join(',\n') +
    (lines.length ? '\n' : '') +
    '  ],\n  "articles": ' +
    JSON.stringify(c.articles, null, 2).replace(/\n/g, '\n  ') +
    '\n}\n'
  );
}

export interface ReviewReport {
  /** Articles that could not be read, with the reason. */
  failed: { file: string; line?: number; message: string }[];
  /** Events left out because they failed the schema (their articles built). */
  rejected: { file: string; line?: number; article: string; event: string; reason: string }[];
  articles: ArticleReview[];
}

export function serialiseReview(r: ReviewReport): string {
  const sorted: ReviewReport = {
    failed: [...r.failed].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0))),
    rejected: [...r.rejected].sort((a, b) => cmp(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || cmp(a.event, b.event)),
    articles: [...r.articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
  return JSON.stringify(sorted, null, 2) + '\n';
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
