// "EVB1": day-sorted event columns as one binary file. A small JSON header (counts,
// tables of places and figure keys, where each column sits) followed by raw
// little-endian typed arrays, each 8-byte aligned so decoding is zero-copy views
// on the fetched ArrayBuffer. The per-event day is not stored: dayStart (one
// Uint32 per day) determines it and decode expands it.
// 1M events ≈ 23 MB here against ≈ 400 MB of GeoJSON.
import type { EventColumns, PlaceRow } from '../../map/scale/columns';
import { CATEGORIES, STATUSES } from '../../events/types';
import { parseDetailsRef, type DetailsRef } from './details';

export const MAGIC = 'EVB1';
export const FORMAT_VERSION = 1;

type ColumnName = 'dayStart' | 'x' | 'y' | 'cat' | 'status' | 'size' | 'place' | 'figKey' | 'figVal' | 'idNum';
type ColumnType = 'u8' | 'u32' | 'f32';

interface ColumnEntry {
  name: ColumnName;
  type: ColumnType;
  /** Byte offset from the start of the file, and element count. */
  offset: number;
  length: number;
}

export interface Header {
  version: number;
  count: number;
  dayMin: number;
  dayCount: number;
  idPrefix: string;
  /** Only when ids are not prefix + number. */
  idList?: string[];
  /** [name, country, geonameid | null] */
  places: [string, string, number | null][];
  figureKeys: string[];
  columns: ColumnEntry[];
  /**
   * Optional (added within version 1; readers ignore unknown members): the
   * details sidecar folder relative to this file, see ./details.ts.
   */
  details?: DetailsRef;
}

const BYTES: Record<ColumnType, number> = { u8: 1, u32: 4, f32: 4 };
const align8 = (n: number) => (n + 7) & ~7;

function columnList(c: EventColumns): { name: ColumnName; type: ColumnType; data: ArrayBufferView & { length: number } }[] {
  const cols: { name: ColumnName; type: ColumnType; data: ArrayBufferView & { length: number } }[] = [
    { name: 'dayStart', type: 'u32', data: c.dayStart },
    { name: 'x', type: 'f32', data: c.x },
    { name: 'y', type: 'f32', data: c.y },
    { name: 'place', type: 'u32', data: c.place },
    { name: 'figVal', type: 'u32', data: c.figVal },
    { name: 'cat', type: 'u8', data: c.cat },
    { name: 'status', type: 'u8', data: c.status },
    { name: 'size', type: 'u8', data: c.size },
    { name: 'figKey', type: 'u8', data: c.figKey },
  ];
  if (c.idNum) cols.splice(4, 0, { name: 'idNum', type: 'u32', data: c.idNum });
  return cols;
}

export function encode(c: EventColumns): Uint8Array {
  const cols = columnList(c);
  const header: Header = {
    version: FORMAT_VERSION,
    count: c.count,
    dayMin: c.dayMin,
    dayCount: c.dayCount,
    idPrefix: c.idPrefix,
    places: c.places.map((p) => [p.name, p.country, p.geonameid ?? null]),
    figureKeys: c.figureKeys,
    columns: [],
  };
  if (!c.idNum) header.idList = c.idList ?? [];
  if (c.details) header.details = { path: c.details.path, chunkSize: c.details.chunkSize };
  // The header holds the column offsets, which depend on the header's own length:
  // lay out with a guess, then redo until the length is stable (converges in ≤ 2 rounds).
  let headerBytes = new Uint8Array(0);
  let bodyStart = 0;
  for (let round = 0; round < 4; round++) {
    let off = bodyStart;
    header.columns = cols.map((col) => {
      const e: ColumnEntry = { name: col.name, type: col.type, offset: off, length: col.data.length };
      off = align8(off + col.data.length * BYTES[col.type]);
      return e;
    });
    headerBytes = new TextEncoder().encode(JSON.stringify(header));
    const next = align8(8 + headerBytes.length);
    if (next === bodyStart) break;
    bodyStart = next;
  }
  const last = header.columns[header.columns.length - 1]!;
  const total = align8(last.offset + last.length * BYTES[last.type]);
  const out = new Uint8Array(total);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(4, headerBytes.length, true);
  out.set(headerBytes, 8);
  out.fill(0x20, 8 + headerBytes.length, bodyStart); // pad with spaces
  header.columns.forEach((e, k) => {
    const d = cols[k]!.data;
    out.set(new Uint8Array(d.buffer, d.byteOffset, d.byteLength), e.offset);
  });
  if (!isLittleEndian()) throw new Error('big-endian hosts are not supported');
  return out;
}

function isLittleEndian(): boolean {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
}

