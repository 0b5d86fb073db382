// Evaluates the time expressions with MapLibre's own style-spec evaluator, and
// checks that every time-dependent paint property is not data-driven (a
// data-driven paint change would send the tiles back to the worker).
import { describe, expect, it } from 'vitest';
import { expression, latest } from '@maplibre/maplibre-gl-style-spec';
import type { StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import { backgroundOpacity, eventOpacity, haloOpacity, isVisibleAt, STATE } from './expressions';
import { layersForDay } from './day-layers';

const spec = (latest as unknown as Record<string, Record<string, StylePropertySpecification>>)['paint_circle']!['circle-opacity']!;

function evalAt(expr: unknown, state: { day: number; mode: string; trail: number }): number {
  const gs = { [STATE.day]: state.day, [STATE.mode]: state.mode, [STATE.trail]: state.trail };
  const r = expression.createPropertyExpression(expr, 'paint', spec, gs);
  if (r.result !== 'success') throw new Error(JSON.stringify(r.value));
  expect(r.value.kind === 'constant' || r.value.kind === 'camera').toBe(true);
  return (r.value as { evaluate: (g: object) => number }).evaluate({ zoom: 4 });
}

describe('time expressions', () => {
  const D = 100;
  const cases: { name: string; expr: unknown; day: number; mode: string; trail: number; expected: number }[] = [
    { name: 'before its day: hidden', expr: eventOpacity(D), day: 99, mode: 'trail', trail: 3, expected: 0 },
    { name: 'on its day: full', expr: eventOpacity(D), day: 100, mode: 'trail', trail: 3, expected: 1 },
    { name: 'next day: fading', expr: eventOpacity(D), day: 101, mode: 'trail', trail: 3, expected: 0.8 },
    { name: 'end of trail: faint', expr: eventOpacity(D), day: 103, mode: 'trail', trail: 3, expected: 0.8 - 0.55 * (2 / 3) },
    { name: 'after the trail: hidden', expr: eventOpacity(D), day: 104, mode: 'trail', trail: 3, expected: 0 },
    { name: 'cumulative keeps it', expr: eventOpacity(D), day: 400, mode: 'cumulative', trail: 3, expected: 0.6 },
    { name: 'peak scales', expr: eventOpacity(D, 0.5), day: 100, mode: 'trail', trail: 3, expected: 0.5 },
    { name: 'halo on the day', expr: haloOpacity(D), day: 100, mode: 'trail', trail: 3, expected: 0.9 },
    { name: 'no halo the day after', expr: haloOpacity(D), day: 101, mode: 'cumulative', trail: 3, expected: 0 },
    { name: 'background stays muted', expr: backgroundOpacity(D), day: 1000, mode: 'trail', trail: 3, expected: 0.45 },
    { name: 'background hidden before', expr: backgroundOpacity(D), day: 50, mode: 'trail', trail: 3, expected: 0 },
  ];
  for (const c of cases) it(c.name, () => expect(evalAt(c.expr, c)).toBeCloseTo(c.expected, 6));

  it('agrees with isVisibleAt', () => {
    for (const mode of ['trail', 'cumulative'] as const)
      for (let day = 95; day < 110; day++) {
        const v = { day, mode, trailDays: 3 };
        expect(isVisibleAt(D, 'reported', v), `${mode} ${day}`).toBe(evalAt(eventOpacity(D), { day, mode, trail: 3 }) > 0);
        expect(isVisibleAt(D, 'background', v)).toBe(evalAt(backgroundOpacity(D), { day, mode, trail: 3 }) > 0);
      }
  });
});

describe('layersForDay', () => {
  const layers = layersForDay(100, new Set(['point|reported', 'point|planned', 'line|reported', 'line|planned', 'point|background']), { outline: '#fff' });
  it('makes layers only for what is present', () => {
    expect(layers.map((l) => l.id)).toEqual([
      'em-d100-line-halo', 'em-d100-line-reported', 'em-d100-line-planned-casing', 'em-d100-line-planned', 'em-d100-point-halo', 'em-d100-point-background', 'em-d100-point-reported', 'em-d100-point-planned',
    ]);
  });
  it('reads global state only in paint values that are not data-driven, with transitions off', () => {
    for (const l of layers) {
      const paint = (l as { paint?: Record<string, unknown> }).paint ?? {};
      for (const [k, v] of Object.entries(paint)) {
        if (k.endsWith('-transition') || !JSON.stringify(v).includes('global-state')) continue;
        const type = l.type as string;
        const ps = (latest as unknown as Record<string, Record<string, StylePropertySpecification>>)[`paint_${type}`]![k]!;
        const r = expression.createPropertyExpression(v, 'paint', ps, { [STATE.day]: 1, [STATE.mode]: 'trail', [STATE.trail]: 3 });
        expect(r.result, `${l.id} ${k}`).toBe('success');
        if (r.result === 'success') expect(['constant', 'camera'], `${l.id} ${k}`).toContain(r.value.kind);
        expect(paint[`${k}-transition`], `${l.id} ${k}-transition`).toEqual({ duration: 0, delay: 0 });
      }
      const layout = JSON.stringify((l as { layout?: unknown }).layout ?? {});
      expect(layout).not.toContain('global-state');
      // The filter may read categories (discrete) but never the day.
      expect(JSON.stringify((l as { filter?: unknown }).filter)).not.toContain(STATE.day);
    }
  });
});
