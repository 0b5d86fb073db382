// Small helpers for e2e tests that drive the app's MapLibre map (the map
// element exposes its instance as `.map.__maplibre` for tests).
import type { Frame, Locator, Page } from 'playwright-core';

/** Where a [lon, lat] is on the page, in CSS pixels from the viewport's top left (for page.mouse). */
export function screenPoint(scope: Page | Frame, lonLat: readonly [number, number]): Promise<{ x: number; y: number }> {
  return scope.evaluate((ll) => {
    const m = (document.querySelector('.map') as HTMLElement & { __maplibre: import('maplibre-gl').Map }).__maplibre;
    const p = m.project(ll);
    const r = m.getCanvas().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, lonLat as [number, number]);
}

/** Moves the mouse onto `pt` (from 30 px up-left, in steps, as a reader's pointer) and waits for the map's tooltip. */
export async function hoverTooltip(page: Page, pt: { x: number; y: number }): Promise<Locator> {
  await page.mouse.move(pt.x - 30, pt.y - 30);
  await page.mouse.move(pt.x, pt.y, { steps: 4 });
  const tip = page.getByRole('tooltip');
  await tip.waitFor({ timeout: 10_000 });
  return tip;
}
