// Spatial index for pick(): a uniform grid over the Mercator square whose cells list
// event indices in ascending order. Because events are sorted by day, the events of
// any time window inside a cell are one sub-range found by binary search, so a pick
// touches only the cells under the cursor and only the window's events there.

export interface PickGrid {
  res: number;
  /** Length res*res + 1: cell c holds items[cellStart[c] .. cellStart[c+1]). */
  cellStart: Uint32Array;
  items: Uint32Array;
}

function cellOf(v: number, res: number): number {
  const c = Math.floor(v * res);
  return c < 0 ? 0 : c >= res ? res - 1 : c;
}

/** O(n) counting sort into cells; iterating i ascending keeps each cell's list sorted. */
export function buildGrid(x: Float32Array, y: Float32Array, res = 512): PickGrid {
  const n = x.length;
  const cells = res * res;
  const cellStart = new Uint32Array(cells + 1);
  const cellIdx = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const c = cellOf(y[i]!, res) * res + cellOf(x[i]!, res);
    cellIdx[i] = c;
    cellStart[c + 1] = cellStart[c + 1]! + 1;
  }
  for (let c = 0; c < cells; c++) cellStart[c + 1] = cellStart[c + 1]! + cellStart[c]!;
  const cursor = cellStart.slice(0, cells);
  const items = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const c = cellIdx[i]!;
    items[cursor[c]!] = i;
    cursor[c] = cursor[c]! + 1;
  }
  return { res, cellStart, items };
}

/** First position p in [lo, hi) with items[p] >= v. */
export function lowerBound(items: Uint32Array, lo: number, hi: number, v: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface PickQuery {
  /** Mercator position of the cursor and search radius in Mercator units. */
  mx: number;
  my: number;
  r: number;
  /** Index range of the current window [first, end). */
  first: number;
  end: number;
  /** Extra predicate (category mask), optional. */
  accept?: (i: number) => boolean;
  /** At most this many results. */
  limit?: number;
}

/** Indices within r of (mx, my) inside [first, end), nearest first (ties: higher index = later day first). */
export function queryGrid(grid: PickGrid, x: Float32Array, y: Float32Array, q: PickQuery): number[] {
  const { res, cellStart, items } = grid;
  const x0 = cellOf(q.mx - q.r, res);
  const x1 = cellOf(q.mx + q.r, res);
  const y0 = cellOf(q.my - q.r, res);
  const y1 = cellOf(q.my + q.r, res);
  const r2 = q.r * q.r;
  const hits: { i: number; d2: number }[] = [];
  for (let cy = y0; cy <= y1; cy++) {
    for (let cx = x0; cx <= x1; cx++) {
      const c = cy * res + cx;
      const hi = cellStart[c + 1]!;
      for (let p = lowerBound(items, cellStart[c]!, hi, q.first); p < hi; p++) {
        const i = items[p]!;
        if (i >= q.end) break;
        const dx = x[i]! - q.mx;
        const dy = y[i]! - q.my;
        const d2 = dx * dx + dy * dy;
        if (d2 <= r2 && (!q.accept || q.accept(i))) hits.push({ i, d2 });
      }
    }
  }
  hits.sort((a, b) => a.d2 - b.d2 || b.i - a.i);
  const out = hits.map((h) => h.i);
  return q.limit !== undefined ? out.slice(0, q.limit) : out;
}
