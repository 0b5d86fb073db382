// The web component's loader logic, kept free of the app's modules: event-map.js
// (./web-component.ts) imports only this, so its dynamic import of the app is
// the one way to the app's code and no app chunk imports event-map.js back.

/** Like <iframe loading>: "lazy" (any case, trimmed) waits until the element is near the viewport; anything else is eager. */
export type Loading = 'eager' | 'lazy';

export function parseLoading(value: string | null): Loading {
  return value?.trim().toLowerCase() === 'lazy' ? 'lazy' : 'eager';
}

/** About one viewport above and below the visible area, as browsers do for lazy iframes. */
export const NEAR_VIEWPORT_MARGIN = '100% 0px';

type ObserverCtor = new (cb: IntersectionObserverCallback, opts?: IntersectionObserverInit) => Pick<IntersectionObserver, 'observe' | 'disconnect'>;

/**
 * Calls `start` once, when `el` comes within NEAR_VIEWPORT_MARGIN of the
 * viewport (at once where IntersectionObserver is missing). Returns a cancel function.
 */
export function whenNearViewport(el: Element, start: () => void, Observer: ObserverCtor | undefined = globalThis.IntersectionObserver): () => void {
  let done = false;
  const fire = () => {
    if (done) return;
    done = true;
    start();
  };
  if (!Observer) {
    queueMicrotask(fire);
    return () => void (done = true);
  }
  const io = new Observer(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      io.disconnect();
      fire();
    },
    { rootMargin: NEAR_VIEWPORT_MARGIN },
  );
  io.observe(el);
  return () => {
    done = true;
    io.disconnect();
  };
}

/** "YYYY-MM-DD" naming a real calendar day (the same rule as ../time/days parseIsoDay, without its imports). */
export function isIsoDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const t = new Date(Date.UTC(y, mo, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo && t.getUTCDate() === d;
}
