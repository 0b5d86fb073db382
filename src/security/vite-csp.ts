// Vite plugin: puts the Content-Security-Policy (./csp.ts) into every built HTML
// page (index.html, embed.html) as the first thing in <head>, with the hashes of
// the page's own inline <style> elements, computed on the final HTML. It fails the
// build when a page holds an inline script or an on* handler attribute, which the
// policy would block in the browser. Build only: the dev server injects inline
// styles and scripts for hot reload and runs without the policy.
// Configure extra origins with EVENTMAP_CSP_ORIGINS="https://tiles.example https://data.example".
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';
import { buildCsp, cspOptionsFromEnv, type CspOptions } from './csp.ts';

const STYLE = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const HANDLER = /<[a-z][^>]*\s(on[a-z]+)\s*=/i;
const JAVASCRIPT_URL = /\s(?:href|src|action|formaction)\s*=\s*["']?\s*javascript:/i;

/** 'sha256-…' sources for the inline <style> elements, in document order. */
export function inlineStyleHashes(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(STYLE)) {
    const h = `'sha256-${createHash('sha256').update(m[1]!, 'utf8').digest('base64')}'`;
    if (!out.includes(h)) out.push(h);
  }
  return out;
}

/** What the policy would block in this page's markup (inline scripts, handler attributes, javascript: URLs). */
export function blockedInline(html: string): string[] {
  const problems: string[] = [];
  const withoutNoscript = html.replace(/<noscript\b[\s\S]*?<\/noscript\s*>/gi, '');
  for (const m of withoutNoscript.matchAll(SCRIPT)) {
    const attrs = m[1]!;
    const data = /\btype\s*=\s*["']?application\/(?:ld\+)?json/i.test(attrs);
    if (!/\bsrc\s*=/.test(attrs) && !data && m[2]!.trim() !== '') problems.push(`inline script: ${m[0].slice(0, 80)}`);
  }
  const h = HANDLER.exec(withoutNoscript.replace(STYLE, '').replace(SCRIPT, ''));
  if (h) problems.push(`event handler attribute ${h[1]}`);
  if (JAVASCRIPT_URL.test(withoutNoscript)) problems.push('javascript: URL');
  return problems;
}

/** The page with the policy as the first element of <head>. */
export function injectCsp(html: string, opts: CspOptions = {}): string {
  if (/http-equiv\s*=\s*["']?content-security-policy/i.test(html)) throw new Error('CSP: the page already has a Content-Security-Policy meta element');
  const problems = blockedInline(html);
  if (problems.length) throw new Error(`CSP: the page has markup the policy blocks: ${problems.join('; ')}`);
  const policy = buildCsp({ ...opts, styleHashes: [...(opts.styleHashes ?? []), ...inlineStyleHashes(html)] });
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/"/g, '&quot;')}" />`;
  // After <meta charset> (which must come first), else right after <head>.
  const charset = /<meta\s+charset\s*=\s*["']?[\w-]+["']?\s*\/?>/i.exec(html);
  if (charset) return html.slice(0, charset.index + charset[0].length) + `\n    ${meta}` + html.slice(charset.index + charset[0].length);
  const head = /<head\b[^>]*>/i.exec(html);
  if (!head) throw new Error('CSP: the page has no <head>');
  return html.slice(0, head.index + head[0].length) + `\n    ${meta}` + html.slice(head.index + head[0].length);
}

export function cspPlugin(opts: CspOptions = cspOptionsFromEnv(process.env)): Plugin {
  return {
    name: 'event-map-csp',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const asset of Object.values(bundle)) {
        if (asset.type !== 'asset' || !asset.fileName.endsWith('.html')) continue;
        const html = typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
        asset.source = injectCsp(html, opts);
      }
    },
  };
}
