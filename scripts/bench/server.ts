// Static server on 127.0.0.1 for the built bench page (bench/dist) and the generated
// data (bench/out, under /data/). Counts the bytes it sends, so "bytes transferred"
// includes what workers fetch. No compression: the numbers are raw bytes.
import { createServer, type Server } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, normalize, resolve } from 'node:path';
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
};

export interface BenchServer {
  url: string;
  bytes(): number;
  resetBytes(): void;
  close(): Promise<void>;
}

export async function serve(distDir: string, dataDir: string): Promise<BenchServer> {
  let sent = 0;
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const [root, rel] = path.startsWith('/data/') ? [dataDir, path.slice(6)] : [distDir, path === '/' ? 'index.html' : path.slice(1)];
    const file = resolve(root, normalize(rel));
    if (!file.startsWith(resolve(root))) {
      res.writeHead(403).end();
      return;
    }
    let size: number;
    try {
      const st = statSync(file);
      if (!st.isFile()) throw new Error('not a file');
      size = st.size;
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': size, 'cache-control': 'no-store' });
    const s = createReadStream(file);
    s.on('data', (chunk) => (sent += chunk.length));
    s.pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    bytes: () => sent,
    resetBytes: () => void (sent = 0),
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
