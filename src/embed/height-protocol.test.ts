import { describe, expect, it } from 'vitest';
import { heightMessages, parseHeightMessage, parsePym, parseWidthMessage, pymMessage, withPymParams } from './height-protocol';

describe('pym messages', () => {
  it('writes the pym.js wire format', () => {
    expect(pymMessage('map-1', 'height', 480)).toBe('pymxPYMxmap-1xPYMxheightxPYMx480');
  });
  it.each([
    ['pymxPYMxmap-1xPYMxheightxPYMx480', { childId: 'map-1', type: 'height', value: '480' }],
    ['pymxPYMxmap-1xPYMxwidthxPYMx600', { childId: 'map-1', type: 'width', value: '600' }],
    ['pymxPYMxxPYMxheightxPYMx480', null],
    ['pymxPYMxaxPYMxheight', null],
    ['PYMxaxheight', null],
    [{ height: 480 }, null],
    [42, null],
  ])('parsePym(%j)', (input, expected) => expect(parsePym(input)).toEqual(expected));
});

describe('parseHeightMessage', () => {
  const cases: { name: string; data: unknown; expected: unknown }[] = [
    { name: 'pym height', data: 'pymxPYMxa1xPYMxheightxPYMx480', expected: { protocol: 'pym', id: 'a1', height: 480 } },
    { name: 'pym fractional height rounds up', data: 'pymxPYMxa1xPYMxheightxPYMx480.2', expected: { protocol: 'pym', id: 'a1', height: 481 } },
    { name: 'pym width is not a height', data: 'pymxPYMxa1xPYMxwidthxPYMx480', expected: null },
    { name: 'pym height not a number', data: 'pymxPYMxa1xPYMxheightxPYMx48px', expected: null },
    { name: 'pym height zero', data: 'pymxPYMxa1xPYMxheightxPYMx0', expected: null },
    { name: 'pym height absurd', data: 'pymxPYMxa1xPYMxheightxPYMx999999', expected: null },
    { name: 'datawrapper height', data: { 'datawrapper-height': { abc12: 530 } }, expected: { protocol: 'datawrapper', id: 'abc12', height: 530 } },
    { name: 'datawrapper string height', data: { 'datawrapper-height': { abc12: '530' } }, expected: { protocol: 'datawrapper', id: 'abc12', height: 530 } },
    { name: 'datawrapper two ids', data: { 'datawrapper-height': { a: 1, b: 2 } }, expected: null },
    { name: 'datawrapper NaN', data: { 'datawrapper-height': { a: Number.NaN } }, expected: null },
    { name: 'datawrapper inner array', data: { 'datawrapper-height': [500] }, expected: null },
    { name: 'our own events are not heights', data: { type: 'eventmap:ready', embedId: 'a', date: null }, expected: null },
    { name: 'null', data: null, expected: null },
  ];
  for (const c of cases) it(c.name, () => expect(parseHeightMessage(c.data)).toEqual(c.expected));
  it('reads back what the child writes, in both protocols', () => {
    expect(heightMessages('em-1', 612.4).map(parseHeightMessage)).toEqual([
      { protocol: 'pym', id: 'em-1', height: 613 },
      { protocol: 'datawrapper', id: 'em-1', height: 613 },
    ]);
  });
});

describe('parseWidthMessage', () => {
  it.each([
    ['pymxPYMxa1xPYMxwidthxPYMx600', 'a1', 600],
    ['pymxPYMxa2xPYMxwidthxPYMx600', 'a1', null],
    ['pymxPYMxa1xPYMxheightxPYMx600', 'a1', null],
    ['pymxPYMxa1xPYMxwidthxPYMx-3', 'a1', null],
  ])('%j for %j = %j', (data, id, expected) => expect(parseWidthMessage(data, id)).toBe(expected));
});

describe('withPymParams', () => {
  it.each([
    ['embed.html', 'em-1', 600, 'embed.html?initialWidth=600&childId=em-1'],
    ['embed.html?date=2025-05-24#x', 'em-1', 599.6, 'embed.html?date=2025-05-24&initialWidth=600&childId=em-1#x'],
    ['https://maps.example/sub/embed.html?childId=mine', 'em-1', 300, 'https://maps.example/sub/embed.html?childId=mine&initialWidth=300'],
  ])('%j', (src, id, w, expected) => expect(withPymParams(src, id, w)).toBe(expected));
});
