// The app's clock: the current day, whether it is playing and how fast. A rune
// class so components read it reactively; the frame loop is injected so tests
// drive it without real time.
import type { Domain } from './domain';

export const RATES = [0.5, 1, 2, 4, 8] as const;

export interface FrameLoop {
  request(cb: (t: number) => void): number;
  cancel(handle: number): void;
}

const browserLoop: FrameLoop = {
  request: (cb) => requestAnimationFrame(cb),
  cancel: (h) => cancelAnimationFrame(h),
};

export class Clock {
  day = $state(0);
  playing = $state(false);
  /** Days per second while playing. */
  rate = $state(2);
  domain = $state<Domain>({ start: 0, end: 0 });
  /** Sorted distinct days that have events (for next/prev). */
  eventDays = $state<number[]>([]);

  #pos = 0;
  #last: number | null = null;
  #handle: number | null = null;
  readonly #loop: FrameLoop;

  constructor(opts: { domain: Domain; day?: number; eventDays?: readonly number[]; rate?: number; loop?: FrameLoop }) {
    this.#loop = opts.loop ?? browserLoop;
    this.domain = { ...opts.domain };
    this.eventDays = [...new Set(opts.eventDays ?? [])].sort((a, b) => a - b);
    if (opts.rate !== undefined) this.setRate(opts.rate);
    this.setDay(opts.day ?? opts.domain.start);
  }

  #clamp(d: number): number {
    return Math.min(this.domain.end, Math.max(this.domain.start, Math.round(d)));
  }

  setDay(d: number): void {
    const c = this.#clamp(d);
    this.#pos = c;
    if (c !== this.day) this.day = c;
  }

  setDomain(domain: Domain): void {
    this.domain = { ...domain };
    this.setDay(this.day);
  }

  setRate(r: number): void {
    this.rate = Math.min(8, Math.max(0.5, r));
  }

  step(n: number): void {
    this.setDay(this.day + n);
  }

  /** Next day with events after the current one (within the domain), if any. */
  nextEventDay(): number | null {
    return this.eventDays.find((d) => d > this.day && d <= this.domain.end) ?? null;
  }

  prevEventDay(): number | null {
    for (let i = this.eventDays.length - 1; i >= 0; i--) {
      const d = this.eventDays[i]!;
      if (d < this.day && d >= this.domain.start) return d;
    }
    return null;
  }

  nextEvent(): void {
    const d = this.nextEventDay();
    if (d !== null) this.setDay(d);
  }

  prevEvent(): void {
    const d = this.prevEventDay();
    if (d !== null) this.setDay(d);
  }

  play(): void {
    if (this.playing) return;
    if (this.day >= this.domain.end) this.setDay(this.domain.start);
    this.playing = true;
    this.#pos = this.day;
    this.#last = null;
    this.#handle = this.#loop.request(this.#frame);
  }

  pause(): void {
    this.playing = false;
    if (this.#handle !== null) this.#loop.cancel(this.#handle);
    this.#handle = null;
    this.#last = null;
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  /** One animation frame: advance by rate × elapsed time; stop at the end. */
  #frame = (t: number): void => {
    if (!this.playing) return;
    if (this.#last !== null) {
      const dt = Math.min(0.25, Math.max(0, (t - this.#last) / 1000)); // a hidden tab must not jump
      this.#pos += this.rate * dt;
    }
    this.#last = t;
    const d = Math.min(this.domain.end, Math.floor(this.#pos));
    if (d !== this.day) this.day = d;
    if (this.#pos >= this.domain.end) {
      this.pause();
      return;
    }
    this.#handle = this.#loop.request(this.#frame);
  };

  destroy(): void {
    this.pause();
  }
}
