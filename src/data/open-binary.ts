// Opens an EVB1 events file for the app: fetch, decode and index in a Worker
// (src/data/binary/load.ts), then the columns behind an EventStore. Imported
// dynamically by App.svelte, so GeoJSON pages never download the binary path.
import { loadBinaryEvents, type LoadedEvents } from './binary/load';
import { ColumnStore } from './column-store';

export type OpenedBinary = { ok: true; store: ColumnStore; loaded: LoadedEvents } | { ok: false; message: string };

export async function openBinaryEvents(url: string): Promise<OpenedBinary> {
  try {
    const loaded = await loadBinaryEvents(url);
    if (loaded.columns.count === 0) return { ok: false, message: `The events file ${url} has no events.` };
    return { ok: true, store: new ColumnStore(loaded.columns, { counts: loaded.counts, url }), loaded };
  } catch (e) {
    const why = (e instanceof Error ? e.message : String(e)).replace(/\.$/, '');
    return { ok: false, message: `Could not open the events file ${url}: ${why}.` };
  }
}
