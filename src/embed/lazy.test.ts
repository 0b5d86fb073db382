import { describe, expect, it } from 'vitest';
import { isIsoDay, NEAR_VIEWPORT_MARGIN, parseLoading, whenNearViewport } from './lazy';
import { parseIsoDay } from '../time/days';

describe('parseLoading (the loading attribute, as for <iframe>)', () => {
  it.each([
    [null, 'eager'],
    ['', 'eager'],
    ['lazy', 'lazy'],
    [' LAZY ', 'lazy'],
    ['Lazy', 'lazy'],
    ['eager', 'eager'],
    ['auto', 'eager'],
    ['lazyish', 'eager'],
  ] as const)('%j → %s', (v, expected) => expect(parseLoading(v)).toBe(expected));
});

/** A stand-in IntersectionObserver the test drives by hand. */
function fakeObserver() {
  const made: { cb: IntersectionObserverCallback; opts?: IntersectionObserverInit; observed: unknown[]; disconnected: boolean }[] = [];
  class FakeIO {
    rec: (typeof made)[number];
    constructor(cb: IntersectionObserverCallback, opts?: IntersectionObserverInit) {
      this.rec = { cb, opts, observed: [], disconnected: false };
      made.push(this.rec);
    }
    observe(el: Element) {
      this.rec.observed.push(el);
    }
    disconnect() {
      this.rec.disconnected = true;
    }
  }
  const fire = (isIntersecting: boolean) => {
    const r = made[0]!;
    r.cb([{ isIntersecting } as IntersectionObserverEntry], {} as IntersectionObserver);
  };
  return { FakeIO, made, fire };
}

describe('whenNearViewport', () => {
  const el = {} as Element;

  it('watches the element with a margin of one viewport above and below', () => {
    const { FakeIO, made } = fakeObserver();
    whenNearViewport(el, () => {}, FakeIO);
    expect(made).toHaveLength(1);
    expect(made[0]!.observed).toEqual([el]);
    expect(made[0]!.opts?.rootMargin).toBe(NEAR_VIEWPORT_MARGIN);
    expect(NEAR_VIEWPORT_MARGIN).toBe('100% 0px');
  });

  it('starts once, on the first intersecting entry, and stops observing', () => {
    const { FakeIO, made, fire } = fakeObserver();
    let starts = 0;
    whenNearViewport(el, () => starts++, FakeIO);
    fire(false);
    expect(starts).toBe(0);
    expect(made[0]!.disconnected).toBe(false);
    fire(true);
    fire(true);
    expect(starts).toBe(1);
    expect(made[0]!.disconnected).toBe(true);
  });

  it('cancel stops it for good', () => {
    const { FakeIO, made, fire } = fakeObserver();
    let starts = 0;
    const cancel = whenNearViewport(el, () => starts++, FakeIO);
    cancel();
    expect(made[0]!.disconnected).toBe(true);
    fire(true);
    expect(starts).toBe(0);
  });

  it('without IntersectionObserver it starts at once (after the current task), unless cancelled', async () => {
    let starts = 0;
    whenNearViewport(el, () => starts++, undefined);
    expect(starts).toBe(0);
    await Promise.resolve();
    expect(starts).toBe(1);
    const cancel = whenNearViewport(el, () => starts++, undefined);
    cancel();
    await Promise.resolve();
    expect(starts).toBe(1);
  });
});

describe('isIsoDay agrees with parseIsoDay', () => {
  it.each(['2025-05-24', '2024-02-29', '2025-02-29', '2025-13-01', '2025-00-10', '2025-5-24', '2025-05-24T00:00', ' 2025-05-24', '', 'x', '0999-12-31', '2025-04-31'])('%j', (s) => {
    expect(isIsoDay(s)).toBe(parseIsoDay(s) !== null);
  });
});
