// Places referred to by role ("the Ukrainian capital", "the country's capital"):
// recognised with the real gazetteer, resolved from the country named or the text
// around them, marked `coreference`, and never returned as toponyms by default.
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { geoparse, loadGazetteer, withCapitalReferences, type Gazetteer } from '../../src/geoparse/geoparse.ts';
import { findCapitalReferences } from '../../src/geoparse/recognise/capitals.ts';

let gaz: Gazetteer;
beforeAll(async () => {
  gaz = await loadGazetteer();
}, 120_000);

const references = (text: string) => geoparse(text, gaz, { coreference: true }).filter((m) => m.coreference);

describe('capital references resolve to the capital', () => {
  const cases: { name: string; text: string; surface: string; place: string; country: string; lat: number; lon: number }[] = [
    { name: 'demonym', text: 'Russian missiles and drones struck the Ukrainian capital overnight, officials said.', surface: 'the Ukrainian capital', place: 'Kyiv', country: 'UA', lat: 50.45, lon: 30.52 },
    { name: 'demonym, another country', text: 'Drones were shot down on approach to the Russian capital, Mayor Sergei Sobyanin said.', surface: 'the Russian capital', place: 'Moscow', country: 'RU', lat: 55.75, lon: 37.62 },
    { name: 'demonym, sentence-final', text: 'Thousands of farmers drove their tractors into the French capital.', surface: 'the French capital', place: 'Paris', country: 'FR', lat: 48.85, lon: 2.35 },
    { name: 'two-word demonym', text: 'Protesters gathered in the South Korean capital on Saturday.', surface: 'the South Korean capital', place: 'Seoul', country: 'KR', lat: 37.57, lon: 126.98 },
    { name: "the country's capital after a sentence naming Ukraine", text: "Ukraine said its air defences worked through the night. The country's capital was the main target of the attack.", surface: "The country's capital", place: 'Kyiv', country: 'UA', lat: 50.45, lon: 30.52 },
    { name: "a country's possessive", text: "Explosions were heard in Ukraine's capital early on Saturday.", surface: "Ukraine's capital", place: 'Kyiv', country: 'UA', lat: 50.45, lon: 30.52 },
    { name: 'the capital of a named country', text: 'Talks are due in the capital of Turkey next week.', surface: 'the capital of Turkey', place: 'Ankara', country: 'TR', lat: 39.92, lon: 32.85 },
    { name: 'bare "the capital" after a city of the country', text: 'Drones hit Kharkiv and Odesa overnight. In the capital, air defences were active for hours.', surface: 'the capital', place: 'Kyiv', country: 'UA', lat: 50.45, lon: 30.52 },
    { name: "the nation's capital", text: "The United States tightened security. Thousands marched in the nation's capital on Saturday.", surface: "the nation's capital", place: 'Washington D.C.', country: 'US', lat: 38.9, lon: -77.04 },
    { name: "the capital's (possessive)", text: "Ukraine came under a heavy attack. The capital's mayor, Vitali Klitschko, said 15 people were injured.", surface: 'The capital', place: 'Kyiv', country: 'UA', lat: 50.45, lon: 30.52 },
  ];
  it.each(cases)('$name', ({ text, surface, place, country, lat, lon }) => {
    const refs = references(text);
    expect(refs.map((m) => [m.surface, m.name, m.country, m.kind])).toEqual([[surface, place, country, 'city']]);
    const m = refs[0]!;
    expect(text.slice(m.start, m.end)).toBe(m.surface);
    expect(m.lat).toBeCloseTo(lat, 0);
    expect(m.lon).toBeCloseTo(lon, 0);
    // By role, not by name: less certain than a name.
    expect(m.confidence).toBeGreaterThan(0.3);
    expect(m.confidence).toBeLessThan(0.9);
  });

  it('the dominant country when the context names it, else the nearest country named', () => {
    // "Russian" is nearer, but the story and the sentence before are about Ukraine.
    const attacker = 'Kyiv and Odesa were hit again. Russian drones struck the capital overnight.';
    expect(references(attacker).map((m) => [m.surface, m.name])).toEqual([['the capital', 'Kyiv']]);
    // Ukraine dominates the story, but the two sentences before name France only.
    const moved = 'Kyiv and Odesa were hit again. Ukraine asked for help. Zelenskyy later flew to France. He met Macron there. The capital welcomed him with flags.';
    expect(references(moved).map((m) => [m.surface, m.name])).toEqual([['The capital', 'Paris']]);
    // No place in the two sentences before: the dominant country, at lower confidence.
    const far = 'Kyiv and Odesa were hit again. Ukraine asked for help. Nobody answered. Days passed. The capital was quiet on Sunday.';
    const r = references(far);
    expect(r.map((m) => [m.surface, m.name])).toEqual([['The capital', 'Kyiv']]);
    expect(r[0]!.confidence).toBeLessThan(references(attacker)[0]!.confidence);
  });

  it('a name in the reference is replaced by it; a name in apposition is the mention', () => {
    const places = geoparse('Russian drones struck the Ukrainian capital. Kyiv, the Ukrainian capital, was hit.', gaz, { coreference: true });
    expect(places.map((m) => [m.surface, m.name, !!m.coreference])).toEqual([
      ['Russian', 'Russia', false],
      ['the Ukrainian capital', 'Kyiv', true],
      ['Kyiv', 'Kyiv', false],
      ['Ukrainian', 'Ukraine', false],
    ]);
  });
});

