// The embed's postMessage API, both ways. Pure shapes and checks; the wiring to
// window.postMessage lives in ./bridge.ts.
//
// Commands a parent page sends to the iframe (iframe.contentWindow.postMessage):
//   { type: 'eventmap:setDate', date: '2025-05-24' }
//   { type: 'eventmap:play' }
//   { type: 'eventmap:pause' }
//   { type: 'eventmap:selectEvent', id: 'strike-kyiv' }   (id: null clears)
// Events the iframe posts to its parent:
//   { type: 'eventmap:ready', embedId, date }
//   { type: 'eventmap:dateChanged', embedId, date }
//   { type: 'eventmap:eventSelected', embedId, id }       (id: null when cleared)
//   { type: 'eventmap:playing', embedId, playing }
//   { type: 'eventmap:error', embedId, message }
// The id handshake (parent script ⇄ iframe, see answerHello below):
//   { type: 'eventmap:hello', childId }                   parent → iframe: "your id here is childId;
//                                                          what is your status?" The iframe takes the id
//                                                          and answers the first hello (and any that renames
//                                                          it) with its status (ready or error) if it has one
//                                                          yet. Idempotent: asking again changes nothing.
// Anything else (other libraries' messages, wrong field types, too-long ids) is
// ignored: parseCommand returns null. The web component dispatches the same
// events as DOM CustomEvents named after the type without the prefix.
import { parseIsoDay } from '../time/days';

export const PREFIX = 'eventmap:';

export type Command =
  | { type: 'eventmap:setDate'; date: string }
  | { type: 'eventmap:play' }
  | { type: 'eventmap:pause' }
  | { type: 'eventmap:selectEvent'; id: string | null };

export type EmbedEvent =
  | { type: 'eventmap:ready'; embedId: string; date: string | null }
  | { type: 'eventmap:dateChanged'; embedId: string; date: string }
  | { type: 'eventmap:eventSelected'; embedId: string; id: string | null }
  | { type: 'eventmap:playing'; embedId: string; playing: boolean }
  | { type: 'eventmap:error'; embedId: string; message: string };

const MAX_ID = 200;
/** A child id: what pym.js and our parent script use, safe in a URL, a message and a DOM attribute. */
const CHILD_ID = /^[\w.:-]{1,100}$/;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function own(o: Record<string, unknown>, k: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;
}

/** A command, or null when the message is not one of ours or has the wrong shape. */
export function parseCommand(data: unknown): Command | null {
  if (!isPlainObject(data)) return null;
  const type = own(data, 'type');
  switch (type) {
    case 'eventmap:setDate': {
      const date = own(data, 'date');
      return typeof date === 'string' && parseIsoDay(date) !== null ? { type, date } : null;
    }
    case 'eventmap:play':
    case 'eventmap:pause':
      return { type };
    case 'eventmap:selectEvent': {
      const id = own(data, 'id');
      if (id === null) return { type, id: null };
      return typeof id === 'string' && id.length > 0 && id.length <= MAX_ID ? { type, id } : null;
    }
    default:
      return null;
  }
}

/** An event from an embed, or null (what a parent page uses to read our messages). */
export function parseEvent(data: unknown): EmbedEvent | null {
  if (!isPlainObject(data)) return null;
  const type = own(data, 'type');
  const embedId = own(data, 'embedId');
  if (typeof embedId !== 'string' || embedId.length > MAX_ID) return null;
  switch (type) {
    case 'eventmap:ready': {
      const date = own(data, 'date');
      return date === null || (typeof date === 'string' && parseIsoDay(date) !== null) ? { type, embedId, date } : null;
    }
    case 'eventmap:dateChanged': {
      const date = own(data, 'date');
      return typeof date === 'string' && parseIsoDay(date) !== null ? { type, embedId, date } : null;
    }
    case 'eventmap:eventSelected': {
      const id = own(data, 'id');
      return id === null || (typeof id === 'string' && id.length <= MAX_ID) ? { type, embedId, id } : null;
    }
    case 'eventmap:playing': {
      const playing = own(data, 'playing');
      return typeof playing === 'boolean' ? { type, embedId, playing } : null;
    }
    case 'eventmap:error': {
      const message = own(data, 'message');
      return typeof message === 'string' ? { type, embedId, message: message.slice(0, 500) } : null;
    }
    default:
      return null;
  }
}

/**
 * Whether a message from `origin` may command the embed. An empty allow-list
 * accepts any origin (the commands only move the map's own date and selection);
 * a configured list accepts exactly its origins. The opaque origin "null"
 * (sandboxed frames, file:) is only accepted with an empty list.
 */
export function originAllowed(origin: string, allow: readonly string[]): boolean {
  if (allow.length === 0) return true;
  return allow.includes(origin);
}

/** Where to post events: each allowed origin, or '*' when any parent may listen. */
export function targetOrigins(allow: readonly string[]): string[] {
  return allow.length ? [...allow] : ['*'];
}

/** The DOM event name the web component dispatches for an embed event ("eventmap:dateChanged" → "datechanged"). */
export function domEventName(type: EmbedEvent['type']): string {
  return type.slice(PREFIX.length).toLowerCase();
}

/** An event without its embed id (the bridge adds the id it has at the time it sends). */
export type OutgoingEvent = EmbedEvent extends infer E ? (E extends EmbedEvent ? Omit<E, 'embedId'> : never) : never;

/** What an embed last said about itself: ready (at its current date) or failed; null before either. */
export type EmbedStatus = { type: 'eventmap:ready'; date: string | null } | { type: 'eventmap:error'; message: string } | null;

/** The status after the embed sent `event` (a date change moves the date a ready embed reports). */
export function nextStatus(status: EmbedStatus, event: OutgoingEvent): EmbedStatus {
  switch (event.type) {
    case 'eventmap:ready':
      return { type: event.type, date: event.date };
    case 'eventmap:error':
      return { type: event.type, message: event.message };
    case 'eventmap:dateChanged':
      return status?.type === 'eventmap:ready' ? { type: status.type, date: event.date } : status;
    default:
      return status;
  }
}

export interface Hello {
  type: 'eventmap:hello';
  childId: string;
}

/** The parent script's greeting: the iframe's id on this page, and a request for its status. */
export function helloMessage(childId: string): Hello {
  return { type: 'eventmap:hello', childId };
}

/** The child id a hello gives, or null when the message is no (valid) hello. */
export function parseHello(data: unknown): string | null {
  if (!isPlainObject(data) || own(data, 'type') !== 'eventmap:hello') return null;
  const id = own(data, 'childId');
  return typeof id === 'string' && CHILD_ID.test(id) ? id : null;
}

/**
 * The iframe's side of the handshake, for one message from its parent (already
 * checked: from window.parent, origin allowed). A hello renames the embed to
 * the id the parent uses for it. The first hello, and any that renames the
 * embed, is answered with the embed's status, so a ready sent before the
 * parent was listening, or under another id, is never lost; later hellos under
 * the same id need no answer (the parent, listening since its first hello, has
 * heard everything since). `greeted`: whether an earlier hello reached this
 * document. null: not a hello.
 */
export function answerHello(
  embedId: string,
  status: EmbedStatus,
  greeted: boolean,
  data: unknown,
): { embedId: string; renamed: boolean; reply: OutgoingEvent | null } | null {
  const id = parseHello(data);
  if (id === null) return null;
  const renamed = id !== embedId;
  return { embedId: id, renamed, reply: renamed || !greeted ? status : null };
}
