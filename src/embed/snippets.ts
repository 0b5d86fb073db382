// Embed code for the current state: an iframe (with the parent script that sizes
// it) and the web component. `base` is the absolute URL of the folder that holds
// index.html, embed.html, event-map.js and embed/parent.js in the deployment.
// Every attribute value is escaped; the data URL of the web component is made
// absolute because the component resolves it against the host page.
import { paramEntries, serialiseQuery, type EmbedParams } from './params';

export function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface SnippetOptions {
  /** Initial iframe height in px (the parent script then sizes it to the content). */
  height?: number;
  /** Accessible name of the iframe. */
  title?: string;
  /**
   * A pym.js childId to put in the iframe URL. With one, the parent script
   * leaves the URL alone instead of adding an id (which would load the iframe twice).
   */
  childId?: string;
}

/** A random id for one pasted embed ("em-" + 8 base-36 characters). */
export function randomChildId(random: () => number = Math.random): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += Math.floor(random() * 36).toString(36);
  return `em-${s}`;
}

function folder(base: string): string {
  const u = new URL(base);
  u.search = '';
  u.hash = '';
  if (!u.pathname.endsWith('/')) u.pathname = u.pathname.replace(/[^/]*$/, '');
  return u.href;
}

export function embedUrl(base: string, params: Partial<EmbedParams>): string {
  return `${new URL('embed.html', folder(base)).href}${serialiseQuery(params)}`;
}

export function iframeSnippet(base: string, params: Partial<EmbedParams>, opts: SnippetOptions = {}): string {
  const dir = folder(base);
  const height = Math.round(opts.height ?? 520);
  const title = opts.title ?? 'Event map';
  return [
    `<iframe data-event-map src="${escapeAttr(embedUrl(dir, opts.childId ? { ...params, childId: opts.childId } : params))}" title="${escapeAttr(title)}" width="100%" height="${height}" style="border:0;width:100%;height:${height}px" loading="lazy"></iframe>`,
    `<script src="${escapeAttr(new URL('embed/parent.js', dir).href)}" async></script>`,
  ].join('\n');
}

export function webComponentSnippet(base: string, params: Partial<EmbedParams>): string {
  const dir = folder(base);
  const data = new URL(params.data ?? 'data/events.geojson', dir).href;
  const attrs = paramEntries({ ...params, data }, 'attributes')
    .map(([k, v]) => (v === '' ? ` ${k}` : ` ${k}="${escapeAttr(v)}"`))
    .join('');
  return [
    `<link rel="stylesheet" href="${escapeAttr(new URL('event-map.css', dir).href)}">`,
    `<script type="module" src="${escapeAttr(new URL('event-map.js', dir).href)}"></script>`,
    // Lazy like the iframe: the map's code (Svelte, MapLibre, the app) loads when the element nears the viewport.
    `<event-map${attrs} loading="lazy"></event-map>`,
  ].join('\n');
}
