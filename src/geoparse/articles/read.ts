// Turns the bytes of one seed file into articles, or into clear errors naming the
// file (and line) and the problem. Pure: the caller does the file I/O, so every
// bad-input case is testable without touching the disk.
import type { Article, ArticleError, ReadResult } from './types.ts';
import { isIsoDate } from './validate-date.ts';

export const MAX_ARTICLE_BYTES = 20 * 1024 * 1024;
/** A JSONL file holds many articles; each one is still held to MAX_ARTICLE_BYTES. */
export const MAX_JSONL_BYTES = 512 * 1024 * 1024;
export const EXTENSIONS = ['.txt', '.md', '.jsonl'] as const;

export function extensionOf(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

export function baseId(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

const fail = (file: string, message: string, line?: number): ReadResult => ({
  articles: [],
  errors: [line ? { file, line, message } : { file, message }],
});

/** Decode and sanity-check a file's bytes; returns the text or an error message. */
export function decodeText(
  bytes: Uint8Array,
  maxBytes = MAX_ARTICLE_BYTES,
): { text: string } | { error: string } {
  if (bytes.length === 0) return { error: 'empty file' };
  if (bytes.length > maxBytes)
    return {
      error: `file is ${(bytes.length / 1048576).toFixed(1)} MB, over the ${Math.round(maxBytes / 1048576)} MB limit${maxBytes === MAX_ARTICLE_BYTES ? ' for one article' : ''}`,
    };
  // A NUL byte never occurs in text; it is the cheapest reliable sign of a binary file.
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { error: `binary file (NUL byte at offset ${nul}), expected UTF-8 text` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { error: `invalid UTF-8 at byte ${firstInvalidUtf8(bytes)}` };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Other control characters (not tab/newline/CR/form feed) in bulk also mean binary.
  const controls = text.match(/[\u0001-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (controls > 0 && controls / text.length > 0.01) return { error: 'binary file (control characters), expected UTF-8 text' };
  if (text.trim() === '') return { error: 'empty file (only whitespace)' };
  return { text };
}

/** Byte offset of the first invalid UTF-8 sequence (for the error message). */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return i;
}

const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/** First sentence of the body, shortened at a word boundary: the title of a .txt article. */
export function titleFromText(text: string, max = 100): string {
  const first = (text.trim().split(/(?<=[.!?])\s/)[0] ?? '').replace(/\s+/g, ' ').trim();
  if (first.length <= max) return first;
  const cut = first.slice(0, max);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).replace(/[,;:]$/, '') + '…';
}

/** Index of the first non-whitespace character at or after `i`. */
const skipSpace = (s: string, i: number) => {
  while (i < s.length && /\s/.test(s[i]!)) i++;
  return i;
};

/**
 * .txt: the first line starts with `date YYYY-MM-DD`; the body follows, either on
 * the next line or (as in the seed) on the same line after the date.
 */
export function parseTxt(file: string, text: string): ReadResult {
  const m = /^[ \t]*date:?[ \t]+(\S+)(?=\s|$)/i.exec(text); // "date: …" is forgiven
  if (!m) {
    const first = text.split('\n', 1)[0]!.trim().slice(0, 40);
    return fail(file, `missing date header: the first line must start with "date YYYY-MM-DD" (found "${first}")`, 1);
  }
  if (!isIsoDate(m[1]!)) {
    const header = text.split('\n', 1)[0]!.trim().slice(0, 40);
    return fail(file, `invalid date in the header "${header}": expected a real date as "date YYYY-MM-DD"`, 1);
  }
  const body = text.slice(skipSpace(text, m[0].length));
  if (body.trim() === '') return fail(file, 'no article text after the date header', 1);
  return {
    articles: [{ id: baseId(file), title: titleFromText(body), date: m[1]!, text: body, file }],
    errors: [],
  };
}

/** A YAML scalar as front matter writes it: bare, 'single' or "double" quoted. */
function scalar(v: string): string {
  const s = v.trim();
  if (s.length >= 2 && ((s[0] === '"' && s.endsWith('"')) || (s[0] === "'" && s.endsWith("'")))) {
    return s[0] === '"' ? s.slice(1, -1).replace(/\\"/g, '"').replace(/\\\\/g, '\\') : s.slice(1, -1).replace(/''/g, "'");
  }
  return s;
}

/** .md: front matter between `---` lines with `date:` (required), `title:`, `url:`. */
export function parseMd(file: string, text: string): ReadResult {
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) return fail(file, 'missing front matter: the file must start with a "---" line, then "date: YYYY-MM-DD"', 1);
  const close = /^---[ \t]*(\r?\n|$)/m;
  const rest = text.slice(open[0].length);
  const end = close.exec(rest);
  if (!end) return fail(file, 'front matter is not closed by a "---" line', 1);
  const fields = new Map<string, { value: string; line: number }>();
  rest
    .slice(0, end.index)
    .split(/\r?\n/)
    .forEach((l, i) => {
      const kv = /^([A-Za-z_][\w-]*)[ \t]*:(.*)$/.exec(l);
      if (kv) fields.set(kv[1]!.toLowerCase(), { value: scalar(kv[2]!), line: i + 2 });
    });
  const date = fields.get('date');
  if (!date) return fail(file, 'front matter has no "date:" field', 1);
  if (!isIsoDate(date.value)) return fail(file, `invalid date "${date.value}", expected a real date as YYYY-MM-DD`, date.line);
  const bodyStart = skipSpace(text, open[0].length + end.index + end[0].length);
  const body = text.slice(bodyStart);
  if (body.trim() === '') return fail(file, 'no article text after the front matter', lineOf(text, bodyStart));
  const title = fields.get('title')?.value || /^#\s+(.+)$/m.exec(body)?.[1]?.trim() || titleFromText(body);
  const url = fields.get('url')?.value;
  return {
    articles: [{ id: baseId(file), title, date: date.value, ...(url ? { url } : {}), text: body, file }],
    errors: [],
  };
}

/** .jsonl: one `{id, text, date, title?, url?}` object a line; each line stands alone. */
export function parseJsonl(file: string, text: string): ReadResult {
  const articles: Article[] = [];
  const errors: ArticleError[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    const err = (message: string) => errors.push({ file, line, message });
    let o: unknown;
    try {
      o = JSON.parse(raw);
    } catch (e) {
      return err(`not valid JSON (${(e as Error).message})`);
    }
    if (typeof o !== 'object' || o === null || Array.isArray(o)) return err('expected a JSON object {id, text, date}');
    const r = o as Record<string, unknown>;
    const id = typeof r['id'] === 'number' ? String(r['id']) : r['id'];
    if (typeof id !== 'string' || id.trim() === '') return err('missing "id" (a non-empty string)');
    if (seen.has(id)) return err(`duplicate id "${id}"`);
    if (typeof r['text'] !== 'string' || r['text'].trim() === '') return err(`article "${id}": missing or empty "text"`);
    if (r['text'].length > MAX_ARTICLE_BYTES) return err(`article "${id}": text over the 20 MB limit`);
    if (typeof r['date'] !== 'string') return err(`article "${id}": missing "date" (YYYY-MM-DD)`);
    if (!isIsoDate(r['date'])) return err(`article "${id}": invalid date "${r['date']}", expected a real date as YYYY-MM-DD`);
    for (const k of ['title', 'url'] as const)
      if (r[k] !== undefined && typeof r[k] !== 'string') return err(`article "${id}": "${k}" must be a string`);
    seen.add(id);
    const url = r['url'] as string | undefined;
    articles.push({
      id,
      title: (r['title'] as string | undefined) || titleFromText(r['text']),
      date: r['date'],
      ...(url ? { url } : {}),
      text: r['text'],
      file,
      line,
    });
  });
  if (articles.length === 0 && errors.length === 0) errors.push({ file, message: 'no articles in the file' });
  return { articles, errors };
}

/** Dispatch on the extension; `file` is only used for ids and messages. */
export function parseArticleFile(file: string, bytes: Uint8Array): ReadResult {
  const ext = extensionOf(file);
  if (!(EXTENSIONS as readonly string[]).includes(ext))
    return fail(file, `unknown extension "${ext || '(none)'}": expected one of ${EXTENSIONS.join(', ')}`);
  const decoded = decodeText(bytes, ext === '.jsonl' ? MAX_JSONL_BYTES : MAX_ARTICLE_BYTES);
  if ('error' in decoded) return fail(file, decoded.error);
  if (ext === '.txt') return parseTxt(file, decoded.text);
  if (ext === '.md') return parseMd(file, decoded.text);
  return parseJsonl(file, decoded.text);
}
