/** One article, ready for the pipeline. `text` is the body: offsets in events point into it. */
export interface Article {
  id: string;
  title: string;
  /** ISO YYYY-MM-DD, the publication date every relative date is resolved against. */
  date: string;
  url?: string;
  text: string;
  /** The file it came from (as given), and the 1-based line for JSONL records. */
  file: string;
  line?: number;
}

/** A problem with one input, reported as `file[:line]: message`. */
export interface ArticleError {
  file: string;
  line?: number;
  message: string;
}

export function formatError(e: ArticleError): string {
  return `${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}`;
}

export interface ReadResult {
  articles: Article[];
  errors: ArticleError[];
}