export function readHeader(buf: ArrayBuffer): Header {
  if (buf.byteLength < 8) throw new Error(`not an ${MAGIC} file (${buf.byteLength} bytes)`);
  const u8 = new Uint8Array(buf);
  const magic = new TextDecoder().decode(u8.subarray(0, 4));
  if (magic !== MAGIC) throw new Error(`not an ${MAGIC} file (magic ${JSON.stringify(magic)})`);
  const len = new DataView(buf).getUint32(4, true);
  if (8 + len > buf.byteLength) throw new Error('truncated: the header runs past the end of the file');
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(u8.subarray(8, 8 + len))) as Header;
  } catch {
    throw new Error('the header is not valid JSON');
  }
  if (typeof header !== 'object' || header === null) throw new Error('the header is not an object');
  if (header.version !== FORMAT_VERSION) throw new Error(`unsupported ${MAGIC} version ${String(header.version)} (this app reads version ${FORMAT_VERSION})`);
  const whole = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;
  if (!whole(header.count) || !Number.isInteger(header.dayMin) || !whole(header.dayCount) || header.dayCount > 65535) throw new Error('the header has bad counts');
  if (!Array.isArray(header.columns) || !Array.isArray(header.places) || !Array.isArray(header.figureKeys) || typeof header.idPrefix !== 'string') throw new Error('the header is incomplete');
  return header;
}

/** Zero-copy views on `buf` (plus the expanded per-event day column). */
export function decode(buf: ArrayBuffer): EventColumns {
  const h = readHeader(buf);
  const view = (name: ColumnName) => {
    const e = h.columns.find((c) => c.name === name);
    if (!e) return null;
    if (!Number.isInteger(e.offset) || !Number.isInteger(e.length) || e.offset < 0 || e.length < 0 || !(e.type in BYTES)) throw new Error(`column ${name} has a bad position`);
    if (e.offset % BYTES[e.type] !== 0) throw new Error(`column ${name} is misaligned`);
    if (e.offset + e.length * BYTES[e.type] > buf.byteLength) throw new Error(`truncated: column ${name} runs past the end of the file`);
    if (e.type === 'u8') return new Uint8Array(buf, e.offset, e.length);
    if (e.type === 'u32') return new Uint32Array(buf, e.offset, e.length);
    return new Float32Array(buf, e.offset, e.length);
  };
  const need = <T>(name: ColumnName, ctor: abstract new (...a: never[]) => T): T => {
    const v = view(name);
    if (!(v instanceof ctor)) throw new Error(`column ${name} missing or of the wrong type`);
    return v;
  };
  const dayStart = need('dayStart', Uint32Array);
  if (dayStart.length !== h.dayCount + 1 || dayStart[h.dayCount] !== h.count) throw new Error('day index does not match the event count');
  for (let k = 0; k < h.dayCount; k++) if (dayStart[k]! > dayStart[k + 1]!) throw new Error('the day index is not sorted');
  const places: PlaceRow[] = h.places.map((row) => {
    if (!Array.isArray(row) || typeof row[0] !== 'string' || typeof row[1] !== 'string') throw new Error('the places table is malformed');
    const [name, country, g] = row;
    return typeof g === 'number' ? { name, country, geonameid: g } : { name, country };
  });
  const idNum = view('idNum');
  if (!(idNum instanceof Uint32Array) && !(Array.isArray(h.idList) && h.idList.length === h.count)) throw new Error('the file has no ids');
  const c: EventColumns = {
    count: h.count,
    dayMin: h.dayMin,
    dayCount: h.dayCount,
    dayStart,
    day: expandDays(dayStart, h.count),
    x: need('x', Float32Array),
    y: need('y', Float32Array),
    cat: need('cat', Uint8Array),
    status: need('status', Uint8Array),
    size: need('size', Uint8Array),
    place: need('place', Uint32Array),
    places,
    figKey: need('figKey', Uint8Array),
    figVal: need('figVal', Uint32Array),
    figureKeys: h.figureKeys,
    idPrefix: h.idPrefix,
    idNum: idNum instanceof Uint32Array ? idNum : null,
    idList: idNum instanceof Uint32Array ? null : h.idList!.map(String),
  };
  const details = parseDetailsRef(h.details);
  if (details) c.details = details;
  checkColumns(c);
  return c;
}

/** Every per-event column has `count` entries and every code points into its table (untrusted files). */
function checkColumns(c: EventColumns): void {
  for (const k of ['x', 'y', 'cat', 'status', 'size', 'place', 'figKey', 'figVal'] as const) {
    if (c[k].length !== c.count) throw new Error(`column ${k} has ${c[k].length} entries for ${c.count} events`);
  }
  if (c.idNum && c.idNum.length !== c.count) throw new Error('column idNum does not match the event count');
  const nc = CATEGORIES.length, ns = STATUSES.length, np = c.places.length, nf = c.figureKeys.length;
  for (let i = 0; i < c.count; i++) {
    if (c.cat[i]! >= nc || c.status[i]! >= ns || c.place[i]! >= np || (c.figKey[i]! !== 255 && c.figKey[i]! >= nf)) {
      throw new Error(`event ${i} has an unknown category, status, place or figure code`);
    }
  }
}

export function expandDays(dayStart: Uint32Array, count: number): Uint16Array {
  const day = new Uint16Array(count);
  for (let k = 0; k + 1 < dayStart.length; k++) day.fill(k, dayStart[k]!, dayStart[k + 1]!);
  return day;
}
