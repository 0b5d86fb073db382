// The app side of <event-map>, loaded by ./web-component.ts with a dynamic
// import (so Svelte, MapLibre and the App arrive only when the element needs
// them). One controller per element: it mounts the App into the element
// (replacing the placeholder), re-creates it when attributes change, queues
// calls made before the data has loaded, and fires the element's events.
import { mount, unmount } from 'svelte';
import App from '../App.svelte';
import { parseParams } from './params';
import { appProps } from './app-props';
import { domEventName, type EmbedEvent } from './messages';
import type { EmbedApi } from './bridge';
import { parseIsoDay } from '../time/days';
import './embed.css';

type AppHandle = EmbedApi & Record<string, unknown>;

export interface ControllerOptions {
  /** Where event-map.js was loaded from: basemap/, fonts/ and the default data sit next to it. */
  assetBase: string;
  /** embedId in event details when the element has no id. */
  fallbackId: string;
}

export class EventMapController {
  #app: AppHandle | null = null;
  #ready = false;
  #date: string | null = null;
  #pending = false;
  // Calls made before the data has loaded run once it has (like the iframe's queued commands).
  #later: ((app: AppHandle) => void)[] = [];

  constructor(
    readonly host: HTMLElement,
    readonly options: ControllerOptions,
  ) {}

  get date(): string | null {
    return this.#date;
  }

  get mounted(): boolean {
    return this.#app !== null;
  }

  attributeChanged(name: string, old: string | null, value: string | null): void {
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
      if (!this.host.isConnected) return;
      this.unmount();
      this.mount();
    });
  }

  #call<T>(fn: (app: AppHandle) => T, queued: T): T {
    if (this.#app && this.#ready) return fn(this.#app);
    if (this.#later.length < 50) this.#later.push((a) => void fn(a));
    return queued;
  }

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
  selectEvent(id: string | null): boolean {
    return this.#call((a) => a.selectEvent(id), true);
  }

  #emit(event: EmbedEvent extends infer E ? (E extends EmbedEvent ? Omit<E, 'embedId'> : never) : never): void {
    const detail = { ...event, embedId: this.host.id || this.options.fallbackId } as EmbedEvent;
    this.host.dispatchEvent(new CustomEvent(domEventName(detail.type), { detail, bubbles: true }));
  }

  mount(): void {
    if (this.#app) return;
    const host = this.host;
    const base = this.options.assetBase;
    const params = parseParams((n) => host.getAttribute(n));
    this.#ready = false;
    this.#date = null;
    const target = document.createElement('div');
    target.className = 'em-host-root';
    host.replaceChildren(target);
    this.#app = mount(App, {
      target,
      props: {
        ...appProps(params, new URL('data/events.geojson', base).href, matchMedia('(prefers-reduced-motion: reduce)').matches),
        assetBase: base,
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
            if (!host.isConnected) return;
            this.unmount();
            this.mount();
          }),
      },
    }) as AppHandle;
  }

  unmount(): void {
    if (this.#app) void unmount(this.#app);
    this.#app = null;
    this.#ready = false;
  }
}
