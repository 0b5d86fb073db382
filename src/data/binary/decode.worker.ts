// Fetches and decodes an EVB1 file off the main thread, and builds the derived
// indexes (pick grid, per-day category counts) here too, so the page only receives
// ready typed arrays (transferred, not copied).
import { decode } from './format';
import { buildGrid } from '../../map/scale/grid';
import { dayCategoryCounts } from '../../map/scale/columns';
import type { LoadRequest, LoadResponse } from './load';

self.onmessage = async (ev: MessageEvent<LoadRequest>) => {
  const t0 = performance.now();
  try {
    const res = await fetch(ev.data.url);
    if (!res.ok) throw new Error(`HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
    // Single-page hosts (vite preview among them) answer a missing file with their index page.
    if (/text\/html/i.test(res.headers.get('content-type') ?? '')) throw new Error('the server sent a web page, not an EVB1 file (is the path right?)');
    const buf = await res.arrayBuffer();
    const t1 = performance.now();
    const columns = decode(buf);
    const grid = buildGrid(columns.x, columns.y);
    const counts = dayCategoryCounts(columns);
    const msg: LoadResponse = {
      ok: true,
      columns,
      grid,
      counts,
      bytes: buf.byteLength,
      fetchMs: t1 - t0,
      decodeMs: performance.now() - t1,
    };
    (self as unknown as Worker).postMessage(msg, [buf, columns.day.buffer, grid.cellStart.buffer, grid.items.buffer, counts.buffer]);
  } catch (e) {
    const msg: LoadResponse = { ok: false, error: e instanceof Error ? e.message : String(e) };
    (self as unknown as Worker).postMessage(msg);
  }
};
