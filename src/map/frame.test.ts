import { describe, expect, it } from 'vitest';
import { latestPerFrame, type FrameScheduler } from './frame';

function manual() {
  const cbs = new Map<number, () => void>();
  let n = 1;
  const s: FrameScheduler = {
    request: (cb) => (cbs.set(n, cb), n++),
    cancel: (h) => void cbs.delete(h),
  };
  const frame = () => {
    const list = [...cbs.values()];
    cbs.clear();
    list.forEach((cb) => cb());
  };
  return { s, frame, size: () => cbs.size };
}

describe('latestPerFrame', () => {
  it('applies once per frame with the latest value', () => {
    const m = manual();
    const seen: number[] = [];
    const q = latestPerFrame<number>((v) => seen.push(v), m.s);
    q.push(1);
    q.push(2);
    q.push(3);
    expect(m.size()).toBe(1);
    m.frame();
    expect(seen).toEqual([3]);
    m.frame();
    expect(seen).toEqual([3]);
    q.push(4);
    m.frame();
    expect(seen).toEqual([3, 4]);
  });
  it('flushes now and cancels', () => {
    const m = manual();
    const seen: number[] = [];
    const q = latestPerFrame<number>((v) => seen.push(v), m.s);
    q.push(1);
    q.flush();
    expect(seen).toEqual([1]);
    expect(m.size()).toBe(0);
    q.push(2);
    q.cancel();
    m.frame();
    expect(seen).toEqual([1]);
  });
});
