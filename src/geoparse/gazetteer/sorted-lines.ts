// A read-only map over sorted "key<TAB>value" lines kept as one string: lookups by binary
// search over line offsets. Building a Map of 300k names took most of the load time; this
// needs one pass to find the line starts and no per-entry objects.
export class SortedLines {
  private readonly starts: Int32Array;

  constructor(private readonly text: string) {
    let n = text ? 1 : 0;
    for (let p = text.indexOf('\n'); p >= 0; p = text.indexOf('\n', p + 1)) n++;
    this.starts = new Int32Array(n);
    let i = 0;
    for (let p = 0; i < n; i++) {
      this.starts[i] = p;
      p = text.indexOf('\n', p) + 1;
    }
  }

  get size(): number {
    return this.starts.length;
  }

  private keyAt(i: number): string {
    const s = this.starts[i] as number;
    return this.text.slice(s, this.text.indexOf('\t', s));
  }

  /** Index of the first line whose key is >= key. */
  private lowerBound(key: string): number {
    let lo = 0, hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keyAt(mid) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  get(key: string): string | undefined {
    const i = this.lowerBound(key);
    if (i >= this.starts.length || this.keyAt(i) !== key) return undefined;
    const s = (this.starts[i] as number) + key.length + 1;
    const e = this.text.indexOf('\n', s);
    return this.text.slice(s, e < 0 ? undefined : e);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Up to `limit` keys that start with `prefix`, in order. */
  keysWithPrefix(prefix: string, limit = 20): string[] {
    const out: string[] = [];
    for (let i = this.lowerBound(prefix); i < this.starts.length && out.length < limit; i++) {
      const k = this.keyAt(i);
      if (!k.startsWith(prefix)) break;
      out.push(k);
    }
    return out;
  }

  /** True when some key starts with `prefix` (used to stop extending a multi-word name early). */
  hasPrefix(prefix: string): boolean {
    const i = this.lowerBound(prefix);
    return i < this.starts.length && this.keyAt(i).startsWith(prefix);
  }
}
