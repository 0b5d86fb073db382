// EventStore over GeoJSON features (the seed-sized data): everything is in memory,
// so the answers are exactly the app's historical ones (list order, same place by
// coordinates, headline from the articles).
import type { Geometry } from 'geojson';
import { CATEGORIES, type ArticleMeta, type Category, type EventFeature } from '../events/types';
import { boundsOf, type Bounds } from '../map/geometry';
import { eventsAtSamePlace } from '../map/events/prepare';
import { formatDayRange, parseIsoDay } from '../time/days';
import { domainHidesEvents, fullDomain, storyDomain, type DayEvent, type Domain } from '../time/domain';
import { binDays, type Bin } from '../time/histogram';
import type { Capped, EventStore } from './event-store';

export class FeatureStore implements EventStore {
  readonly kind = 'features';
  readonly partial = false;
  readonly size: number;
  readonly story: Domain | null;
  readonly full: Domain | null;
  readonly eventDays: readonly number[];
  readonly counts: Partial<Record<Category, number>>;
  private readonly byId: Map<string, EventFeature>;
  private readonly days: Map<string, number>;
  private readonly dayEvents: DayEvent[];
  // Per day, in input order: a date step reads one bucket.
  private readonly byDay = new Map<number, EventFeature[]>();

  constructor(
    readonly features: readonly EventFeature[],
    readonly articles: readonly ArticleMeta[] = [],
  ) {
    this.size = features.length;
    this.byId = new Map(features.map((e) => [e.id, e]));
    this.days = new Map(features.map((e) => [e.id, parseIsoDay(e.properties.date)!]));
    this.dayEvents = features.map((e) => ({ day: this.days.get(e.id)!, status: e.properties.status }));
    this.story = storyDomain(this.dayEvents);
    this.full = fullDomain(this.dayEvents);
    this.eventDays = [...new Set(this.dayEvents.map((e) => e.day))].sort((a, b) => a - b);
    const c: Partial<Record<Category, number>> = {};
    for (const e of features) c[e.properties.category] = (c[e.properties.category] ?? 0) + 1;
    this.counts = c;
    for (const e of features) {
      const d = this.days.get(e.id)!;
      const bucket = this.byDay.get(d);
      if (bucket) bucket.push(e);
      else this.byDay.set(d, [e]);
    }
  }

  hidesEvents(domain: Domain): boolean {
    return domainHidesEvents(domain, this.dayEvents);
  }

  bins(visible: ReadonlySet<Category>, domain: Domain): Bin[] {
    return binDays(this.features.filter((e) => visible.has(e.properties.category)).map((e) => this.days.get(e.id)!), domain);
  }

  headline(): string {
    const storyDays = this.features.filter((e) => e.properties.status !== 'background').map((e) => this.days.get(e.id)!);
    if (storyDays.length === 0) return '';
    const n = this.size;
    const a = this.articles.length || new Set(this.features.map((e) => e.properties.source.article)).size;
    return `${n} ${n === 1 ? 'event' : 'events'} from ${a === 1 ? 'one article' : `${a} articles`}, ${formatDayRange(Math.min(...storyDays), Math.max(...storyDays))}`;
  }

  defaultDay(st: Domain): number {
    let best: number | null = null;
    for (const e of this.features) {
      const d = this.days.get(e.id)!;
      if (e.properties.status === 'reported' && d >= st.start && d <= st.end && (best === null || d > best)) best = d;
    }
    return best ?? st.end;
  }

  initialBounds(): Bounds | null {
    const st = this.story;
    const inStory = st
      ? this.features.filter((e) => {
          const d = this.days.get(e.id)!;
          return e.properties.status !== 'background' && d >= st.start && d <= st.end;
        })
      : [];
    return boundsOf((inStory.length ? inStory : this.features).map((e) => e.geometry));
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  dayOf(id: string): number | undefined {
    return this.days.get(id);
  }

  get(id: string): EventFeature | undefined {
    return this.byId.get(id);
  }

  dayList(day: number, visible: ReadonlySet<Category>, limit = Infinity): Capped {
    const all = (this.byDay.get(day) ?? [])
      .filter((e) => visible.has(e.properties.category))
      .sort(
        (a, b) =>
          CATEGORIES.indexOf(a.properties.category) - CATEGORIES.indexOf(b.properties.category) ||
          a.properties.place.name.localeCompare(b.properties.place.name),
      );
    return { events: all.length > limit ? all.slice(0, limit) : all, total: all.length };
  }

  samePlace(id: string, limit = Infinity): Capped {
    const e = this.byId.get(id);
    const all = e ? eventsAtSamePlace(e, this.features) : [];
    return { events: all.length > limit ? all.slice(0, limit) : all, total: all.length };
  }

  geometryOf(id: string): Geometry | null {
    return this.byId.get(id)?.geometry ?? null;
  }

  async loadDetails(id: string): Promise<{ event: EventFeature; article: ArticleMeta | undefined }> {
    const event = this.byId.get(id);
    if (!event) throw new Error(`no event ${id}`);
    return { event, article: this.articles.find((a) => a.id === event.properties.source.article) };
  }
}
