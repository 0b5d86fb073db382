// Entry point of the large-data renderer for the app.
//
//   const r = chooseRendererKind(events) === 'scale'   // src/map/choose-renderer.ts
//     ? scaleRendererFromFeatures(events, { beforeId })
//     : new DayLayersRenderer(events, ...);
//
// or, for big sets shipped as EVB1 (see src/data/binary/):
//   const loaded = await loadBinaryEvents(url);   // fetch + decode + index in a Worker
//   const r = new ScaleRenderer(loaded, { beforeId });
import type { EventFeature } from '../../events/types';
import { columnsFromFeatures } from './columns';
import { ScaleRenderer, type ScaleRendererOptions } from './ScaleRenderer';

export function scaleRendererFromFeatures(events: readonly EventFeature[], options: ScaleRendererOptions = {}): ScaleRenderer {
  return new ScaleRenderer({ columns: columnsFromFeatures(events) }, options);
}

export { ScaleRenderer, DEFAULT_COLORS, type ScaleRendererOptions, type DrawInfo, type ScaleData } from './ScaleRenderer';
export { columnsFromFeatures, dayCategoryCounts, countInWindow, idOf, lngLatOf, type EventColumns } from './columns';
export { dayWindow, rangeOfWindow } from './window';
