// Memory of the browser: sum of RSS (and PSS) of every process descending from
// this Node process (playwright-core spawns Chromium as our child), read from /proc.
import { readdirSync, readFileSync } from 'node:fs';

function children(): Map<number, number[]> {
  const kids = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Field 4 (ppid) follows the parenthesised command, which may contain spaces.
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(rest[1]);
      const list = kids.get(ppid) ?? [];
      list.push(Number(name));
      kids.set(ppid, list);
    } catch {
      /* process exited */
    }
  }
  return kids;
}

export function descendants(root = process.pid): number[] {
  const kids = children();
  const out: number[] = [];
  const stack = [...(kids.get(root) ?? [])];
  while (stack.length) {
    const p = stack.pop()!;
    out.push(p);
    stack.push(...(kids.get(p) ?? []));
  }
  return out;
}

function kb(text: string, key: string): number {
  const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text);
  return m ? Number(m[1]) : 0;
}

/** {rssMb, pssMb} summed over the process tree under `root`. */
export function treeMemory(root = process.pid): { rssMb: number; pssMb: number; processes: number } {
  let rss = 0, pss = 0, n = 0;
  for (const pid of descendants(root)) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      rss += kb(status, 'VmRSS');
      try {
        pss += kb(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'), 'Pss');
      } catch {
        /* no smaps_rollup */
      }
      n++;
    } catch {
      /* exited */
    }
  }
  return { rssMb: rss / 1024, pssMb: pss / 1024, processes: n };
}
