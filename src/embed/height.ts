// Child side of the responsive-height protocols: whenever the embed's content
// changes size, tell the parent page its height in both the pym.js and the
// Datawrapper dialect (./height-protocol.ts). The browser pieces are injected,
// so the logic is tested without a DOM.
import { heightMessages, parseWidthMessage } from './height-protocol';

export interface HeightDeps {
  /** The content height in CSS pixels. */
  measure(): number;
  /** Sends one message to the parent window. */
  post(message: unknown): void;
  /** Calls back whenever the content may have changed size; returns an unsubscribe. */
  observe(onChange: () => void): () => void;
  /** Calls back with every message the window receives; returns an unsubscribe. */
  listen(onMessage: (data: unknown) => void): () => void;
}

export interface HeightReporter {
  /** Measures now and posts if the height changed (or when forced). */
  update(force?: boolean): void;
  stop(): void;
}

export function startHeightReporter(childId: string, deps: HeightDeps): HeightReporter {
  let last = -1;
  let stopped = false;
  const update = (force = false) => {
    if (stopped) return;
    const h = Math.ceil(deps.measure());
    if (!Number.isFinite(h) || h <= 0) return;
    if (!force && h === last) return;
    last = h;
    for (const m of heightMessages(childId, h)) deps.post(m);
  };
  const unobserve = deps.observe(() => update());
  // A pym parent sends our width when its page resizes and waits for a height back.
  const unlisten = deps.listen((data) => {
    if (parseWidthMessage(data, childId) !== null) update(true);
  });
  update(true);
  return {
    update,
    stop() {
      stopped = true;
      unobserve();
      unlisten();
    },
  };
}

/** The browser wiring: measures `root`, posts to window.parent (a no-op when not framed). */
export function reportHeight(root: Element, childId: string): HeightReporter | null {
  if (window.parent === window) return null;
  return startHeightReporter(childId, {
    measure: () => Math.max(root.getBoundingClientRect().height, root.scrollHeight),
    // Heights are no secret and the parent's origin is unknown to the child: '*' is the convention of both protocols.
    post: (m) => window.parent.postMessage(m, '*'),
    // No requestAnimationFrame here: Chromium throttles rendering in off-screen
    // cross-origin frames, and the reporter must still answer the parent's width
    // messages (which measure synchronously) while the embed is scrolled away.
    observe: (cb) => {
      const ro = new ResizeObserver(() => cb());
      ro.observe(root);
      return () => ro.disconnect();
    },
    listen: (cb) => {
      const h = (e: MessageEvent) => {
        if (e.source === window.parent) cb(e.data);
      };
      window.addEventListener('message', h);
      return () => window.removeEventListener('message', h);
    },
  });
}
