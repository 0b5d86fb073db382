import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MAX_ARTICLE_BYTES, parseArticleFile, titleFromText } from '../../src/geoparse/articles/read.ts';
import { formatError } from '../../src/geoparse/articles/types.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/events/', import.meta.url));
const SEED = fileURLToPath(new URL('../../seeds/2025-05-24-prisoner-exchange-and-kyiv-attack.txt', import.meta.url));
const fixture = (name: string) => readFileSync(FIXTURES + name);
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('article readers', () => {
  it('reads the seed: date header on the same line as the text', () => {
    const r = parseArticleFile('2025-05-24-prisoner-exchange-and-kyiv-attack.txt', readFileSync(SEED));
    expect(r.errors).toEqual([]);
    const [a] = r.articles;
    expect(a!.id).toBe('2025-05-24-prisoner-exchange-and-kyiv-attack');
    expect(a!.date).toBe('2025-05-24');
    expect(a!.text.startsWith('President Volodymyr Zelenskyy announced')).toBe(true);
    expect(a!.title.startsWith('President Volodymyr Zelenskyy')).toBe(true);
  });

  it('reads a .txt with the header on its own line', () => {
    const r = parseArticleFile('good-plain.txt', fixture('good-plain.txt'));
    expect(r.articles[0]).toMatchObject({ id: 'good-plain', date: '2025-05-24', text: 'Missiles struck Kyiv overnight, officials said.\n' });
  });

  it('reads Markdown front matter: date, quoted title, url; body after the closing ---', () => {
    const r = parseArticleFile('good-front-matter.md', fixture('good-front-matter.md'));
    expect(r.errors).toEqual([]);
    expect(r.articles[0]).toMatchObject({
      id: 'good-front-matter',
      title: 'Talks in Istanbul',
      date: '2025-05-16',
      url: 'https://example.org/talks',
      text: 'Ukrainian and Russian negotiators met in Istanbul on May 16.\n',
    });
  });

  it('reads JSONL line by line: good lines build, each bad line is reported with its number', () => {
    const r = parseArticleFile('mixed.jsonl', fixture('mixed.jsonl'));
    expect(r.articles.map((a) => [a.id, a.line, a.title])).toEqual([
      ['a1', 1, 'Odesa'],
      ['a4', 7, 'Talks resumed in Geneva.'],
    ]);
    expect(r.articles[1]!.url).toBe('https://example.org/a4');
    expect(r.errors.map(formatError)).toEqual([
      expect.stringMatching(/^mixed\.jsonl:2: not valid JSON/),
      'mixed.jsonl:3: article "a2": invalid date "2025-13-01", expected a real date as YYYY-MM-DD',
      'mixed.jsonl:4: article "a3": missing or empty "text"',
      'mixed.jsonl:5: missing "id" (a non-empty string)',
      'mixed.jsonl:6: duplicate id "a1"',
    ]);
  });

  // Every bad-input case: the message names the file (and line) and the problem.
  const BAD: { file: string; expected: RegExp }[] = [
    { file: 'no-date-header.txt', expected: /^no-date-header\.txt:1: missing date header/ },
    { file: 'impossible-date.txt', expected: /^impossible-date\.txt:1: invalid date in the header "date 2025-02-30"/ },
    { file: 'date-not-iso.txt', expected: /^date-not-iso\.txt:1: invalid date in the header "date 24 May 2025": expected a real date as "date YYYY-MM-DD"$/ },
    { file: 'empty.txt', expected: /^empty\.txt: empty file$/ },
    { file: 'binary.txt', expected: /^binary\.txt: binary file \(NUL byte at offset \d+\)/ },
    { file: 'invalid-utf8.txt', expected: /^invalid-utf8\.txt: invalid UTF-8 at byte 37$/ },
    { file: 'article.docx', expected: /^article\.docx: unknown extension "\.docx": expected one of \.txt, \.md, \.jsonl$/ },
    { file: 'no-date.md', expected: /^no-date\.md:1: front matter has no "date:" field$/ },
    { file: 'header-only.txt', expected: /^header-only\.txt:1: no article text after the date header$/ },
  ];
  it('has a fixture for every case', () => {
    expect(BAD.map((b) => b.file).sort()).toEqual(readdirSync(FIXTURES + 'bad-seeds').sort());
  });
  it.each(BAD)('rejects $file with a clear message', ({ file, expected }) => {
    const r = parseArticleFile(file, fixture('bad-seeds/' + file));
    expect(r.articles).toEqual([]);
    expect(r.errors).toHaveLength(1);
    expect(formatError(r.errors[0]!)).toMatch(expected);
  });

  it('rejects an article over 20 MB', () => {
    const big = new Uint8Array(MAX_ARTICLE_BYTES + 1).fill(0x61);
    big.set(utf8('date 2025-05-24\n'));
    const r = parseArticleFile('big.txt', big);
    expect(formatError(r.errors[0]!)).toBe('big.txt: file is 20.0 MB, over the 20 MB limit for one article');
  });

  it.each([
    ['no extension', 'README', /unknown extension "\(none\)"/],
    ['upper-case extension is fine', 'NOTE.TXT', null],
  ])('extension: %s', (_n, file, expected) => {
    const r = parseArticleFile(file, utf8('date 2025-05-24\nText.'));
    if (expected) expect(formatError(r.errors[0]!)).toMatch(expected);
    else expect(r.errors).toEqual([]);
  });

  it.each([
    ['Date: 2025-05-24\nText.', '2025-05-24', 'Text.'],
    ['date 2025-05-24\r\n\r\nText.\r\n', '2025-05-24', 'Text.\r\n'],
  ])('accepts header variant %j', (src, date, body) => {
    const r = parseArticleFile('v.txt', utf8(src));
    expect(r.articles[0]).toMatchObject({ date, text: body });
  });

  it('strips a UTF-8 byte-order mark before the header', () => {
    const r = parseArticleFile('bom.txt', utf8('\uFEFFdate 2025-05-24\nText.'));
    expect(r.articles[0]!.date).toBe('2025-05-24');
  });

  it('names the line of a bad date in front matter', () => {
    const r = parseArticleFile('x.md', utf8('---\ntitle: X\ndate: May 24\n---\nText.'));
    expect(formatError(r.errors[0]!)).toBe('x.md:3: invalid date "May 24", expected a real date as YYYY-MM-DD');
  });

  it.each([
    ['short sentence stays whole', 'Talks resumed. More text.', 'Talks resumed.'],
    [
      'long sentence is cut at a word',
      'President Volodymyr Zelenskyy announced that another 307 Ukrainians had returned home on May 24, as part of a major prisoner exchange with Russia.',
      'President Volodymyr Zelenskyy announced that another 307 Ukrainians had returned home on May 24, as…',
    ],
  ])('title from text: %s', (_n, text, title) => {
    expect(titleFromText(text)).toBe(title);
  });
});
