// Main-thread side of the binary transport: one Worker per load, which fetches,
// decodes and indexes; the main thread only receives transferred typed arrays.
import type { EventColumns } from '../../map/scale/columns';
import type { PickGrid } from '../../map/scale/grid';

export interface LoadRequest {
  url: string;
}

export type LoadResponse =
  | { ok: true; columns: EventColumns; grid: PickGrid; counts: Uint32Array; bytes: number; fetchMs: number; decodeMs: number }
  | { ok: false; error: string };

export interface LoadedEvents {
  columns: EventColumns;
  grid: PickGrid;
  /** Per-day × category counts (see dayCategoryCounts). */
  counts: Uint32Array;
  bytes: number;
  fetchMs: number;
  decodeMs: number;
}

/** Loads an EVB1 file (absolute or page-relative URL) in a Worker. */
export function loadBinaryEvents(url: string): Promise<LoadedEvents> {
  const abs = new URL(url, location.href).href;
  const worker = new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<LoadedEvents>((resolve, reject) => {
    worker.onmessage = (ev: MessageEvent<LoadResponse>) => {
      worker.terminate();
      const r = ev.data;
      if (r.ok) resolve({ columns: r.columns, grid: r.grid, counts: r.counts, bytes: r.bytes, fetchMs: r.fetchMs, decodeMs: r.decodeMs });
      else reject(new Error(r.error));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'decode worker failed'));
    };
    worker.postMessage({ url: abs } satisfies LoadRequest);
  });
}
