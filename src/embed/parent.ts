// The parent-page script (built to dist/embed/parent.js, no dependencies, a
// classic script): include it once on a page with one or more
//   <iframe data-event-map src=".../embed.html?date=2025-05-24" ...></iframe>
// and it
// - gives each iframe an id (the childId in its URL, else its data-event-map
//   value, else event-map-<n>) by postMessage, never by reloading it, and asks
//   it for its status (the handshake in ./parent-core.ts),
// - sends each iframe its width (pym "width" message) on load and whenever the
//   iframe's width changes (ResizeObserver),
// - sets each iframe's height from the height messages it posts (pym.js or
//   Datawrapper dialect; matched by event.source),
// - re-dispatches the embed's events on the iframe element as DOM events
//   ("eventmap:ready", "eventmap:dateChanged", …; detail = the message), so the
//   page can listen per iframe.
// Iframes added later are picked up (MutationObserver).
import { pymMessage } from './height-protocol';
import { actionFor, childIdOf, Handshake } from './parent-core';
import type { Hello } from './messages';

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
  const handshakes = new WeakMap<HTMLIFrameElement, Handshake>();
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

  function post(f: HTMLIFrameElement, message: Hello) {
    // Before the iframe's document has loaded this reaches nothing (or a blank page): its load event greets it again.
    f.contentWindow?.postMessage(message, targetOrigin(f));
  }

  function setUp(f: HTMLIFrameElement) {
    if (ids.has(f)) return;
    const { id } = childIdOf(f.getAttribute('src') ?? '', f.getAttribute('data-event-map'), ++counter);
    ids.set(f, id);
    const hs = new Handshake(id);
    handshakes.set(f, hs);
    f.addEventListener('load', () => {
      post(f, hs.loaded());
      sendWidth(f);
    });
    post(f, hs.loaded());
    sizes?.observe(f);
  }

  function scan() {
    for (const f of frames()) setUp(f);
  }

  window.addEventListener('message', (e: MessageEvent) => {
    const action = actionFor(frames(), e.source, e.data);
    if (!action) return;
    const hs = handshakes.get(action.frame);
    const next = hs ? hs.heard(action) : { hello: null, dispatch: action.kind === 'event' };
    if (next.hello) post(action.frame, next.hello);
    if (action.kind === 'height') {
      const px = `${action.height}px`;
      if (action.frame.style.height !== px) action.frame.style.height = px;
      action.frame.setAttribute('height', String(action.height));
    } else if (next.dispatch) {
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
