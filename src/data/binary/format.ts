// "EVB1": day-sorted event columns as one binary file. A small JSON header (counts,
// tables of places and figure keys, where each column sits) followed by raw
// little-endian typed arrays, each 8-byte aligned so decoding is zero-copy views
// on the fetched ArrayBuffer. The per-event day is not stored: dayStart (one
// Uint32 per day) determines it and decode expands it.
// 1M events ≈ 23 MB here against ≈ 400 MB of GeoJSON.
import type { EventColumns, PlaceRow } from '../../map/scale/columns';

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
  const u8 = new Uint8Array(buf);
  const magic = new TextDecoder().decode(u8.subarray(0, 4));
  if (magic !== MAGIC) throw new Error(`not an ${MAGIC} file (magic ${JSON.stringify(magic)})`);
  const len = new DataView(buf).getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(u8.subarray(8, 8 + len))) as Header;
  if (header.version !== FORMAT_VERSION) throw new Error(`unsupported ${MAGIC} version ${header.version}`);
  return header;
}

/** Zero-copy views on `buf` (plus the expanded per-event day column). */
export function decode(buf: ArrayBuffer): EventColumns {
  const h = readHeader(buf);
  const view = (name: ColumnName) => {
    const e = h.columns.find((c) => c.name === name);
    if (!e) return null;
    if (e.offset + e.length * BYTES[e.type] > buf.byteLength) throw new Error(`column ${name} runs past the end of the file`);
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
  const places: PlaceRow[] = h.places.map(([name, country, g]) => (g === null ? { name, country } : { name, country, geonameid: g }));
  const idNum = view('idNum');
  return {
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
    idList: h.idList ?? null,
  };
}

export function expandDays(dayStart: Uint32Array, count: number): Uint16Array {
  const day = new Uint16Array(count);
  for (let k = 0; k + 1 < dayStart.length; k++) day.fill(k, dayStart[k]!, dayStart[k + 1]!);
  return day;
}
