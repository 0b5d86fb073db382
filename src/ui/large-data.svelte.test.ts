// The list and the panel with large data (EVB1 columns): a capped day list, and a
// panel that shows the columns' summary at once and the quote when it arrives.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import { ColumnStore } from '../data/column-store';
import { columnsFromFeatures } from '../map/scale/columns';
import { CATEGORIES, type EventFeature } from '../events/types';
import { parseIsoDay } from '../time/days';
import EventList from './EventList.svelte';
import EventPanel from './EventPanel.svelte';

afterEach(cleanup);

function ev(i: number): EventFeature {
  const id = `e${i}`;
  return {
    type: 'Feature', id, geometry: { type: 'Point', coordinates: [30 + i / 100, 50] },
    properties: {
      id, category: 'strike', date: '2025-05-24', datePrecision: 'month', status: 'reported',
      place: { name: `Town ${String(i).padStart(3, '0')}`, mention: `town ${i}`, country: 'UA', kind: 'region', precisionKm: 40 },
      quote: `Quote ${i}.`, source: { article: 'a', start: 0, end: 8 }, figures: { missiles: i, drones: 2 * i }, confidence: 0.5,
    },
  };
}
const store = new ColumnStore(columnsFromFeatures(Array.from({ length: 230 }, (_, i) => ev(i))));
const day = parseIsoDay('2025-05-24')!;

describe('EventList with a capped day', () => {
  it('shows the first events and says how many more there are', () => {
    const list = store.dayList(day, new Set(CATEGORIES), 200);
    const { container } = render(EventList, { props: { day, events: list.events, total: list.total, selected: null, onchoose: vi.fn() } });
    expect(screen.getAllByRole('listitem')).toHaveLength(200);
    expect(container.querySelector('section')!.dataset['count']).toBe('230');
    expect(screen.getByText('and 30 more on this day')).toBeTruthy();
    // Summaries have no quote: no empty snippet line.
    expect(container.querySelectorAll('.meta')).toHaveLength(0);
  });
});

describe('EventPanel from the columns', () => {
  const summary = store.get('e7')!;
  it('shows place, country, category, date and the largest figure at once, and a loading line for the quote', () => {
    const { container } = render(EventPanel, { props: { event: summary, article: undefined, samePlace: [], partial: true, onclose: vi.fn(), onchoose: vi.fn() } });
    expect(container.querySelector('h2')!.textContent).toBe('Town 007');
    expect(container.textContent).toContain('Strike');
    expect(container.textContent).toContain('24 May 2025');
    expect(container.textContent).toContain('(UA)');
    expect(container.textContent).toContain('Drones');
    expect(container.textContent).toContain('14');
    expect(container.textContent).not.toContain('Missiles'); // only the largest figure is in the columns
    expect(container.textContent).not.toContain('month only'); // precision comes with the details
    expect(screen.getByRole('status').textContent).toBe('Loading the quote…');
    expect(container.querySelector('blockquote')).toBeNull();
  });

  it('says why when the details cannot be loaded, as text', () => {
    const error = 'Could not load the quote (404 Not Found) from http://x.test/<img src=x onerror=alert(1)>.';
    const { container } = render(EventPanel, { props: { event: summary, article: undefined, samePlace: [], partial: true, detailsError: error, onclose: vi.fn(), onchoose: vi.fn() } });
    expect(screen.getByRole('alert').textContent).toBe(`The quote could not be shown. ${error}`);
    expect(container.querySelector('img')).toBeNull();
  });

  it('shows the whole event once the details are in, and caps the same-place list', () => {
    const full = { ...ev(7), properties: { ...ev(7).properties, quote: '<b>not bold</b>' } };
    const others = [ev(1), ev(2)];
    const { container } = render(EventPanel, { props: { event: full, article: undefined, samePlace: others, samePlaceTotal: 12, onclose: vi.fn(), onchoose: vi.fn() } });
    expect(container.querySelector('blockquote')!.textContent).toBe('<b>not bold</b>');
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toContain('month only');
    expect(container.textContent).toContain('and 10 more');
  });
});
