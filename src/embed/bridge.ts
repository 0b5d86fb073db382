// The iframe side of the postMessage API (./messages.ts): commands from the
// parent window (checked: sender is our parent, origin allowed, shape valid) go
// to the app; the app's events go to the parent. Commands that arrive before
// the data has loaded are kept and run once the map is ready. The parent
// script's hello (its id for this iframe) renames the embed and is answered
// with the embed's status (./messages.ts answerHello).
import { answerHello, nextStatus, originAllowed, parseCommand, targetOrigins, type Command, type EmbedStatus, type OutgoingEvent } from './messages';

export interface EmbedApi {
  setDate(isoDay: string): boolean;
  play(): void;
  pause(): void;
  selectEvent(id: string | null): boolean;
}

type Outgoing = OutgoingEvent;

export interface Bridge {
  /** Sends an event to the parent (adds the embed id). */
  emit(event: Outgoing): void;
  /** The app is ready: run queued commands from now on directly. */
  ready(api: EmbedApi): void;
  stop(): void;
}

export function run(api: EmbedApi, c: Command): void {
  switch (c.type) {
    case 'eventmap:setDate':
      api.setDate(c.date);
      break;
    case 'eventmap:play':
      api.play();
      break;
    case 'eventmap:pause':
      api.pause();
      break;
    case 'eventmap:selectEvent':
      api.selectEvent(c.id);
      break;
  }
}

export function startBridge(opts: {
  embedId: string;
  origins: readonly string[];
  win?: Window;
  /** The parent page calls this embed by another id from now on (height messages should use it too). */
  onRename?: (embedId: string) => void;
}): Bridge {
  const win = opts.win ?? window;
  const parent = win.parent;
  const framed = parent !== win;
  let api: EmbedApi | null = null;
  let embedId = opts.embedId;
  let status: EmbedStatus = null;
  let greeted = false;
  const queue: Command[] = [];
  const send = (event: Outgoing) => {
    const message = { ...event, embedId };
    for (const origin of targetOrigins(opts.origins)) parent.postMessage(message, origin);
  };
  const onMessage = (e: MessageEvent) => {
    if (!framed || e.source !== parent || !originAllowed(e.origin, opts.origins)) return;
    const hello = answerHello(embedId, status, greeted, e.data);
    if (hello) {
      greeted = true;
      embedId = hello.embedId;
      if (hello.renamed) opts.onRename?.(embedId);
      if (hello.reply) send(hello.reply);
      return;
    }
    const c = parseCommand(e.data);
    if (!c) return;
    if (api) run(api, c);
    else if (queue.length < 50) queue.push(c);
  };
  win.addEventListener('message', onMessage);
  return {
    emit(event) {
      status = nextStatus(status, event);
      if (framed) send(event);
    },
    ready(a) {
      api = a;
      for (const c of queue.splice(0)) run(a, c);
    },
    stop() {
      win.removeEventListener('message', onMessage);
    },
  };
}
