import { describe, expect, it } from 'vitest';
import { actionFor, childIdFor, childIdOf, Handshake } from './parent-core';
import { answerHello, nextStatus, type EmbedStatus, type OutgoingEvent } from './messages';
import { heightMessages } from './height-protocol';

const winA = { name: 'a' };
const winB = { name: 'b' };
const frameA = { contentWindow: winA, id: 'A' };
const frameB = { contentWindow: winB, id: 'B' };
const frames = [frameA, frameB];

describe('actionFor', () => {
  const cases: { name: string; source: unknown; data: unknown; expected: unknown }[] = [
    { name: 'pym height from A sizes A', source: winA, data: 'pymxPYMxevent-map-1xPYMxheightxPYMx500', expected: { kind: 'height', frame: frameA, height: 500, id: 'event-map-1' } },
    { name: 'datawrapper height from B sizes B even if the id names A', source: winB, data: { 'datawrapper-height': { 'event-map-1': 333 } }, expected: { kind: 'height', frame: frameB, height: 333, id: 'event-map-1' } },
    { name: 'a message from a window that is none of ours', source: { name: 'other' }, data: 'pymxPYMxevent-map-1xPYMxheightxPYMx500', expected: null },
    { name: 'no source', source: null, data: 'pymxPYMxevent-map-1xPYMxheightxPYMx500', expected: null },
    { name: 'an embed event from B', source: winB, data: { type: 'eventmap:dateChanged', embedId: 'x', date: '2025-05-24' }, expected: { kind: 'event', frame: frameB, event: { type: 'eventmap:dateChanged', embedId: 'x', date: '2025-05-24' } } },
    { name: 'junk from A', source: winA, data: { hello: 1 }, expected: null },
    { name: 'a width message from A (not for the parent)', source: winA, data: 'pymxPYMxevent-map-1xPYMxwidthxPYMx500', expected: null },
  ];
  for (const c of cases) it(c.name, () => expect(actionFor(frames, c.source, c.data)).toEqual(c.expected));
});

describe('childIdFor', () => {
  it.each([
    [null, 3, 'event-map-3'],
    ['', 1, 'event-map-1'],
    ['kyiv-map', 1, 'kyiv-map'],
    ['<b>', 2, 'event-map-2'],
  ])('%j, %j → %j', (given, n, expected) => expect(childIdFor(given, n)).toBe(expected));
});

describe('childIdOf', () => {
  it.each([
    ['embed.html?date=2025-05-24', null, 1, { id: 'event-map-1', inUrl: false }],
    ['embed.html?date=2025-05-24', 'kyiv', 1, { id: 'kyiv', inUrl: false }],
    ['embed.html?childId=em-abc&date=x', 'kyiv', 2, { id: 'em-abc', inUrl: true }],
    ['embed.html?childId=em%2Dabc#x', null, 2, { id: 'em-abc', inUrl: true }],
    ['embed.html?childId=%E0%A4%A', null, 3, { id: 'event-map-3', inUrl: true }],
    ['embed.html?childId=%3Cb%3E', null, 4, { id: 'event-map-4', inUrl: true }],
  ] as [string, string | null, number, unknown][])('%j (data %j)', (src, data, n, expected) => {
    expect(childIdOf(src, data, n)).toEqual(expected);
  });
});

describe('Handshake', () => {
  const ready = (embedId: string, date = '2025-05-24') => ({ kind: 'event' as const, frame: frameA, event: { type: 'eventmap:ready' as const, embedId, date } });
  const height = (id: string) => ({ kind: 'height' as const, frame: frameA, height: 400, id });

  it('greets the frame with its id on every load', () => {
    const hs = new Handshake('event-map-1');
    expect(hs.loaded()).toEqual({ type: 'eventmap:hello', childId: 'event-map-1' });
    expect(hs.loaded()).toEqual({ type: 'eventmap:hello', childId: 'event-map-1' });
  });

  it('asks again when the frame speaks under another id, once per document', () => {
    const hs = new Handshake('event-map-1');
    hs.loaded();
    const hellos = Array.from({ length: 10 }, () => hs.heard(height('event-map')).hello).filter(Boolean);
    expect(hellos).toEqual([{ type: 'eventmap:hello', childId: 'event-map-1' }]);
    expect(hs.heard(height('event-map-1')).hello).toBeNull();
    hs.loaded();
    expect(hs.heard(ready('event-map')).hello).toEqual({ type: 'eventmap:hello', childId: 'event-map-1' });
  });

  it('dispatches a ready once, also when the frame repeats it in answer to another hello', () => {
    const hs = new Handshake('event-map-1');
    hs.loaded();
    expect(hs.heard(ready('event-map')).dispatch).toBe(true);
    expect(hs.heard(ready('event-map-1')).dispatch).toBe(true);
    expect(hs.heard(ready('event-map-1')).dispatch).toBe(false);
    expect(hs.heard(ready('event-map-1', '2025-05-25')).dispatch).toBe(true);
    const moved = { kind: 'event' as const, frame: frameA, event: { type: 'eventmap:dateChanged' as const, embedId: 'event-map-1', date: '2025-05-25' } };
    expect(hs.heard(moved).dispatch).toBe(true);
    expect(hs.heard(moved).dispatch).toBe(true);
    // Asked again after the date moved, the frame says it is ready at 25 May: the page knows.
    expect(hs.heard(ready('event-map-1', '2025-05-25')).dispatch).toBe(false);
    // A reloaded frame that is ready at another date is news.
    hs.loaded();
    expect(hs.heard(ready('event-map-1', '2025-05-24')).dispatch).toBe(true);
    expect(hs.heard(height('event-map-1')).dispatch).toBe(false);
  });
});

