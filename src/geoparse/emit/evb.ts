// Writes events as EVB1 (src/data/binary/format.ts) plus its details sidecar
// (src/data/binary/details.ts), for the data build, the converter and the bench's
// generator. Deterministic (same features → same bytes) and atomic: the folder
// and the file are written under temporary names and renamed into place, the
// .evb last, so a reader never sees a new .evb with old or missing details and a
// failed run leaves nothing behind.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ArticleMeta, EventFeature } from '../../events/types';
import { columnsFromFeatures, idOf, type EventColumns } from '../../map/scale/columns';
import { encode } from '../../data/binary/format';
import { buildDetailsChunks, DETAILS_CHUNK_SIZE, detailsFolderFor } from '../../data/binary/details';
import { writeFileAtomic } from './write';

export interface EvbOutput {
  columns: EventColumns;
  bytes: Uint8Array;
  /** Folder name next to the .evb, and its chunk files. */
  folder: string;
  chunks: { name: string; text: string }[];
}

/** The EVB1 bytes and details chunks for `features` (any order; ids must be unique). */
export function buildEvb(features: readonly EventFeature[], articles: readonly ArticleMeta[], evbFileName: string, chunkSize = DETAILS_CHUNK_SIZE): EvbOutput {
  const columns = columnsFromFeatures(features);
  const folder = detailsFolderFor(evbFileName);
  columns.details = { path: folder, chunkSize };
  const byId = new Map(features.map((f) => [String(f.id), f]));
  if (byId.size !== features.length) throw new Error('event ids are not unique');
  // The details follow the columns' (day-sorted) index order.
  const ordered = Array.from({ length: columns.count }, (_, i) => byId.get(idOf(columns, i))!);
  return { columns, bytes: encode(columns), folder, chunks: buildDetailsChunks(ordered, articles, chunkSize) };
}

/** Writes `path` (…/name.evb) and `path.details/`, replacing earlier ones. */
export function writeEvb(path: string, features: readonly EventFeature[], articles: readonly ArticleMeta[], chunkSize = DETAILS_CHUNK_SIZE): EvbOutput {
  const out = buildEvb(features, articles, basename(path), chunkSize);
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const finalFolder = join(dir, out.folder.replace(/\/$/, ''));
  const tmpFolder = join(dir, `.${basename(finalFolder)}.${process.pid}.tmp`);
  const oldFolder = join(dir, `.${basename(finalFolder)}.${process.pid}.old`);
  try {
    rmSync(tmpFolder, { recursive: true, force: true });
    mkdirSync(tmpFolder);
    for (const c of out.chunks) writeFileSync(join(tmpFolder, c.name), c.text);
    if (existsSync(finalFolder)) renameSync(finalFolder, oldFolder);
    renameSync(tmpFolder, finalFolder);
    rmSync(oldFolder, { recursive: true, force: true });
    writeFileAtomic(path, out.bytes);
  } catch (e) {
    rmSync(tmpFolder, { recursive: true, force: true });
    if (existsSync(oldFolder) && !existsSync(finalFolder)) renameSync(oldFolder, finalFolder);
    throw e;
  }
  return out;
}
