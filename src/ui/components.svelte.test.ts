import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import fixtureText from '../../tests/fixtures/app/events.geojson?raw';
import type { EventCollection, EventFeature } from '../events/types';
import { parseIsoDay } from '../time/days';
import { binDays, dayTicks } from '../time/histogram';
import DateSlider from './DateSlider.svelte';
import EventList from './EventList.svelte';
import Legend from './Legend.svelte';
import EventPanel from './EventPanel.svelte';
import TimeControls from './TimeControls.svelte';

const fixture = JSON.parse(fixtureText) as EventCollection;

// jsdom has no layout and no ResizeObserver (used by bind:clientWidth); widths stay at their defaults.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;
const d = (s: string) => parseIsoDay(s)!;

describe('DateSlider', () => {
  const domain = { start: d('2025-05-14'), end: d('2025-05-27') };
  function setup(day = d('2025-05-20')) {
    const onchange = vi.fn();
    render(DateSlider, { props: { day, domain, bins: binDays([d('2025-05-24')], domain), ticks: dayTicks(domain), onchange } });
    return { onchange, slider: screen.getByRole('slider', { name: 'Date' }) };
  }
  it('says the date in words and spans the domain', () => {
    const { slider } = setup();
    expect(slider.getAttribute('aria-valuetext')).toBe('20 May 2025');
    expect(slider.getAttribute('min')).toBe(String(domain.start));
    expect(slider.getAttribute('max')).toBe(String(domain.end));
  });
  const keys: [string, string][] = [
    ['ArrowRight', '2025-05-21'],
    ['ArrowUp', '2025-05-21'],
    ['ArrowLeft', '2025-05-19'],
    ['PageUp', '2025-05-27'],
    ['PageDown', '2025-05-14'],
    ['Home', '2025-05-14'],
    ['End', '2025-05-27'],
  ];
  for (const [key, to] of keys)
    it(`${key} moves to ${to}`, async () => {
      const { slider, onchange } = setup();
      const ev = await fireEvent.keyDown(slider, { key });
      expect(ev).toBe(false); // default prevented: our step, not the browser's
      expect(onchange).toHaveBeenCalledWith(d(to));
    });
  it('ignores other keys and does not report a non-move', async () => {
    const { slider, onchange } = setup(domain.start);
    await fireEvent.keyDown(slider, { key: 'a' });
    await fireEvent.keyDown(slider, { key: 'Home' });
    expect(onchange).not.toHaveBeenCalled();
  });
  it('reports pointer/input changes', async () => {
    const { slider, onchange } = setup();
    await fireEvent.input(slider, { target: { value: String(d('2025-05-22')) } });
    expect(onchange).toHaveBeenCalledWith(d('2025-05-22'));
  });
});

describe('EventList', () => {
  const today = fixture.features.filter((f) => f.properties.date === '2025-05-24');
  it('is a list named "Events on <date>" and picks an event', async () => {
    const onchoose = vi.fn();
    render(EventList, { props: { day: d('2025-05-24'), events: today, selected: null, onchoose } });
    const list = screen.getByRole('list', { name: 'Events on 24 May 2025' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(today.length);
    expect(list.textContent).toContain('Kyiv');
    expect(list.textContent).toContain('Kupyansk'); // the article's spelling, not the gazetteer's "Kupiansk"
    await fireEvent.click(within(list).getAllByRole('button')[0]!);
    expect(onchoose).toHaveBeenCalledWith(today[0]!.id);
  });
  it('offers the nearest days when a day is empty', async () => {
    const ongoto = vi.fn();
    render(EventList, { props: { day: d('2025-05-20'), events: [], selected: null, onchoose: vi.fn(), prevDay: d('2025-05-16'), nextDay: d('2025-05-23'), ongoto } });
    expect(screen.getByRole('list', { name: 'Events on 20 May 2025' }).children).toHaveLength(0);
    expect(screen.getByText('Nothing reported on this day.')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: '23 May →' }));
    expect(ongoto).toHaveBeenCalledWith(d('2025-05-23'));
  });
});

