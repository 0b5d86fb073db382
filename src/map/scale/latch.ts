// One update per animation frame, latest value wins: a slider drag or playback may
// push many values between frames; only the last one is applied.
export class FrameLatch<T> {
  private pending: { value: T } | null = null;
  private handle: number | null = null;

  constructor(
    private readonly apply: (value: T) => void,
    private readonly schedule: (cb: () => void) => number = (cb) => requestAnimationFrame(cb),
    private readonly unschedule: (h: number) => void = (h) => cancelAnimationFrame(h),
  ) {}

  push(value: T): void {
    this.pending = { value };
    if (this.handle === null) {
      this.handle = this.schedule(() => {
        this.handle = null;
        const p = this.pending;
        this.pending = null;
        if (p) this.apply(p.value);
      });
    }
  }

  cancel(): void {
    if (this.handle !== null) this.unschedule(this.handle);
    this.handle = null;
    this.pending = null;
  }
}