// The whole id handshake between the parent script and one iframe, in every order
// the four moments can happen in on a slow page:
//   P  parent.js starts: listens, names the iframe and says hello;
//   C  the iframe's document starts: listens, posts its height under the id it has;
//   R  the iframe's data is ready: it posts eventmap:ready;
//   L  the iframe's load event on the parent page (after C; heard only after P).
// A message to a side that is not listening yet is lost. The iframe starts
// without the parent's id (its URL had none, as when the parent's reload to add
// ?childId= is dropped by the browser), or with it (the Embed dialog's snippet).
// Whatever the order, the page must end up with a ready under the parent's id.
describe('id handshake: the ready under the parent\'s id is never lost', () => {
  type Step = 'P' | 'C' | 'R' | 'L';
  const orders: Step[][] = [];
  const permute = (rest: Step[], acc: Step[]) => {
    if (!rest.length) {
      if (acc.indexOf('C') < acc.indexOf('R') && acc.indexOf('C') < acc.indexOf('L')) orders.push(acc);
      return;
    }
    rest.forEach((s, i) => permute([...rest.slice(0, i), ...rest.slice(i + 1)], [...acc, s]));
  };
  permute(['P', 'C', 'R', 'L'], []);

  function simulate(order: Step[], childStartsAs: string) {
    const parentId = 'event-map-1';
    const frame = { contentWindow: { name: 'child' } };
    const hs = new Handshake(parentId);
    let parentListens = false;
    let childListens = false;
    let childId = childStartsAs;
    let status: EmbedStatus = null;
    let greeted = false;
    const heard: { type: string; embedId: string }[] = [];
    const dispatched: { type: string; embedId: string }[] = [];
    let hellos = 0;

    const toParent = (data: unknown) => {
      if (!parentListens) return;
      const action = actionFor([frame], frame.contentWindow, data);
      if (!action) return;
      if (action.kind === 'event') heard.push({ type: action.event.type, embedId: action.event.embedId });
      const next = hs.heard(action);
      if (next.hello) toChild(next.hello);
      if (action.kind === 'event' && next.dispatch) dispatched.push({ type: action.event.type, embedId: action.event.embedId });
    };
    const childSends = (event: OutgoingEvent) => {
      status = nextStatus(status, event);
      toParent({ ...event, embedId: childId });
    };
    const toChild = (data: unknown) => {
      if (!childListens) return;
      hellos++;
      const a = answerHello(childId, status, greeted, data);
      if (!a) return;
      greeted = true;
      childId = a.embedId;
      if (a.renamed) for (const m of heightMessages(childId, 480)) toParent(m);
      if (a.reply) toParent({ ...a.reply, embedId: childId });
    };

    for (const step of order) {
      if (step === 'P') {
        parentListens = true;
        toChild(hs.loaded());
      } else if (step === 'C') {
        childListens = true;
        for (const m of heightMessages(childId, 480)) toParent(m);
      } else if (step === 'R') {
        childSends({ type: 'eventmap:ready', date: '2025-05-24' });
      } else if (parentListens) {
        toChild(hs.loaded());
      }
    }
    return { heard, dispatched, childId, hellos };
  }

  for (const start of ['event-map', 'event-map-1']) {
    for (const order of orders) {
      it(`${order.join(' ')}, the iframe starting as ${start}`, () => {
        const r = simulate(order, start);
        expect(r.childId).toBe('event-map-1');
        const ready = (d: { type: string; embedId: string }) => d.type === 'eventmap:ready' && d.embedId === 'event-map-1';
        // Dispatched once. Heard once, or twice where the iframe is ready before its load event
        // (whose hello is then the first it hears, and answered: it cannot know the page heard it).
        expect(r.dispatched.filter(ready)).toHaveLength(1);
        expect(r.heard.filter(ready).length).toBeGreaterThanOrEqual(1);
        expect(r.heard.filter(ready).length).toBeLessThanOrEqual(2);
        expect(r.hellos).toBeLessThanOrEqual(3);
      });
    }
  }
});
