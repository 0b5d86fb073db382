import { describe, expect, it } from 'vitest';
import { embedUrl, escapeAttr, iframeSnippet, randomChildId, webComponentSnippet } from './snippets';

const base = 'https://maps.example/news/event-map/';

describe('escapeAttr', () => {
  it.each([
    ['plain', 'plain'],
    ['a"b', 'a&quot;b'],
    ["a'b", 'a&#39;b'],
    ['<script>&', '&lt;script&gt;&amp;'],
  ])('%j → %j', (s, expected) => expect(escapeAttr(s)).toBe(expected));
});

describe('embedUrl', () => {
  it.each([
    ['folder URL', base, {}, 'https://maps.example/news/event-map/embed.html'],
    ['page URL with hash and query', 'https://maps.example/news/event-map/index.html?x=1#date=2025-05-24', { date: '2025-05-24' }, 'https://maps.example/news/event-map/embed.html?date=2025-05-24'],
    ['folder without trailing slash keeps its parent', 'https://maps.example/news/event-map', {}, 'https://maps.example/news/embed.html'],
  ])('%s', (_n, b, p, expected) => expect(embedUrl(b, p)).toBe(expected));
});

describe('iframeSnippet', () => {
  it('holds the state in the src and loads the parent script from the same folder', () => {
    const s = iframeSnippet(base, { date: '2025-05-24', mode: 'cumulative', categories: ['strike'] }, { height: 480 });
    expect(s).toBe(
      '<iframe data-event-map src="https://maps.example/news/event-map/embed.html?date=2025-05-24&amp;mode=cumulative&amp;categories=strike" title="Event map" width="100%" height="480" style="border:0;width:100%;height:480px" loading="lazy"></iframe>\n' +
        '<script src="https://maps.example/news/event-map/embed/parent.js" async></script>',
    );
  });
  it('carries a childId when given, so the parent script does not reload the iframe', () => {
    const s = iframeSnippet(base, { date: '2025-05-24' }, { childId: 'em-abc' });
    expect(s).toContain('embed.html?date=2025-05-24&amp;childId=em-abc"');
  });
  it('random child ids are short, safe and vary', () => {
    let n = 0;
    const seq = () => [0.01, 0.5, 0.99][n++ % 3]!;
    expect(randomChildId(seq)).toBe('em-0iz0iz0i');
    expect(randomChildId()).toMatch(/^em-[0-9a-z]{8}$/);
    expect(randomChildId()).not.toBe(randomChildId());
  });
  it('escapes a hostile headline and title', () => {
    const s = iframeSnippet(base, { headline: '"><script>alert(1)</script>' }, { title: 'a" onload="x' });
    expect(s).not.toMatch(/<script>alert/);
    expect(s).not.toMatch(/" onload="/);
    expect(s).toContain('title="a&quot; onload=&quot;x"');
  });
});

describe('webComponentSnippet', () => {
  it('writes attributes with an absolute data URL and bare booleans', () => {
    const s = webComponentSnippet(base, { date: '2025-05-24', autoplay: true, show: ['legend', 'list'] });
    expect(s.split('\n')).toEqual([
      '<link rel="stylesheet" href="https://maps.example/news/event-map/event-map.css">',
      '<script type="module" src="https://maps.example/news/event-map/event-map.js"></script>',
      '<event-map src="https://maps.example/news/event-map/data/events.geojson" date="2025-05-24" autoplay show="legend list" loading="lazy"></event-map>',
    ]);
  });
  it('keeps an absolute data URL from another origin and escapes it', () => {
    const s = webComponentSnippet(base, { data: 'https://cdn.example/e.geojson?a=1&b="2"' });
    expect(s).toContain('<event-map src="https://cdn.example/e.geojson?a=1&amp;b=%222%22" loading="lazy"></event-map>');
  });
  it('loads lazily, like the iframe snippet', () => {
    expect(webComponentSnippet(base, {})).toMatch(/<event-map [^>]*\bloading="lazy"[^>]*><\/event-map>$/);
    expect(iframeSnippet(base, {})).toMatch(/<iframe [^>]*\bloading="lazy"/);
  });
  it('leaves iframe-only parameters out', () => {
    const s = webComponentSnippet(base, { origins: ['https://a.example'], childId: 'x' });
    expect(s).not.toMatch(/origins|childId/);
  });
});