describe('Legend', () => {
  it('shows counts for the categories present and toggles them', async () => {
    const ontoggle = vi.fn();
    render(Legend, { props: { counts: { strike: 3, talks: 1 }, visible: new Set(['strike'] as const), ontoggle, onall: vi.fn() } });
    const strike = screen.getByRole('button', { name: /^Strike/ });
    expect(strike.getAttribute('aria-pressed')).toBe('true');
    expect(strike.textContent).toContain('3');
    expect(screen.getByRole('button', { name: /^Talks/ }).getAttribute('aria-pressed')).toBe('false');
    expect(screen.queryByRole('button', { name: /^Casualties/ })).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: /^Talks/ }));
    expect(ontoggle).toHaveBeenCalledWith('talks');
    expect(screen.getByRole('button', { name: 'Show all categories' })).toBeTruthy();
  });
});

describe('EventPanel', () => {
  const base = fixture.features.find((f) => f.id === 'strike-kyiv-0524')!;
  const evil = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
  const hostile: EventFeature = {
    ...base,
    properties: { ...base.properties, quote: `Quote ${evil}`, place: { ...base.properties.place, name: `Kyiv ${evil}` }, figures: { drones: 250, [`k${evil}`]: 1 } },
  };
  it('renders hostile text as text and never a javascript: link', () => {
    const { container } = render(EventPanel, {
      props: { event: hostile, article: { id: 'a', title: `T ${evil}`, date: '2025-05-24', url: 'javascript:alert(3)' }, samePlace: [], onclose: vi.fn(), onchoose: vi.fn() },
    });
    expect(container.querySelector('img, script')).toBeNull();
    expect(container.querySelector('blockquote')!.textContent).toBe(`Quote ${evil}`);
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toContain(`T ${evil}`);
  });
  it('shows category, date precision, place, figures, quote, the article link and the other events there', async () => {
    const others = fixture.features.filter((f) => ['casualties-kyiv-0524', 'airdef-kyiv-0524'].includes(f.id));
    const onchoose = vi.fn();
    const onclose = vi.fn();
    const { container } = render(EventPanel, { props: { event: base, article: fixture.articles[0], samePlace: others, onclose, onchoose } });
    const text = container.textContent!;
    expect(text).toContain('Strike');
    expect(text).toContain('24 May 2025');
    expect(text).toContain('exact day');
    expect(text).toContain('within about 10 km');
    expect(text).toMatch(/Missiles\s*14/);
    expect(text).toMatch(/Drones\s*250/);
    expect(container.querySelector('blockquote')!.textContent).toBe(base.properties.quote);
    const a = container.querySelector('a')!;
    expect(a.getAttribute('href')).toBe('https://www.rferl.org/');
    expect(a.getAttribute('rel')).toContain('noopener');
    await fireEvent.click(screen.getByRole('button', { name: /^Casualties/ }));
    expect(onchoose).toHaveBeenCalledWith('casualties-kyiv-0524');
    await fireEvent.click(screen.getByRole('button', { name: 'Close details' }));
    expect(onclose).toHaveBeenCalled();
  });
  it('states month precision', () => {
    const bg = fixture.features.find((f) => f.id === 'bg-invasion-2022')!;
    const { container } = render(EventPanel, { props: { event: bg, article: undefined, samePlace: [], onclose: vi.fn(), onchoose: vi.fn() } });
    expect(container.textContent).toContain('February 2022');
    expect(container.textContent).toContain('month only');
    expect(container.textContent).toContain('Background');
  });
});

