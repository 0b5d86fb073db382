// Coalesces rapid updates (slider drags fire many input events a frame) into
// one per animation frame; the latest value wins.
export interface FrameScheduler {
  request(cb: () => void): number;
  cancel(h: number): void;
}

const rafScheduler: FrameScheduler = {
  request: (cb) => requestAnimationFrame(() => cb()),
  cancel: (h) => cancelAnimationFrame(h),
};

export function latestPerFrame<T>(apply: (value: T) => void, scheduler: FrameScheduler = rafScheduler) {
  let pending: { value: T } | null = null;
  let handle: number | null = null;
  const flush = () => {
    handle = null;
    const p = pending;
    pending = null;
    if (p) apply(p.value);
  };
  return {
    push(value: T): void {
      pending = { value };
      if (handle === null) handle = scheduler.request(flush);
    },
    /** Applies a pending value now (e.g. before tests read the map). */
    flush(): void {
      if (handle !== null) scheduler.cancel(handle);
      flush();
    },
    cancel(): void {
      if (handle !== null) scheduler.cancel(handle);
      handle = null;
      pending = null;
    },
  };
}
