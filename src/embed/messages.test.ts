import { describe, expect, it } from 'vitest';
import { answerHello, domEventName, helloMessage, nextStatus, originAllowed, parseCommand, parseEvent, parseHello, targetOrigins } from './messages';

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

describe('parseHello', () => {
  it.each([
    [helloMessage('event-map-1'), 'event-map-1'],
    [{ type: 'eventmap:hello', childId: 'em-abc', extra: 1 }, 'em-abc'],
    [{ type: 'eventmap:hello', childId: '<b>' }, null],
    [{ type: 'eventmap:hello', childId: '' }, null],
    [{ type: 'eventmap:hello', childId: 'x'.repeat(101) }, null],
    [{ type: 'eventmap:hello' }, null],
    [{ type: 'eventmap:play' }, null],
    ['pymxPYMxevent-map-1xPYMxwidthxPYMx600', null],
    [Object.create({ type: 'eventmap:hello', childId: 'a' }), null],
  ] as [unknown, string | null][])('%j → %j', (data, expected) => expect(parseHello(data)).toBe(expected));

  it('a hello is no command', () => expect(parseCommand(helloMessage('a'))).toBeNull());
});

describe('answerHello', () => {
  const ready = { type: 'eventmap:ready', date: '2025-05-24' } as const;
  const cases: { name: string; embedId: string; status: Parameters<typeof answerHello>[1]; greeted: boolean; data: unknown; expected: unknown }[] = [
    { name: 'ready under the default id: renamed, and says ready again under the new id', embedId: 'event-map', status: ready, greeted: false, data: helloMessage('event-map-1'), expected: { embedId: 'event-map-1', renamed: true, reply: ready } },
    { name: 'renamed by a later hello: says ready again', embedId: 'event-map', status: ready, greeted: true, data: helloMessage('event-map-1'), expected: { embedId: 'event-map-1', renamed: true, reply: ready } },
    { name: 'not ready yet: renamed, nothing to say', embedId: 'event-map', status: null, greeted: false, data: helloMessage('event-map-1'), expected: { embedId: 'event-map-1', renamed: true, reply: null } },
    { name: 'the first hello under the same id (a parent that came late): says ready', embedId: 'em-abc', status: ready, greeted: false, data: helloMessage('em-abc'), expected: { embedId: 'em-abc', renamed: false, reply: ready } },
    { name: 'asked again under the same id: nothing new to say', embedId: 'event-map-1', status: ready, greeted: true, data: helloMessage('event-map-1'), expected: { embedId: 'event-map-1', renamed: false, reply: null } },
    { name: 'failed: says so', embedId: 'a', status: { type: 'eventmap:error', message: 'HTTP 404' }, greeted: false, data: helloMessage('a'), expected: { embedId: 'a', renamed: false, reply: { type: 'eventmap:error', message: 'HTTP 404' } } },
    { name: 'a hello with a bad id is ignored', embedId: 'a', status: ready, greeted: false, data: helloMessage('<script>'), expected: null },
    { name: 'a command is no hello', embedId: 'a', status: ready, greeted: false, data: { type: 'eventmap:play' }, expected: null },
  ];
  for (const c of cases) it(c.name, () => expect(answerHello(c.embedId, c.status, c.greeted, c.data)).toEqual(c.expected));
});

describe('nextStatus', () => {
  it('follows ready, the date, and errors', () => {
    let s = nextStatus(null, { type: 'eventmap:dateChanged', date: '2025-05-24' });
    expect(s).toBeNull();
    s = nextStatus(s, { type: 'eventmap:ready', date: '2025-05-24' });
    s = nextStatus(s, { type: 'eventmap:eventSelected', id: 'x' });
    s = nextStatus(s, { type: 'eventmap:dateChanged', date: '2025-05-25' });
    expect(s).toEqual({ type: 'eventmap:ready', date: '2025-05-25' });
    s = nextStatus(s, { type: 'eventmap:error', message: 'bad' });
    expect(nextStatus(s, { type: 'eventmap:dateChanged', date: '2025-05-26' })).toEqual({ type: 'eventmap:error', message: 'bad' });
  });
});