describe('TimeControls', () => {
  it('plays, steps, jumps and switches mode', async () => {
    const h = { ontoggle: vi.fn(), onstep: vi.fn(), onprev: vi.fn(), onnext: vi.fn(), onrate: vi.fn(), onmode: vi.fn() };
    render(TimeControls, { props: { playing: false, rate: 2, mode: 'trail', canPrev: false, canNext: true, ...h } });
    await fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    expect(h.ontoggle).toHaveBeenCalled();
    await fireEvent.click(screen.getByRole('button', { name: 'Forward one day' }));
    expect(h.onstep).toHaveBeenCalledWith(1);
    expect((screen.getByRole('button', { name: 'Previous day with events' }) as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(screen.getByRole('button', { name: 'Next day with events' }));
    expect(h.onnext).toHaveBeenCalled();
    await fireEvent.change(screen.getByRole('combobox', { name: 'Speed' }), { target: { value: '8' } });
    expect(h.onrate).toHaveBeenCalledWith(8);
    await fireEvent.click(screen.getByRole('radio', { name: 'Up to day' }));
    expect(h.onmode).toHaveBeenCalledWith('cumulative');
  });
});

describe('several maps on one page', () => {
  // Embeds (web components) put several maps in one document: ids and radio groups must be per instance.
  const today = fixture.features.filter((f) => f.properties.date === '2025-05-24');
  const ids = (root: ParentNode) => [...root.querySelectorAll('[id]')].map((e) => e.id);
  it('gives each list, legend, panel and mode group its own ids and names', async () => {
    const a = render(EventList, { props: { day: d('2025-05-24'), events: today, selected: null, onchoose: vi.fn() } });
    const b = render(EventList, { props: { day: d('2025-05-23'), events: [], selected: null, onchoose: vi.fn() } });
    // Each list's region is named by its own heading.
    const regions = screen.getAllByRole('region');
    expect(regions.map((r) => r.getAttribute('aria-labelledby'))).toHaveLength(2);
    expect(within(a.container).getByRole('region', { name: 'Events on 24 May 2025' })).toBeTruthy();
    expect(within(b.container).getByRole('region', { name: 'Events on 23 May 2025' })).toBeTruthy();

    const l1 = render(Legend, { props: { counts: { strike: 3 }, visible: new Set(['strike'] as const), ontoggle: vi.fn() } });
    const l2 = render(Legend, { props: { counts: { talks: 1 }, visible: new Set(['talks'] as const), ontoggle: vi.fn() } });
    expect(within(l1.container).getByRole('region', { name: /^Categories/ })).toBeTruthy();
    expect(within(l2.container).getByRole('region', { name: /^Categories/ })).toBeTruthy();

    const ev = fixture.features.find((f) => f.id === 'strike-kyiv-0524')!;
    const other = fixture.features.find((f) => f.properties.place.name !== ev.properties.place.name)!;
    const p1 = render(EventPanel, { props: { event: ev, article: undefined, samePlace: [], onclose: vi.fn(), onchoose: vi.fn() } });
    const p2 = render(EventPanel, { props: { event: other, article: undefined, samePlace: [], onclose: vi.fn(), onchoose: vi.fn() } });
    expect(within(p1.container).getByRole('region').getAttribute('aria-labelledby')).not.toBe(within(p2.container).getByRole('region').getAttribute('aria-labelledby'));
    expect(within(p2.container).getByRole('region', { name: p2.container.querySelector('h2')!.textContent! })).toBeTruthy();

    const h = { ontoggle: vi.fn(), onstep: vi.fn(), onprev: vi.fn(), onnext: vi.fn(), onrate: vi.fn() };
    const m1 = vi.fn();
    const m2 = vi.fn();
    const t1 = render(TimeControls, { props: { playing: false, rate: 2, mode: 'trail', canPrev: true, canNext: true, ...h, onmode: m1 } });
    const t2 = render(TimeControls, { props: { playing: false, rate: 2, mode: 'trail', canPrev: true, canNext: true, ...h, onmode: m2 } });
    const names = [t1, t2].map((t) => new Set([...t.container.querySelectorAll<HTMLInputElement>('input[type=radio]')].map((r) => r.name)));
    expect(names.map((n) => n.size)).toEqual([1, 1]);
    expect([...names[0]!][0]).not.toBe([...names[1]!][0]);
    // Choosing a mode in the second map leaves the first map's choice ticked.
    await fireEvent.click(within(t2.container).getByRole('radio', { name: 'Up to day' }));
    expect(m2).toHaveBeenCalledWith('cumulative');
    expect((within(t1.container).getByRole('radio', { name: 'Day + trail' }) as HTMLInputElement).checked).toBe(true);

    // No id is used twice in the document.
    const all = ids(document);
    expect(all.length).toBeGreaterThanOrEqual(6);
    expect(new Set(all).size).toBe(all.length);
  });
});
