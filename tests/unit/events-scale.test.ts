// Long articles: the event builder and the date finder do work in proportion to the
// text, not to its square. Checked by counting operations (reads of the mention list,
// characters handed to chrono), never by wall time.
import * as chrono from 'chrono-node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../src/geoparse/articles/types.ts';
import { sharedBorder } from '../../src/geoparse/borders/shared-border.ts';
import { CHUNK_MAX, dateChunks, findDates } from '../../src/geoparse/dates/resolve.ts';
import { extractEvents } from '../../src/geoparse/events/extract.ts';
import type { PlaceMention } from '../../src/geoparse/types.ts';

const PARAGRAPHS = [
  'Missiles struck Kyiv on May 22, killing three people, officials said. Air defense units shot down 14 drones overnight.',
  'Talks will resume in Istanbul next week, the ministry said on Friday. The claims could not be independently verified.',
  'Rescuers worked through the night in Kharkiv after the attack on May 23. The day before, a drone hit a warehouse.',
  'At the end of May, the two sides exchanged 307 prisoners. Power was restored in the morning, the company said.',
];
const longText = (n: number) => Array.from({ length: n }, (_, i) => PARAGRAPHS[i % PARAGRAPHS.length]).join('\n\n');

afterEach(() => vi.restoreAllMocks());

describe('dateChunks', () => {
  it('covers the text in order with chunks of at most CHUNK_MAX, cut after paragraph breaks', () => {
    const text = longText(600);
    const chunks = dateChunks(text);
    expect(chunks.length).toBeGreaterThan(text.length / CHUNK_MAX);
    expect(chunks[0]![0]).toBe(0);
    expect(chunks.at(-1)![1]).toBe(text.length);
    for (let i = 0; i < chunks.length; i++) {
      const [s, e] = chunks[i]!;
      expect(e - s).toBeLessThanOrEqual(CHUNK_MAX);
      expect(e).toBeGreaterThan(s);
      if (i > 0) expect(s).toBe(chunks[i - 1]![1]);
      if (i < chunks.length - 1) expect(text.slice(e - 2, e)).toBe('\n\n');
    }
  });

  it('falls back to sentence ends, then spaces, then a hard cut', () => {
    const sentences = 'Missiles struck Kyiv on May 22. '.repeat(2000);
    for (const [, e] of dateChunks(sentences).slice(0, -1)) expect(sentences.slice(e - 2, e)).toBe('. ');
    const words = 'word '.repeat(8000);
    for (const [, e] of dateChunks(words).slice(0, -1)) expect(words[e - 1]).toBe(' ');
    const blob = 'x'.repeat(3 * CHUNK_MAX + 5);
    expect(dateChunks(blob)).toEqual([
      [0, CHUNK_MAX],
      [CHUNK_MAX, 2 * CHUNK_MAX],
      [2 * CHUNK_MAX, 3 * CHUNK_MAX],
      [3 * CHUNK_MAX, 3 * CHUNK_MAX + 5],
    ]);
  });

  it('a short text is one chunk', () => {
    expect(dateChunks('Missiles struck Kyiv on May 22.')).toEqual([[0, 31]]);
  });
});

describe('findDates on a long text', () => {
  it('reads it in bounded chunks: chrono never sees more than CHUNK_MAX characters, nor the text twice', () => {
    const spy = vi.spyOn(chrono.en.casual, 'parse');
    const text = longText(800); // about 90 KB
    findDates(text, '2025-05-24');
    const lengths = spy.mock.calls.map((c) => (c[0] as string).length);
    expect(lengths.length).toBeGreaterThan(1);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(CHUNK_MAX);
    expect(lengths.reduce((a, b) => a + b, 0)).toBe(text.length);
  });

  it('finds the same dates, at the text offsets, as reading each paragraph alone', () => {
    const text = longText(400);
    const got = findDates(text, '2025-05-24');
    const want: ReturnType<typeof findDates> = [];
    let at = 0;
    for (const p of text.split('\n\n')) {
      for (const d of findDates(p, '2025-05-24')) want.push({ ...d, start: d.start + at, end: d.end + at });
      at += p.length + 2;
    }
    expect(got).toEqual(want);
    expect(got.length).toBeGreaterThan(600);
    for (const d of got) expect(text.slice(d.start, d.end)).toBe(d.text);
  });
});

describe('extractEvents on a long article', () => {
  /** Kyiv, Istanbul and Kharkiv wherever they occur, in a list that counts reads of its elements. */
  function countedMentions(text: string): { mentions: PlaceMention[]; reads: () => number } {
    const out: PlaceMention[] = [];
    const re = /Kyiv|Istanbul|Kharkiv/g;
    for (let m; (m = re.exec(text)); )
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        surface: m[0],
        name: m[0],
        lat: 50,
        lon: 30,
        kind: 'city',
        country: m[0] === 'Istanbul' ? 'TR' : 'UA',
        precisionKm: 20,
        confidence: 0.95,
        alternatives: [],
      });
    let reads = 0;
    const proxy = new Proxy(out, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    return { mentions: proxy, reads: () => reads };
  }

  it('reads each mention a bounded number of times, however many sentences there are', () => {
    const text = longText(400);
    const article: Article = { id: 'long', title: 't', date: '2025-05-24', text, file: 'long.txt' };
    const { mentions, reads } = countedMentions(text);
    const { features } = extractEvents(article, mentions, sharedBorder);
    expect(mentions.length).toBe(300);
    expect(features.length).toBeGreaterThan(200);
    // A filter of the whole list per sentence (1,000 sentences) would read it about 300,000 times.
    expect(reads()).toBeLessThan(mentions.length * 20);
  });
});
