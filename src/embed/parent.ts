// The parent-page script (built to dist/embed/parent.js, no dependencies, a
// classic script): include it once on a page with one or more
//   <iframe data-event-map src=".../embed.html?date=2025-05-24" ...></iframe>
// and it
// - gives each iframe a pym.js childId and initialWidth (in its URL) unless the
//   URL already has a childId,
// - sends each iframe its width (pym "width" message) on load and whenever the
//   iframe's width changes (ResizeObserver),
// - sets each iframe's height from the height messages it posts (pym.js or
//   Datawrapper dialect; matched by event.source),
// - re-dispatches the embed's events on the iframe element as DOM events
//   ("eventmap:ready", "eventmap:dateChanged", …; detail = the message), so the
//   page can listen per iframe.
// Iframes added later are picked up (MutationObserver).
import { pymMessage, withPymParams } from './height-protocol';
import { actionFor, childIdOf } from './parent-core';

declare global {
  interface Window {
    __eventMapParent?: boolean;
  }
}

const SELECTOR = 'iframe[data-event-map]';

(() => {
  if (window.__eventMapParent) return;
  window.__eventMapParent = true;

  const ids = new WeakMap<HTMLIFrameElement, string>();
  let counter = 0;

  const frames = () => Array.from(document.querySelectorAll<HTMLIFrameElement>(SELECTOR));

  function targetOrigin(f: HTMLIFrameElement): string {
    try {
      const o = new URL(f.src, location.href).origin;
      return o === 'null' ? '*' : o;
    } catch {
      return '*';
    }
  }

  function sendWidth(f: HTMLIFrameElement) {
    const id = ids.get(f);
    if (!id || !f.contentWindow) return;
    const width = Math.round(f.getBoundingClientRect().width);
    if (width > 0) f.contentWindow.postMessage(pymMessage(id, 'width', width), targetOrigin(f));
  }

  function setUp(f: HTMLIFrameElement) {
    if (ids.has(f)) return;
    const src = f.getAttribute('src') ?? '';
    const { id, inUrl } = childIdOf(src, f.getAttribute('data-event-map'), ++counter);
    ids.set(f, id);
    if (src && !inUrl) {
      f.setAttribute('src', withPymParams(src, id, f.getBoundingClientRect().width || 600));
    }
    f.addEventListener('load', () => sendWidth(f));
    sizes?.observe(f);
  }

  function scan() {
    for (const f of frames()) setUp(f);
  }

  window.addEventListener('message', (e: MessageEvent) => {
    const action = actionFor(frames(), e.source, e.data);
    if (!action) return;
    if (action.kind === 'height') {
      const px = `${action.height}px`;
      if (action.frame.style.height !== px) action.frame.style.height = px;
      action.frame.setAttribute('height', String(action.height));
    } else {
      action.frame.dispatchEvent(new CustomEvent(action.event.type, { detail: action.event }));
    }
  });

  // Each iframe's own width (the window, a column, a CSS breakpoint of the page).
  const widths = new WeakMap<Element, number>();
  const sizes = typeof ResizeObserver === 'function'
    ? new ResizeObserver((entries) => {
        for (const e of entries) {
          const w = Math.round(e.contentRect.width);
          if (widths.get(e.target) === w) continue;
          widths.set(e.target, w);
          sendWidth(e.target as HTMLIFrameElement);
        }
      })
    : null;
  if (!sizes) window.addEventListener('resize', () => frames().forEach(sendWidth));

  scan();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  new MutationObserver(scan).observe(document.documentElement, { childList: true, subtree: true });
})();