describe('not capital references', () => {
  const cases: { name: string; text: string }[] = [
    { name: 'capital punishment', text: 'Ukraine abolished capital punishment in 1999, and the capital punishment debate ended.' },
    { name: 'capital gains', text: 'In France, the capital gains tax rose again this year.' },
    { name: 'venture capital', text: 'Ukrainian start-ups raised venture capital in Kyiv and Lviv.' },
    { name: 'Capital One', text: 'Capital One said its offices in Washington were closed. The Capital One arena reopened.' },
    { name: 'money someone has or raises', text: "The Ohio company had the expertise but didn't have the capital or a location. It hopes to raise the capital by May." },
    { name: 'the capital markets', text: 'Investors in Russia watched the capital markets closely.' },
    { name: 'working capital', text: 'The French company needs more working capital, its chief said.' },
    { name: 'a name right after it', text: 'In Ukraine, sirens sounded in the capital Kyiv and in the capital city of Odesa region.' },
    { name: 'a name in apposition', text: 'In Ukraine, sirens sounded in the capital, Kyiv, and in the Russian capital, Moscow.' },
    { name: 'a state before a bare "the capital"', text: 'Texas lawmakers returned to the capital on Monday.' },
    { name: 'no country anywhere', text: 'The capital was quiet on Sunday.' },
    { name: 'an adjective that is no demonym', text: 'Ukraine moved its offices to the regional capital and then to the old capital.' },
    { name: 'upper-case Capital in a name', text: 'Ukraine sent envoys to the Capital Region of Denmark.' },
  ];
  it.each(cases)('$name', ({ text }) => {
    expect(references(text)).toEqual([]);
  });
});

describe('not toponyms', () => {
  it('geoparse leaves them out unless asked, so the CLI and the evaluation never see them', () => {
    const text = "Ukraine said the country's capital and the Russian capital were both attacked.";
    const plain = geoparse(text, gaz);
    expect(plain.some((m) => m.coreference)).toBe(false);
    expect(plain.map((m) => m.surface)).toEqual(['Ukraine', 'Russian']);
    const withRefs = geoparse(text, gaz, { coreference: true });
    expect(withRefs.map((m) => m.surface)).toEqual(['Ukraine', "the country's capital", 'the Russian capital']);
  });

  it('withCapitalReferences is idempotent and leaves a text without "capital" alone', () => {
    const text = "Ukraine said the country's capital was attacked.";
    const once = withCapitalReferences(text, geoparse(text, gaz), gaz);
    expect(withCapitalReferences(text, once, gaz)).toEqual(once);
    const none = geoparse('Kyiv was attacked.', gaz);
    expect(withCapitalReferences('Kyiv was attacked.', none, gaz)).toBe(none);
  });

  it('finds the words only: offsets, forms and the country named', () => {
    const text = "The French capital and Ukraine's capital; the capital of Turkey; the nation's capital, the capital.";
    expect(findCapitalReferences(text, gaz).map((r) => [text.slice(r.start, r.end), r.surface, r.form, r.country ?? null])).toEqual([
      ['The French capital', 'The French capital', 'demonym', 'FR'],
      ["Ukraine's capital", "Ukraine's capital", 'named', 'UA'],
      ['the capital of Turkey', 'the capital of Turkey', 'named', 'TR'],
      ["the nation's capital", "the nation's capital", 'country', null],
      ['the capital', 'the capital', 'bare', null],
    ]);
  });
});

describe('any text', () => {
  const pieces = ['the capital', "the country's capital", 'the Ukrainian capital', "Ukraine's capital", 'the capital of France', 'Capital', 'capital', 'Kyiv', 'Ukraine', 'Texas', 'Russian', ', ', '. ', ' ', "'s", 'gains', 'was hit', 'the', 'The', '\n\n'];
  it('mentions quote their offsets, are sorted and never overlap', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const ms = geoparse(text, gaz, { coreference: true });
        for (const [i, m] of ms.entries()) {
          expect(text.slice(m.start, m.end)).toBe(m.surface);
          if (i > 0) expect(m.start).toBeGreaterThanOrEqual(ms[i - 1]!.end);
          if (m.coreference) expect(m.kind).toBe('city');
        }
      }),
      { numRuns: 300, seed: 20250524 },
    );
  });
});
