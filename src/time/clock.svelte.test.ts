import { describe, expect, it } from 'vitest';
import { Clock, type FrameLoop } from './clock.svelte';

class ManualLoop implements FrameLoop {
  cbs = new Map<number, (t: number) => void>();
  next = 1;
  t = 0;
  request(cb: (t: number) => void) {
    this.cbs.set(this.next, cb);
    return this.next++;
  }
  cancel(h: number) {
    this.cbs.delete(h);
  }
  /** Runs one frame `ms` later. */
  advance(ms: number) {
    this.t += ms;
    const cbs = [...this.cbs.values()];
    this.cbs.clear();
    for (const cb of cbs) cb(this.t);
  }
}

const domain = { start: 100, end: 120 };

describe('Clock', () => {
  it('clamps and steps', () => {
    const c = new Clock({ domain, day: 50, loop: new ManualLoop() });
    expect(c.day).toBe(100);
    c.step(7);
    expect(c.day).toBe(107);
    c.step(100);
    expect(c.day).toBe(120);
    c.setDay(110.6);
    expect(c.day).toBe(111);
  });

  it('jumps between event days inside the domain', () => {
    const c = new Clock({ domain, day: 100, eventDays: [90, 104, 104, 110, 130], loop: new ManualLoop() });
    c.nextEvent();
    expect(c.day).toBe(104);
    c.nextEvent();
    expect(c.day).toBe(110);
    c.nextEvent();
    expect(c.day).toBe(110); // 130 is outside the domain
    c.prevEvent();
    expect(c.day).toBe(104);
    c.prevEvent();
    expect(c.day).toBe(104); // 90 is outside
  });

  it('plays at the rate, one update per frame, and stops at the end', () => {
    const loop = new ManualLoop();
    const c = new Clock({ domain, day: 100, rate: 4, loop });
    c.play();
    expect(c.playing).toBe(true);
    loop.advance(16); // first frame only records the time
    expect(c.day).toBe(100);
    for (let i = 0; i < 10; i++) loop.advance(50); // 0.5 s at 4 days/s
    expect(c.day).toBe(102);
    c.setRate(100);
    expect(c.rate).toBe(8);
    for (let i = 0; i < 20; i++) loop.advance(250);
    expect(c.day).toBe(120);
    expect(c.playing).toBe(false);
    expect(loop.cbs.size).toBe(0);
  });

  it('restarts from the beginning when played at the end, and pauses', () => {
    const loop = new ManualLoop();
    const c = new Clock({ domain, day: 120, loop });
    c.toggle();
    expect(c.day).toBe(100);
    c.toggle();
    expect(c.playing).toBe(false);
    expect(loop.cbs.size).toBe(0);
  });

  it('does not jump after a long pause between frames', () => {
    const loop = new ManualLoop();
    const c = new Clock({ domain, day: 100, rate: 8, loop });
    c.play();
    loop.advance(16);
    loop.advance(60_000);
    expect(c.day).toBe(102); // capped at 0.25 s a frame
  });
});
