// Paint expressions that depend on time. Each reads only ['global-state', …]
// and constants, never a feature property, so MapLibre re-evaluates them on
// setGlobalStateProperty without sending tiles back to the worker. The day a
// layer shows is baked into the expression as a constant (one layer per day).
import type { ExpressionSpecification } from 'maplibre-gl';

/** Names of the global-state keys the layers read. */
export const STATE = {
  day: 'em-day',
  mode: 'em-mode',
  trail: 'em-trail',
  categories: 'em-categories',
} as const;

const today = (): ExpressionSpecification => ['global-state', STATE.day];
const age = (layerDay: number): ExpressionSpecification => ['-', today(), layerDay];

/** Opacity of a reported/planned event of `layerDay`: full on its day, fading over the trail, steady in cumulative mode. */
export function eventOpacity(layerDay: number, peak = 1): ExpressionSpecification {
  return [
    'case',
    ['<', age(layerDay), 0], 0,
    ['==', age(layerDay), 0], peak,
    ['==', ['global-state', STATE.mode], 'cumulative'], peak * 0.6,
    ['>', age(layerDay), ['global-state', STATE.trail]], 0,
    // Trail: from 0.8·peak the day after down to 0.25·peak at the end of the trail.
    ['*', peak, ['-', 0.8, ['*', 0.55, ['/', ['-', age(layerDay), 1], ['max', 1, ['global-state', STATE.trail]]]]]],
  ];
}

/** Background (history) events: muted, from their day on, in both modes. */
export function backgroundOpacity(layerDay: number, peak = 0.45): ExpressionSpecification {
  return ['case', ['<', age(layerDay), 0], 0, peak];
}

/** The current day's halo. */
export function haloOpacity(layerDay: number, peak = 0.9): ExpressionSpecification {
  return ['case', ['==', age(layerDay), 0], peak, 0];
}

/** Layer filter term for the visible categories (changes only on a legend click). */
export function categoryFilter(): ExpressionSpecification {
  return ['in', ['get', 'category'], ['global-state', STATE.categories]];
}

/** Whether an event of `day`/`status` is drawn at the given time (mirrors the expressions, for picking and lists). */
export function isVisibleAt(day: number, status: string, view: { day: number; mode: 'trail' | 'cumulative'; trailDays: number }): boolean {
  const a = view.day - day;
  if (a < 0) return false;
  if (status === 'background' || view.mode === 'cumulative') return true;
  return a <= view.trailDays;
}
