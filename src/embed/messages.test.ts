import { describe, expect, it } from 'vitest';
import { domEventName, originAllowed, parseCommand, parseEvent, targetOrigins } from './messages';

describe('parseCommand', () => {
  const cases: { name: string; data: unknown; expected: unknown }[] = [
    { name: 'setDate', data: { type: 'eventmap:setDate', date: '2025-05-24' }, expected: { type: 'eventmap:setDate', date: '2025-05-24' } },
    { name: 'setDate with extra keys keeps only ours', data: { type: 'eventmap:setDate', date: '2025-05-24', x: 1 }, expected: { type: 'eventmap:setDate', date: '2025-05-24' } },
    { name: 'setDate with an impossible day', data: { type: 'eventmap:setDate', date: '2025-02-30' }, expected: null },
    { name: 'setDate with a number', data: { type: 'eventmap:setDate', date: 20250524 }, expected: null },
    { name: 'setDate without date', data: { type: 'eventmap:setDate' }, expected: null },
    { name: 'play', data: { type: 'eventmap:play' }, expected: { type: 'eventmap:play' } },
    { name: 'pause', data: { type: 'eventmap:pause' }, expected: { type: 'eventmap:pause' } },
    { name: 'selectEvent', data: { type: 'eventmap:selectEvent', id: 'strike-kyiv' }, expected: { type: 'eventmap:selectEvent', id: 'strike-kyiv' } },
    { name: 'selectEvent null clears', data: { type: 'eventmap:selectEvent', id: null }, expected: { type: 'eventmap:selectEvent', id: null } },
    { name: 'selectEvent empty id', data: { type: 'eventmap:selectEvent', id: '' }, expected: null },
    { name: 'selectEvent huge id', data: { type: 'eventmap:selectEvent', id: 'x'.repeat(201) }, expected: null },
    { name: 'selectEvent object id', data: { type: 'eventmap:selectEvent', id: { toString: () => 'a' } }, expected: null },
    { name: 'unknown type', data: { type: 'eventmap:explode' }, expected: null },
    { name: 'an event is not a command', data: { type: 'eventmap:ready', embedId: 'a', date: null }, expected: null },
    { name: 'a pym string', data: 'pymxPYMxaxPYMxwidthxPYMx600', expected: null },
    { name: 'JSON text is not parsed', data: '{"type":"eventmap:play"}', expected: null },
    { name: 'null', data: null, expected: null },
    { name: 'array', data: [{ type: 'eventmap:play' }], expected: null },
    { name: 'type inherited from the prototype', data: Object.create({ type: 'eventmap:play' }), expected: null },
    { name: 'class instance', data: new (class { type = 'eventmap:play'; })(), expected: null },
  ];
  for (const c of cases) it(c.name, () => expect(parseCommand(c.data)).toEqual(c.expected));
});

describe('parseEvent', () => {
  const cases: { name: string; data: unknown; expected: unknown }[] = [
    { name: 'ready', data: { type: 'eventmap:ready', embedId: 'a', date: '2025-05-24' }, expected: { type: 'eventmap:ready', embedId: 'a', date: '2025-05-24' } },
    { name: 'ready without a date (data failed)', data: { type: 'eventmap:ready', embedId: 'a', date: null }, expected: { type: 'eventmap:ready', embedId: 'a', date: null } },
    { name: 'dateChanged', data: { type: 'eventmap:dateChanged', embedId: 'a', date: '2025-05-25' }, expected: { type: 'eventmap:dateChanged', embedId: 'a', date: '2025-05-25' } },
    { name: 'dateChanged bad date', data: { type: 'eventmap:dateChanged', embedId: 'a', date: 'soon' }, expected: null },
    { name: 'eventSelected', data: { type: 'eventmap:eventSelected', embedId: 'a', id: 'x' }, expected: { type: 'eventmap:eventSelected', embedId: 'a', id: 'x' } },
    { name: 'playing', data: { type: 'eventmap:playing', embedId: 'a', playing: true }, expected: { type: 'eventmap:playing', embedId: 'a', playing: true } },
    { name: 'playing as string', data: { type: 'eventmap:playing', embedId: 'a', playing: 'yes' }, expected: null },
    { name: 'error message capped', data: { type: 'eventmap:error', embedId: 'a', message: 'x'.repeat(600) }, expected: { type: 'eventmap:error', embedId: 'a', message: 'x'.repeat(500) } },
    { name: 'missing embedId', data: { type: 'eventmap:ready', date: null }, expected: null },
    { name: 'a command is not an event', data: { type: 'eventmap:play', embedId: 'a' }, expected: null },
  ];
  for (const c of cases) it(c.name, () => expect(parseEvent(c.data)).toEqual(c.expected));
});

describe('origins', () => {
  it.each([
    ['https://news.example', [], true],
    ['null', [], true],
    ['https://news.example', ['https://news.example'], true],
    ['https://evil.example', ['https://news.example'], false],
    ['https://news.example:8443', ['https://news.example'], false],
    ['null', ['https://news.example'], false],
  ] as [string, string[], boolean][])('originAllowed(%j, %j) = %j', (origin, allow, expected) => {
    expect(originAllowed(origin, allow)).toBe(expected);
  });
  it('posts to each allowed origin, or * when any may listen', () => {
    expect(targetOrigins([])).toEqual(['*']);
    expect(targetOrigins(['https://a.example', 'https://b.example'])).toEqual(['https://a.example', 'https://b.example']);
  });
  it('names DOM events after the type', () => {
    expect(domEventName('eventmap:dateChanged')).toBe('datechanged');
    expect(domEventName('eventmap:ready')).toBe('ready');
  });
});
