// The CSP builder and the Vite plugin's HTML handling (the policy itself is
// exercised in Chromium by tests/e2e/trust-csp.test.ts).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildCsp, cspOptionsFromEnv, parseOrigins } from '../../src/security/csp.ts';
import { blockedInline, injectCsp, inlineStyleHashes } from '../../src/security/vite-csp.ts';

const directives = (p: string) => new Map(p.split(/;\s*/).map((d) => { const [k, ...v] = d.split(' '); return [k!, v]; }));

describe('buildCsp', () => {
  it('allows only the own origin for scripts and connections by default', () => {
    const d = directives(buildCsp());
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(d.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(d.get('font-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    // Nothing anywhere that would allow inline script or eval.
    expect(buildCsp()).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
  });
  it('adds configured origins to connect-src and img-src only', () => {
    const d = directives(buildCsp(cspOptionsFromEnv({ EVENTMAP_CSP_ORIGINS: 'https://tiles.example.org, https://data.example.org:8443/' })));
    expect(d.get('connect-src')).toEqual(["'self'", 'https://tiles.example.org', 'https://data.example.org:8443']);
    expect(d.get('img-src')).toEqual(["'self'", 'data:', 'blob:', 'https://tiles.example.org', 'https://data.example.org:8443']);
    expect(d.get('script-src')).toEqual(["'self'"]);
  });
  it.each(['*', "'unsafe-inline'", 'https://a.example; script-src *', 'javascript:alert(1)', 'data:', 'https://a.example/path', 'https://*.example.org', 'ftp://a.example', 'https://user:pw@a.example'])(
    'refuses %j as an origin',
    (bad) => {
      expect(() => parseOrigins(bad)).toThrow(/not an http\(s\) origin/);
    },
  );
  it('refuses sources that are not origins or hashes when called directly', () => {
    expect(() => buildCsp({ connect: ["'self' *"] })).toThrow();
    expect(() => buildCsp({ styleHashes: ["'unsafe-inline'"] })).toThrow();
  });
});

describe('the plugin on HTML', () => {
  const page = `<!doctype html>\n<html><head>\n<meta charset="UTF-8" />\n<title>x</title>\n<style>body{margin:0}</style>\n<script type="module" crossorigin src="./assets/main.js"></script>\n</head><body><div id="app"><noscript><a href="./data/events.geojson">data</a></noscript></div></body></html>`;
  it('puts the policy right after <meta charset>, with the inline style hash', () => {
    const out = injectCsp(page);
    const meta = /<meta charset="UTF-8" \/>\n\s*<meta http-equiv="Content-Security-Policy" content="([^"]+)" \/>/.exec(out);
    expect(meta).not.toBeNull();
    const hash = `'sha256-${createHash('sha256').update('body{margin:0}').digest('base64')}'`;
    expect(inlineStyleHashes(page)).toEqual([hash]);
    expect(directives(meta![1]!).get('style-src-elem')).toEqual(["'self'", hash]);
  });
  it.each([
    ['inline script', '<script>window.__pwned=1</script>'],
    ['handler attribute', '<img src=x onerror="window.__pwned=1">'],
    ['javascript: URL', '<a href="javascript:void(0)">x</a>'],
  ])('fails the build on an %s', (_name, bad) => {
    expect(blockedInline(page.replace('</body>', `${bad}</body>`)).length).toBe(1);
    expect(() => injectCsp(page.replace('</body>', `${bad}</body>`))).toThrow(/policy blocks/);
  });
  it('does not add a second policy', () => {
    expect(() => injectCsp(injectCsp(page))).toThrow(/already has/);
  });
});
