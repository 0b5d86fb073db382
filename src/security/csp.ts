// The Content-Security-Policy of the built app and the embed page, as a pure
// function so it can be unit-tested and reused (the Vite plugin in ./vite-csp.ts
// puts it into every built HTML page as a <meta http-equiv>).
//
// What the app needs, and nothing more:
// - scripts: only the bundled module files from the page's own origin; no inline
//   script, no eval (the schema validator is pre-generated for that reason);
// - workers: MapLibre's worker file from 'self', and blob: which MapLibre uses
//   when it wraps a worker;
// - connections: the page's origin (events file, basemap, glyphs) plus any data or
//   style origins the deployment configures (EVENTMAP_CSP_ORIGINS);
// - images: 'self', data: and blob: (MapLibre decodes sprites and tiles to blobs);
// - fonts: 'self' (the packaged Noto Sans);
// - styles: the bundled CSS and the hashed inline <style> of the HTML page; no
//   style attributes in markup (Svelte's style: directives and MapLibre set
//   element.style through the CSSOM, which the policy does not restrict);
// - nothing else: no plugins/objects, <base> only to 'self', forms post nowhere.
// frame-ancestors is not allowed in a <meta> policy; whoever hosts the files can
// add it as a header if they want to restrict who embeds the map.

export interface CspOptions {
  /** Extra origins for fetch/XHR/WebSocket (data files, an online style, its tiles and glyphs). */
  connect?: readonly string[];
  /** Extra origins for images (an online style's raster tiles or sprites). */
  img?: readonly string[];
  /** Extra origins for fonts. */
  font?: readonly string[];
  /** Hashes ('sha256-…' sources) of the inline <style> elements of the page. */
  styleHashes?: readonly string[];
}

const ORIGIN = /^https?:\/\/(?:[a-z0-9-]+\.)*[a-z0-9-]+(?::\d{1,5})?$/;
const HASH = /^'sha(256|384|512)-[A-Za-z0-9+/]+={0,2}'$/;

/**
 * Parses a list of origins ("https://tiles.example https://data.example:8443",
 * commas or spaces). Anything that is not a plain http(s) origin is an error, so a
 * configuration value can never widen the policy with '*', a keyword or a `;`.
 */
export function parseOrigins(list: string | undefined): string[] {
  if (!list) return [];
  const out: string[] = [];
  for (const raw of list.split(/[\s,]+/).filter(Boolean)) {
    let origin: string;
    try {
      const u = new URL(raw);
      origin = u.origin;
      if (u.origin === 'null' || (u.pathname !== '/' && u.pathname !== '') || u.search || u.hash || u.username || u.password) throw new Error();
    } catch {
      throw new Error(`CSP: "${raw}" is not an http(s) origin like https://tiles.example.org`);
    }
    if (!ORIGIN.test(origin)) throw new Error(`CSP: "${raw}" is not an http(s) origin like https://tiles.example.org`);
    if (!out.includes(origin)) out.push(origin);
  }
  return out;
}

function checked(kind: string, sources: readonly string[] | undefined, re: RegExp): string[] {
  for (const s of sources ?? []) if (!re.test(s)) throw new Error(`CSP: bad ${kind} source ${JSON.stringify(s)}`);
  return [...(sources ?? [])];
}

/** The policy as one header/meta value. Throws on a source that is not an origin or a hash. */
export function buildCsp(o: CspOptions = {}): string {
  const connect = checked('connect', o.connect, ORIGIN);
  const img = checked('img', o.img, ORIGIN);
  const font = checked('font', o.font, ORIGIN);
  const hashes = checked('style hash', o.styleHashes, HASH);
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['worker-src', "'self'", 'blob:'],
    ['child-src', "'self'", 'blob:'],
    ['connect-src', "'self'", ...connect],
    ['img-src', "'self'", 'data:', 'blob:', ...img],
    ['font-src', "'self'", ...font],
    ['style-src', "'self'", ...hashes],
    ['style-src-elem', "'self'", ...hashes],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'none'"],
    ['manifest-src', "'self'"],
    ['media-src', "'none'"],
    ['frame-src', "'none'"],
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}

/** Options from the environment: EVENTMAP_CSP_ORIGINS adds origins to connect-src and img-src. */
export function cspOptionsFromEnv(env: Record<string, string | undefined>): CspOptions {
  const origins = parseOrigins(env['EVENTMAP_CSP_ORIGINS']);
  return { connect: origins, img: origins };
}
