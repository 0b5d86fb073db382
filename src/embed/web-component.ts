// <event-map src="events.geojson" date="2025-05-24" autoplay show="legend list">
// A custom element around the App, built as one ES module plus one CSS file
// (dist/event-map.js, dist/event-map.css) for plain HTML pages. Light DOM, no
// shadow root: MapLibre's CSS and controls work as on any page, and the host
// page can style the element. Attributes are those of ./params.ts; changing
// `date` moves the map, changing any other re-creates it. The basemap, fonts
// and MapLibre's worker resolve from this module's own URL, the data URL from
// the host page (like <img src>).
//
// Events (bubbling CustomEvents, detail = the message of ./messages.ts):
//   ready, datechanged, eventselected, playing, error
// Methods: setDate('2025-05-24'), play(), pause(), selectEvent(id | null);
// property `date` (the current ISO day, or null before the data is loaded).
import { mount, unmount } from 'svelte';
import App from '../App.svelte';
import { parseParams } from './params';
import { appProps } from './app-props';
import { domEventName, type EmbedEvent } from './messages';
import type { EmbedApi } from './bridge';
import { parseIsoDay } from '../time/days';
import './embed.css';

const ATTRIBUTES = ['src', 'data', 'date', 'mode', 'categories', 'autoplay', 'loop', 'speed', 'theme', 'show', 'headline', 'view'];
/** Where event-map.js was loaded from: basemap/ and fonts/ sit next to it. */
const ASSET_BASE = new URL(/* @vite-ignore */ './', import.meta.url).href;

type AppHandle = EmbedApi & Record<string, unknown>;

let counter = 0;

export class EventMapElement extends HTMLElement {
  static observedAttributes = ATTRIBUTES;
  #app: AppHandle | null = null;
  #ready = false;
  #date: string | null = null;
  #pending = false;
  readonly #id = `event-map-${++counter}`;

  get date(): string | null {
    return this.#date;
  }

  connectedCallback(): void {
    this.classList.add('em-auto');
    if (!this.#app) this.#mount();
  }

  disconnectedCallback(): void {
    // A move within the page disconnects and reconnects at once: keep the map then.
    queueMicrotask(() => {
      if (!this.isConnected) this.#unmount();
    });
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (!this.#app || old === value) return;
    if (name === 'date' && value && parseIsoDay(value) !== null && this.#ready) {
      if (value !== this.#date) this.#app.setDate(value);
      return;
    }
    // Several attributes set in a row re-create the map once.
    if (this.#pending) return;
    this.#pending = true;
    queueMicrotask(() => {
      this.#pending = false;
      if (!this.isConnected) return;
      this.#unmount();
      this.#mount();
    });
  }

  // Calls made before the data has loaded run once it has (like the iframe's queued commands).
  #later: ((app: AppHandle) => void)[] = [];
  #call<T>(fn: (app: AppHandle) => T, queued: T): T {
    if (this.#app && this.#ready) return fn(this.#app);
    if (this.#later.length < 50) this.#later.push((a) => void fn(a));
    return queued;
  }

  /** Moves the map to a day; false for a day that is not YYYY-MM-DD. */
  setDate(isoDay: string): boolean {
    if (parseIsoDay(isoDay) === null) return false;
    return this.#call((a) => a.setDate(isoDay), true);
  }
  play(): void {
    this.#call((a) => a.play(), undefined);
  }
  pause(): void {
    this.#call((a) => a.pause(), undefined);
  }
  /** Selects an event by id (null clears); false for an id the data does not have. */
  selectEvent(id: string | null): boolean {
    return this.#call((a) => a.selectEvent(id), true);
  }

  #emit(event: EmbedEvent extends infer E ? (E extends EmbedEvent ? Omit<E, 'embedId'> : never) : never): void {
    const detail = { ...event, embedId: this.id || this.#id } as EmbedEvent;
    this.dispatchEvent(new CustomEvent(domEventName(detail.type), { detail, bubbles: true }));
  }

  #mount(): void {
    const params = parseParams((n) => this.getAttribute(n));
    this.#ready = false;
    this.#date = null;
    const target = document.createElement('div');
    target.className = 'em-host-root';
    this.replaceChildren(target);
    this.#app = mount(App, {
      target,
      props: {
        ...appProps(params, new URL('data/events.geojson', ASSET_BASE).href, matchMedia('(prefers-reduced-motion: reduce)').matches),
        assetBase: ASSET_BASE,
        onstatus: (s) => {
          if (s.kind === 'ready') {
            this.#ready = true;
            this.#date = s.date ?? null;
            this.#emit({ type: 'eventmap:ready', date: s.date ?? null });
            const app = this.#app;
            if (app) for (const f of this.#later.splice(0)) queueMicrotask(() => f(app));
          } else if (s.kind === 'error') {
            this.#emit({ type: 'eventmap:error', message: s.message ?? 'error' });
          }
        },
        ondate: (date) => {
          this.#date = date;
          this.#emit({ type: 'eventmap:dateChanged', date });
        },
        onselectevent: (id) => this.#emit({ type: 'eventmap:eventSelected', id }),
        onplaying: (playing) => this.#emit({ type: 'eventmap:playing', playing }),
        // The crash screen's "Try again": a fresh map in this element, never a reload of the host page.
        onretry: () =>
          queueMicrotask(() => {
            if (!this.isConnected) return;
            this.#unmount();
            this.#mount();
          }),
      },
    }) as AppHandle;
  }

  #unmount(): void {
    if (this.#app) void unmount(this.#app);
    this.#app = null;
    this.#ready = false;
  }
}

if (!customElements.get('event-map')) customElements.define('event-map', EventMapElement);
