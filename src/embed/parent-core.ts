// What the parent script does with a message, independent of the DOM so it is
// unit-tested with plain objects: find the iframe that sent it (by
// event.source === iframe.contentWindow, never by an id the message claims),
// and give that iframe its height. Several embeds on one page each get their own.
// And the id handshake (Handshake below): the parent names each iframe by
// postMessage and asks again whenever the iframe speaks under another name.
import { parseHeightMessage } from './height-protocol';
import { helloMessage, nextStatus, parseEvent, type EmbedEvent, type EmbedStatus, type Hello } from './messages';

export interface FrameLike {
  readonly contentWindow: unknown;
}

export type ParentAction<F> =
  | { kind: 'height'; frame: F; height: number; id: string }
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
  if (h) return { kind: 'height', frame, height: h.height, id: h.id };
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

/**
 * One iframe's id handshake on the parent page. The parent never reloads an
 * iframe to give it its id (pym.js's ?childId= in the URL): changing the src
 * of a cross-site iframe while its first page is committing can be dropped by
 * the browser (seen in Chromium), and it loads the embed twice. Instead:
 * - hello when the script starts (the iframe may have loaded already) and on
 *   every load of the iframe (a new document, which has not heard it);
 * - hello again, once per document, when the iframe speaks under another id:
 *   an earlier hello reached a document that was not listening yet, and this
 *   one cannot (the iframe listens before it posts anything). It names the
 *   iframe before its load event, which waits for all its images and fonts;
 * - the iframe answers its first hello, and one that renames it, with its
 *   status, so its ready is never lost; an answer that repeats what the page was already told (a ready under
 *   the same id at the same date, or the same error) is not dispatched again.
 */
export class Handshake {
  private askedAgain = false;
  /** The status the page has been told for this iframe (kept across loads: an identical ready is no news). */
  private told: { embedId: string; status: EmbedStatus } | null = null;

  constructor(readonly id: string) {}

  /** The iframe has (re)loaded a document, or the script has just found it: greet it. */
  loaded(): Hello {
    this.askedAgain = false;
    return helloMessage(this.id);
  }

  /** What to do with a message from this iframe: say hello (again) and/or dispatch its event. */
  heard(action: Exclude<ParentAction<unknown>, null>): { hello: Hello | null; dispatch: boolean } {
    const named = action.kind === 'height' ? action.id : action.event.embedId;
    let hello: Hello | null = null;
    if (named !== this.id && !this.askedAgain) {
      this.askedAgain = true;
      hello = helloMessage(this.id);
    }
    if (action.kind !== 'event') return { hello, dispatch: false };
    const { embedId, ...event } = action.event;
    const before = this.told?.embedId === embedId ? this.told.status : null;
    const after = nextStatus(before, event);
    this.told = { embedId, status: after };
    const repeat = (event.type === 'eventmap:ready' || event.type === 'eventmap:error') && JSON.stringify(before) === JSON.stringify(after);
    return { hello, dispatch: !repeat };
  }
}
