import { describe, expect, it } from 'vitest';
import { startHeightReporter, type HeightDeps } from './height';

function harness(initial: number) {
  let height = initial;
  const posted: unknown[] = [];
  let change: (() => void) | null = null;
  let message: ((d: unknown) => void) | null = null;
  let unsubscribed = 0;
  const deps: HeightDeps = {
    measure: () => height,
    post: (m) => posted.push(m),
    observe: (cb) => {
      change = cb;
      return () => unsubscribed++;
    },
    listen: (cb) => {
      message = cb;
      return () => unsubscribed++;
    },
  };
  return {
    deps,
    posted,
    resize(h: number) {
      height = h;
      change?.();
    },
    receive: (d: unknown) => message?.(d),
    unsubscribed: () => unsubscribed,
  };
}

describe('startHeightReporter', () => {
  it('posts the height at start in both protocols', () => {
    const h = harness(480.3);
    startHeightReporter('em-1', h.deps);
    expect(h.posted).toEqual(['pymxPYMxem-1xPYMxheightxPYMx481', { 'datawrapper-height': { 'em-1': 481 } }]);
  });
  it('posts again only when the height changes', () => {
    const h = harness(400);
    startHeightReporter('em-1', h.deps);
    h.resize(400);
    expect(h.posted).toHaveLength(2);
    h.resize(520);
    expect(h.posted.slice(2)).toEqual(['pymxPYMxem-1xPYMxheightxPYMx520', { 'datawrapper-height': { 'em-1': 520 } }]);
  });
  it('answers a pym width message for its own id, not for another', () => {
    const h = harness(400);
    startHeightReporter('em-1', h.deps);
    h.receive('pymxPYMxem-2xPYMxwidthxPYMx300');
    expect(h.posted).toHaveLength(2);
    h.receive('pymxPYMxem-1xPYMxwidthxPYMx300');
    expect(h.posted).toHaveLength(4);
  });
  it('ignores a zero height (not laid out yet) and stops cleanly', () => {
    const h = harness(0);
    const r = startHeightReporter('em-1', h.deps);
    expect(h.posted).toHaveLength(0);
    r.stop();
    expect(h.unsubscribed()).toBe(2);
    h.resize(300);
    expect(h.posted).toHaveLength(0);
  });
});
