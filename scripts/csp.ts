// npx tsx scripts/csp.ts [dist/index.html dist/embed.html …]
// Prints the Content-Security-Policy the build puts into its pages, as one line,
// for servers that want to send it as a header too. A header can say what the
// <meta> policy cannot: frame-ancestors (who may embed the page), and it also
// covers the MapLibre worker file (a worker loaded from a URL takes its policy
// from its own response, not from the page's <meta>).
// With built pages as arguments, the hashes of their inline <style> are included
// (needed when the header is the only policy). EVENTMAP_CSP_ORIGINS adds origins.
import { readFileSync } from 'node:fs';
import { buildCsp, cspOptionsFromEnv } from '../src/security/csp.ts';
import { inlineStyleHashes } from '../src/security/vite-csp.ts';

const opts = cspOptionsFromEnv(process.env);
const styleHashes = [...new Set(process.argv.slice(2).flatMap((page) => inlineStyleHashes(readFileSync(page, 'utf8'))))];
process.stdout.write(`${buildCsp({ ...opts, styleHashes })}\n`);
