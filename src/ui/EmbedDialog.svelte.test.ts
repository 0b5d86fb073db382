import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import EmbedDialog from './EmbedDialog.svelte';

const base = 'https://maps.example/news/map/';
const params = { date: '2025-05-24', mode: 'cumulative' as const, categories: ['strike' as const, 'talks' as const], view: { lon: 30.5, lat: 50.4, zoom: 5 } };

function setClipboard(value: unknown) {
  Object.defineProperty(navigator, 'clipboard', { value, configurable: true });
}

afterEach(() => {
  cleanup();
  setClipboard(undefined);
});

async function openDialog() {
  render(EmbedDialog, { props: { params, base } });
  await fireEvent.click(screen.getByRole('button', { name: 'Embed' }));
  return {
    iframe: screen.getByRole('textbox', { name: /^Iframe/ }) as HTMLTextAreaElement,
    component: screen.getByRole('textbox', { name: /^Web component/ }) as HTMLTextAreaElement,
  };
}

describe('EmbedDialog', () => {
  it('shows the iframe and web-component code for the current state', async () => {
    const { iframe, component } = await openDialog();
    expect(iframe.value).toMatch(/src="https:\/\/maps\.example\/news\/map\/embed\.html\?date=2025-05-24&amp;mode=cumulative&amp;categories=strike,talks&amp;view=30\.5,50\.4,5&amp;childId=em-[0-9a-z]{8}"/);
    expect(iframe.value).toContain('<script src="https://maps.example/news/map/embed/parent.js" async></script>');
    expect(component.value).toContain('<event-map src="https://maps.example/news/map/data/events.geojson" date="2025-05-24" mode="cumulative" categories="strike,talks" view="30.5,50.4,5" loading="lazy"></event-map>');
  });

  it('switching chrome on changes both snippets', async () => {
    const { iframe, component } = await openDialog();
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Legend' }));
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Title' }));
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Play on load' }));
    expect(iframe.value).toContain('&amp;autoplay=1&amp;show=title,legend');
    expect(component.value).toContain(' autoplay show="title legend"');
  });

  it('copies with the clipboard API and says so', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    setClipboard({ writeText });
    const { iframe } = await openDialog();
    await fireEvent.click(screen.getByRole('button', { name: 'Copy iframe code' }));
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/copied/i));
    expect(writeText).toHaveBeenCalledWith(iframe.value);
  });

  it('without a clipboard API, selects the code and tells the reader to copy it', async () => {
    setClipboard(undefined);
    const { component } = await openDialog();
    await fireEvent.click(screen.getByRole('button', { name: 'Copy web component code' }));
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/selected.*Ctrl\+C/i));
    expect(document.activeElement).toBe(component);
    expect(component.selectionStart).toBe(0);
    expect(component.selectionEnd).toBe(component.value.length);
  });

  it('when the clipboard refuses, falls back to selecting', async () => {
    setClipboard({ writeText: () => Promise.reject(new Error('denied')) });
    const { iframe } = await openDialog();
    await fireEvent.click(screen.getByRole('button', { name: 'Copy iframe code' }));
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/selected/i));
    expect(document.activeElement).toBe(iframe);
  });
});
