// The embed's postMessage surface (src/embed/messages, height-protocol,
// parent-core) against anything a hostile page can post: any structured-clone
// value, near-miss shapes, prototype tricks, huge strings. Nothing throws;
// only well-formed messages are accepted, and what is accepted is well formed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { originAllowed, parseCommand, parseEvent, targetOrigins } from '../../src/embed/messages.ts';
import { MAX_HEIGHT, MIN_HEIGHT, parseHeightMessage, parseWidthMessage } from '../../src/embed/height-protocol.ts';
import { actionFor } from '../../src/embed/parent-core.ts';
import { parseIsoDay } from '../../src/time/days.ts';
import { anyText, HOSTILE } from '../fixtures/hostile/arbitraries.ts';

const TYPES = ['eventmap:setDate', 'eventmap:play', 'eventmap:pause', 'eventmap:selectEvent', 'eventmap:ready', 'eventmap:dateChanged', 'eventmap:eventSelected', 'eventmap:playing', 'eventmap:error', 'eventmap:', 'EVENTMAP:PLAY', 'setDate', '__proto__', 'constructor'];
const fieldValue = fc.oneof(
  fc.constantFrom('2025-05-24', '2025-02-30', '0000-01-01', '', null, true, 0, -1, 1e308, Number.NaN, 'x'.repeat(201), 'x'.repeat(200), ...HOSTILE),
  anyText,
  fc.anything({ maxDepth: 2 }),
);
/** Messages shaped like ours, with every field possibly wrong. */
const nearMiss = fc.record(
  { type: fc.constantFrom(...TYPES), date: fieldValue, id: fieldValue, embedId: fieldValue, playing: fieldValue, message: fieldValue },
  { requiredKeys: ['type'] },
);
const pymLike = fc
  .tuple(fc.constantFrom('pym', 'PYM', 'pym '), anyText, fc.constantFrom('height', 'width', 'Height', ''), fc.oneof(anyText, fc.constantFrom('600', '49', '50', '20000', '20001', '1e3', '-5', 'NaN', 'Infinity', ' 300 ', '300px')))
  .map(([p, id, t, v]) => [p, id, t, v].join('xPYMx'));
const datawrapperLike = fc.oneof(
  fc.record({ 'datawrapper-height': fc.dictionary(fc.oneof(anyText, fc.constantFrom('__proto__', 'constructor')), fieldValue, { maxKeys: 2 }) }),
  fc.constant(JSON.parse('{"__proto__": {"datawrapper-height": {"x": 300}}}')),
);
const anyMessage = fc.oneof(fc.anything(), nearMiss, pymLike, datawrapperLike, anyText, fc.constantFrom(null, undefined, Object.create(null) as object));

describe('embed messages from a hostile page', () => {
  it('parseCommand accepts only the four commands, with valid fields', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(anyMessage, nearMiss), (m) => {
        const c = parseCommand(m);
        if (c === null) return;
        accepted++;
        expect(['eventmap:setDate', 'eventmap:play', 'eventmap:pause', 'eventmap:selectEvent']).toContain(c.type);
        if (c.type === 'eventmap:setDate') expect(parseIsoDay(c.date)).not.toBeNull();
        if (c.type === 'eventmap:selectEvent' && c.id !== null) expect(typeof c.id === 'string' && c.id.length >= 1 && c.id.length <= 200).toBe(true);
        // Only the fields of the command survive, nothing else the sender put in.
        expect(Object.keys(c).every((k) => ['type', 'date', 'id'].includes(k))).toBe(true);
      }),
      { seed: 601, numRuns: 1000 },
    );
    expect(accepted).toBeGreaterThan(20);
  });

  it('parseEvent accepts only our events, with valid fields', () => {
    fc.assert(
      fc.property(fc.oneof(anyMessage, nearMiss), (m) => {
        const e = parseEvent(m);
        if (e === null) return;
        expect(typeof e.embedId).toBe('string');
        expect(e.embedId.length).toBeLessThanOrEqual(200);
        if (e.type === 'eventmap:dateChanged') expect(parseIsoDay(e.date)).not.toBeNull();
        if (e.type === 'eventmap:error') expect(e.message.length).toBeLessThanOrEqual(500);
        if (e.type === 'eventmap:playing') expect(typeof e.playing).toBe('boolean');
      }),
      { seed: 602, numRuns: 1000 },
    );
  });

  it('height messages: only finite heights in range, from either protocol', () => {
    let accepted = 0;
    fc.assert(
      fc.property(anyMessage, anyText, (m, child) => {
        const h = parseHeightMessage(m);
        if (h !== null) {
          accepted++;
          expect(Number.isInteger(h.height) && h.height >= MIN_HEIGHT && h.height <= MAX_HEIGHT).toBe(true);
          expect(['pym', 'datawrapper']).toContain(h.protocol);
        }
        const w = parseWidthMessage(m, child);
        if (w !== null) expect(Number.isFinite(w) && w > 0).toBe(true);
      }),
      { seed: 603, numRuns: 1000 },
    );
    expect(accepted).toBeGreaterThan(0);
    expect(parseHeightMessage('pymxPYMxaxPYMxheightxPYMx300')).toEqual({ protocol: 'pym', id: 'a', height: 300 });
    expect(parseHeightMessage({ 'datawrapper-height': { c: 301 } })).toEqual({ protocol: 'datawrapper', id: 'c', height: 301 });
  });

  it('the parent acts only on messages whose source is one of its frames', () => {
    const a = { contentWindow: { name: 'a' } };
    const b = { contentWindow: { name: 'b' } };
    fc.assert(
      fc.property(anyMessage, fc.constantFrom(a.contentWindow, b.contentWindow, { name: 'a' }, null, undefined, globalThis), (m, source) => {
        const act = actionFor([a, b], source, m);
        if (act === null) return;
        expect(act.frame.contentWindow).toBe(source);
      }),
      { seed: 604, numRuns: 500 },
    );
  });

  it('origin allow-list: exact origins only once one is set', () => {
    const allow = ['https://news.example'];
    fc.assert(
      fc.property(fc.oneof(anyText, fc.constantFrom('https://news.example', 'https://news.example.evil.test', 'https://evil.test', 'null', 'http://news.example', 'https://NEWS.example', 'https://news.example/', '*')), (o) => {
        expect(originAllowed(o, allow)).toBe(o === 'https://news.example');
      }),
      { seed: 605, numRuns: 300 },
    );
    expect(targetOrigins(allow)).toEqual(allow);
    expect(originAllowed('https://anyone.example', [])).toBe(true);
  });
});
