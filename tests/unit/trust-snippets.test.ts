// @vitest-environment jsdom
// The embed code the Embed dialog prints is pasted into other people's pages:
// whatever the state holds (a crafted link can set the data URL, headline,
// view…), the snippet must parse into exactly the expected elements, with no
// handler attributes and only http(s) URLs. Parsed with jsdom's HTML parser.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { iframeSnippet, webComponentSnippet } from '../../src/embed/snippets.ts';
import { parseParams, parseQuery } from '../../src/embed/params.ts';
import { anyText, HOSTILE } from '../fixtures/hostile/arbitraries.ts';

const BASE = 'https://maps.example.org/event-map/';
const evil = fc.oneof(fc.constantFrom(...HOSTILE, '"><script>alert(1)</script>', "' onmouseover='alert(1)", '</iframe><img src=x onerror=alert(1)>', 'javascript:alert(1)', '//evil.example/e.geojson', ' https://ok.example/e.geojson'), anyText);
const params = fc.record({
  data: evil,
  src: evil,
  date: fc.oneof(evil, fc.constant('2025-05-24')),
  mode: evil,
  categories: fc.oneof(evil, fc.constant('strike,talks')),
  speed: evil,
  theme: evil,
  show: fc.oneof(evil, fc.constant('title legend')),
  headline: evil,
  view: fc.oneof(evil, fc.constant('30.5,50.4,6')),
  origins: fc.oneof(evil, fc.constant('https://news.example')),
  childId: evil,
  autoplay: evil,
});

/** The HTML parser's reading of a snippet pasted into a page body. */
function parse(html: string): Element[] {
  const holder = document.createElement('div');
  holder.innerHTML = html;
  return Array.from(holder.querySelectorAll('*'));
}

function checkElements(els: Element[], tags: string[]) {
  expect(els.map((e) => e.tagName.toLowerCase())).toEqual(tags);
  for (const e of els)
    for (const a of Array.from(e.attributes)) {
      expect(a.name, `${e.tagName} ${a.name}`).not.toMatch(/^on/i);
      if (/^(src|href)$/.test(a.name)) expect(['http:', 'https:']).toContain(new URL(a.value).protocol);
    }
}

describe('embed snippets from hostile state', () => {
  it('from attributes (web component) and from a query string, any values give exactly the expected elements', () => {
    let built = 0;
    fc.assert(
      fc.property(params, (raw) => {
        const values = raw as Record<string, string>;
        for (const p of [parseParams((n) => values[n] ?? null), parseQuery(new URLSearchParams(values).toString())]) {
          let iframe: string;
          let wc: string;
          try {
            iframe = iframeSnippet(BASE, p, { title: values['headline'] });
            wc = webComponentSnippet(BASE, p);
          } catch (e) {
            throw new Error(`snippet failed for ${JSON.stringify(p)}: ${(e as Error).message}`);
          }
          built++;
          const a = parse(iframe);
          checkElements(a, ['iframe', 'script']);
          expect(a[0]!.getAttribute('src')!.startsWith(`${BASE}embed.html`)).toBe(true);
          const b = parse(wc);
          checkElements(b, ['link', 'script', 'event-map']);
          // Both load lazily, whatever the state.
          expect(a[0]!.getAttribute('loading')).toBe('lazy');
          expect(b[2]!.getAttribute('loading')).toBe('lazy');
          const src = b[2]!.getAttribute('src');
          if (src !== null) expect(['http:', 'https:']).toContain(new URL(src).protocol);
          // The title survives as the text it was, not as markup.
          // (The HTML parser turns CR/CRLF into LF and NUL into U+FFFD in any attribute; that is not an injection.)
          if (values['headline']) expect(a[0]!.getAttribute('title')).toBe(values['headline'].replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD'));
        }
      }),
      { seed: 701, numRuns: 120 },
    );
    expect(built).toBe(240);
  });

  it('a lone surrogate in the data URL or headline (possible in an attribute set from script) no longer breaks the snippet', () => {
    const cases: Record<string, string>[] = [{ src: 'x\ud800.geojson' }, { headline: 'a\udc00b' }];
    for (const v of cases) {
      const p = parseParams((n) => v[n] ?? null);
      expect(() => iframeSnippet(BASE, p)).not.toThrow();
    }
  });
});
