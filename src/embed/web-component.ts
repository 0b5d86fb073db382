// <event-map src="events.geojson" date="2025-05-24" autoplay show="legend list" loading="lazy">
// A custom element around the App for plain HTML pages: dist/event-map.js (this
// small module) and dist/event-map.css. The element is defined at once and shows
// a placeholder of the map's height with "Loading map…"; the app itself (Svelte,
// MapLibre, the App: ./web-component-app.ts) is a dynamic import of chunks in
// assets/, resolved against this module's URL like its basemap, fonts and
// MapLibre's worker, so everything comes from where event-map.js was loaded.
// `loading="lazy"` (like <iframe loading=lazy>) starts that import only when the
// element comes within about one viewport of being visible; the default is eager.
//
// Light DOM, no shadow root: MapLibre's CSS and controls work as on any page,
// and the host page can style the element. Attributes are those of ./params.ts;
// changing `date` moves the map, changing any other re-creates it (`loading`
// only matters before the app has loaded). The data URL resolves against the
// host page (like <img src>).
//
// Events (bubbling CustomEvents, detail = the message of ./messages.ts):
//   ready, datechanged, eventselected, playing, error
// Methods: setDate('2025-05-24'), play(), pause(), selectEvent(id | null);
// property `date` (the current ISO day, or null before the data is loaded).
//
// Only ./lazy.ts is imported statically (see there why).
import { isIsoDay, parseLoading, whenNearViewport } from './lazy';
import type { EventMapController } from './web-component-app';
import type { EmbedEvent } from './messages';
import './placeholder.css';

const ATTRIBUTES = ['src', 'data', 'date', 'mode', 'categories', 'autoplay', 'loop', 'speed', 'theme', 'show', 'headline', 'view'];
/** Where event-map.js was loaded from: basemap/ and fonts/ sit next to it. */
const ASSET_BASE = new URL(/* @vite-ignore */ './', import.meta.url).href;

let counter = 0;

export class EventMapElement extends HTMLElement {
  static observedAttributes = [...ATTRIBUTES, 'loading'];
  #controller: EventMapController | null = null;
  #loading: Promise<void> | null = null;
  #cancelLazy: (() => void) | null = null;
  // Calls made before the app's code has arrived, replayed on the controller (which queues them until the data is in).
  #early: ((c: EventMapController) => void)[] = [];
  readonly #id = `event-map-${++counter}`;

  get date(): string | null {
    return this.#controller?.date ?? null;
  }

  connectedCallback(): void {
    this.classList.add('em-auto');
    if (this.#controller) {
      this.#controller.mount();
      return;
    }
    if (this.#loading || this.#cancelLazy) return;
    this.#placeholder('Loading map…');
    if (parseLoading(this.getAttribute('loading')) === 'lazy') this.#cancelLazy = whenNearViewport(this, () => this.#load());
    else this.#load();
  }

  disconnectedCallback(): void {
    // A move within the page disconnects and reconnects at once: keep the map then.
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.#controller?.unmount();
      this.#cancelLazy?.();
      this.#cancelLazy = null;
    });
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name === 'loading') {
      // lazy → eager before the code has arrived: start now.
      if (this.#cancelLazy && parseLoading(value) === 'eager' && this.isConnected) this.#load();
      return;
    }
    this.#controller?.attributeChanged(name, old, value);
  }

  #call<T>(fn: (c: EventMapController) => T, queued: T): T {
    if (this.#controller) return fn(this.#controller);
    if (this.#early.length < 50) this.#early.push((c) => void fn(c));
    return queued;
  }

  /** Moves the map to a day; false for a day that is not YYYY-MM-DD. */
  setDate(isoDay: string): boolean {
    if (!isIsoDay(isoDay)) return false;
    return this.#call((c) => c.setDate(isoDay), true);
  }
  play(): void {
    this.#call((c) => c.play(), undefined);
  }
  pause(): void {
    this.#call((c) => c.pause(), undefined);
  }
  /** Selects an event by id (null clears); false for an id the data does not have. */
  selectEvent(id: string | null): boolean {
    return this.#call((c) => c.selectEvent(id), true);
  }

  #placeholder(text: string, alert = false): void {
    const box = document.createElement('div');
    box.className = 'em-placeholder';
    box.setAttribute('role', alert ? 'alert' : 'status');
    box.textContent = text;
    this.replaceChildren(box);
  }

  #load(): void {
    this.#cancelLazy?.();
    this.#cancelLazy = null;
    if (this.#loading || this.#controller) return;
    this.#loading = import('./web-component-app').then(
      ({ EventMapController }) => {
        this.#loading = null;
        const c = new EventMapController(this, { assetBase: ASSET_BASE, fallbackId: this.#id });
        this.#controller = c;
        if (this.isConnected) c.mount();
        for (const f of this.#early.splice(0)) f(c);
      },
      (e: unknown) => {
        // The code could not be fetched (offline, blocked): say so in the box; reconnecting the element tries again.
        this.#loading = null;
        const message = `The map cannot be shown: its code did not load (${e instanceof Error ? e.message : String(e)})`;
        this.#placeholder(message, true);
        const detail: EmbedEvent = { type: 'eventmap:error', embedId: this.id || this.#id, message };
        this.dispatchEvent(new CustomEvent('error', { detail, bubbles: true }));
      },
    );
  }
}

if (!customElements.get('event-map')) customElements.define('event-map', EventMapElement);
