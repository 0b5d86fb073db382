import { describe, expect, it } from 'vitest';
import { actionFor, childIdFor, childIdOf } from './parent-core';

const winA = { name: 'a' };
const winB = { name: 'b' };
const frameA = { contentWindow: winA, id: 'A' };
const frameB = { contentWindow: winB, id: 'B' };
const frames = [frameA, frameB];

describe('actionFor', () => {
  const cases: { name: string; source: unknown; data: unknown; expected: unknown }[] = [
    { name: 'pym height from A sizes A', source: winA, data: 'pymxPYMxevent-map-1xPYMxheightxPYMx500', expected: { kind: 'height', frame: frameA, height: 500 } },
    { name: 'datawrapper height from B sizes B even if the id names A', source: winB, data: { 'datawrapper-height': { 'event-map-1': 333 } }, expected: { kind: 'height', frame: frameB, height: 333 } },
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
