// Static server on 127.0.0.1 for the benchmarks and the tests that serve a
// built folder: the bench page (bench/dist) with the generated data (bench/out,
// under /data/), or the built app with extra folders. Counts the bytes it sends,
// so "bytes transferred" includes what workers fetch, and lists the requests.
// No compression: the numbers are raw bytes. A missing file is a 404 (not
// index.html, as vite preview answers).
import { createServer, type Server } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.evb': 'application/octet-stream',
  '.map': 'application/json',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

export interface BenchServer {
  url: string;
  bytes(): number;
  resetBytes(): void;
  close(): Promise<void>;
}

/** A served request: its path and the bytes sent for it (0 for a 404). */
export interface ServedRequest {
  path: string;
  status: number;
  bytes: number;
}

export interface StaticServer extends BenchServer {
  /** Every request since the start (or the last resetBytes()), in arrival order. */
  requests(): ServedRequest[];
}

/** The bench page at / and the generated events at /data/. */
export function serve(distDir: string, dataDir: string): Promise<StaticServer> {
  return serveStatic({ '/': distDir, '/data/': dataDir });
}

/**
 * `roots` maps a URL prefix ('/' or '/data/', ending in '/') to a folder; the
 * longest matching prefix wins, and a folder path serves its index.html.
 * resetBytes() clears the byte count and the request list.
 */
export async function serveStatic(roots: Record<string, string>): Promise<StaticServer> {
  const prefixes = Object.keys(roots).sort((a, b) => b.length - a.length);
  let sent = 0;
  let log: ServedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const prefix = prefixes.find((p) => path.startsWith(p));
    const entry: ServedRequest = { path, status: 404, bytes: 0 };
    log.push(entry);
    if (prefix === undefined) return void res.writeHead(404).end();
    const root = resolve(roots[prefix]!);
    const rel = path.slice(prefix.length) || 'index.html';
    const file = resolve(root, normalize(rel));
    // Inside the folder only (a sibling folder whose name starts the same is outside).
    if (file !== root && !file.startsWith(root + sep)) {
      entry.status = 403;
      return void res.writeHead(403).end();
    }
    let size: number;
    try {
      const st = statSync(file);
      if (!st.isFile()) throw new Error('not a file');
      size = st.size;
    } catch {
      return void res.writeHead(404).end();
    }
    entry.status = 200;
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': size, 'cache-control': 'no-store' });
    const s = createReadStream(file);
    s.on('data', (chunk) => {
      sent += chunk.length;
      entry.bytes += chunk.length;
    });
    s.pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    bytes: () => sent,
    requests: () => log.slice(),
    resetBytes: () => {
      sent = 0;
      log = [];
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
