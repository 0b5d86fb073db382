// What the parent script does with a message, independent of the DOM so it is
// unit-tested with plain objects: find the iframe that sent it (by
// event.source === iframe.contentWindow, never by an id the message claims),
// and give that iframe its height. Several embeds on one page each get their own.
import { parseHeightMessage } from './height-protocol';
import { parseEvent, type EmbedEvent } from './messages';

export interface FrameLike {
  readonly contentWindow: unknown;
}

export type ParentAction<F> =
  | { kind: 'height'; frame: F; height: number }
  | { kind: 'event'; frame: F; event: EmbedEvent }
  | null;

/** The action for one message event; null when it is not from one of `frames` or not ours. */
export function actionFor<F extends FrameLike>(frames: Iterable<F>, source: unknown, data: unknown): ParentAction<F> {
  if (source === null || source === undefined) return null;
  let frame: F | undefined;
  for (const f of frames) {
    if (f.contentWindow === source) {
      frame = f;
      break;
    }
  }
  if (!frame) return null;
  const h = parseHeightMessage(data);
  if (h) return { kind: 'height', frame, height: h.height };
  const event = parseEvent(data);
  if (event) return { kind: 'event', frame, event };
  return null;
}

/** A child id for the n-th embed on the page, unless the page gave one. */
export function childIdFor(given: string | null, n: number): string {
  return given && /^[\w.:-]{1,100}$/.test(given) ? given : `event-map-${n}`;
}

/**
 * The child id of an iframe: the childId already in its URL, else its
 * data-event-map value, else a numbered one. Never throws (a malformed %-escape
 * in a pasted URL must not stop the script for the other embeds).
 */
export function childIdOf(src: string, dataAttr: string | null, n: number): { id: string; inUrl: boolean } {
  const m = /[?&]childId=([^&#]*)/.exec(src);
  if (m) {
    let v: string | null = null;
    try {
      v = decodeURIComponent(m[1]!.replace(/\+/g, ' '));
    } catch {
      v = null;
    }
    return { id: childIdFor(v, n), inUrl: true };
  }
  return { id: childIdFor(dataAttr, n), inUrl: false };
}
