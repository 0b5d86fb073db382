// The two height conventions newsroom pages already run, as pure functions.
//
// pym.js (NPR): string messages "pymxPYMx<childId>xPYMx<type>xPYMx<value>".
//   The parent gives the child "?initialWidth=<px>&childId=<id>" in the iframe
//   URL and sends "width" messages; the child sends "height" messages.
// Datawrapper: the child posts { "datawrapper-height": { <chartId>: <px> } } and
//   the parent finds the iframe whose contentWindow is event.source.
//
// Our child speaks both, so a page that already loads pym.js or Datawrapper's
// resize script resizes our iframe without our parent script; our parent script
// understands both, so it also resizes other pym/Datawrapper children.

const PYM = 'xPYMx';
/** Heights outside this range are ignored as nonsense (0 would hide the embed). */
export const MIN_HEIGHT = 50;
export const MAX_HEIGHT = 20_000;

export function pymMessage(childId: string, type: string, value: string | number): string {
  return ['pym', childId, type, String(value)].join(PYM);
}

export interface PymMessage {
  childId: string;
  type: string;
  value: string;
}

/** Reads a pym.js message; null for anything else. */
export function parsePym(data: unknown): PymMessage | null {
  if (typeof data !== 'string' || data.length > 10_000 || !data.startsWith(`pym${PYM}`)) return null;
  const parts = data.split(PYM);
  if (parts.length !== 4) return null;
  const [, childId, type, value] = parts as [string, string, string, string];
  if (!childId || !type) return null;
  return { childId, type, value };
}

export function datawrapperHeightMessage(id: string, px: number): { 'datawrapper-height': Record<string, number> } {
  return { 'datawrapper-height': { [id]: px } };
}

function validHeight(n: unknown): number | null {
  const v = typeof n === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(n) ? Number(n) : n;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < MIN_HEIGHT || v > MAX_HEIGHT) return null;
  return Math.ceil(v);
}

export interface HeightMessage {
  protocol: 'pym' | 'datawrapper';
  /** The pym childId or the Datawrapper chart id. */
  id: string;
  height: number;
}

/** A height message in either protocol, or null (width messages, other traffic, bad numbers). */
export function parseHeightMessage(data: unknown): HeightMessage | null {
  const pym = parsePym(data);
  if (pym) {
    if (pym.type !== 'height') return null;
    const h = validHeight(pym.value);
    return h === null ? null : { protocol: 'pym', id: pym.childId, height: h };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  if (!Object.prototype.hasOwnProperty.call(data, 'datawrapper-height')) return null;
  const inner = (data as Record<string, unknown>)['datawrapper-height'];
  if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) return null;
  const keys = Object.keys(inner);
  if (keys.length !== 1) return null;
  const id = keys[0]!;
  const h = validHeight((inner as Record<string, unknown>)[id]);
  return h === null ? null : { protocol: 'datawrapper', id, height: h };
}

/** The width a pym parent sent (a "width" message for this child), or null. */
export function parseWidthMessage(data: unknown, childId: string): number | null {
  const pym = parsePym(data);
  if (!pym || pym.type !== 'width' || pym.childId !== childId) return null;
  const w = Number(pym.value);
  return Number.isFinite(w) && w > 0 && w < 100_000 ? w : null;
}

/** The messages a child posts for one height: one per protocol. */
export function heightMessages(childId: string, px: number): unknown[] {
  const h = Math.ceil(px);
  return [pymMessage(childId, 'height', h), datawrapperHeightMessage(childId, h)];
}

/**
 * The iframe URL with pym's initialWidth and childId added (existing values win
 * for childId; initialWidth is always the current width). Relative URLs stay
 * relative.
 */
export function withPymParams(src: string, childId: string, width: number): string {
  const hashAt = src.indexOf('#');
  const hash = hashAt >= 0 ? src.slice(hashAt) : '';
  const rest = hashAt >= 0 ? src.slice(0, hashAt) : src;
  const qAt = rest.indexOf('?');
  const path = qAt >= 0 ? rest.slice(0, qAt) : rest;
  const q = new URLSearchParams(qAt >= 0 ? rest.slice(qAt + 1) : '');
  q.set('initialWidth', String(Math.round(width)));
  if (!q.get('childId')) q.set('childId', childId);
  return `${path}?${q.toString()}${hash}`;
}
