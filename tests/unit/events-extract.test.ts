// The event builder's decisions, on short real-style texts with the place mentions
// given (as the geoparser would return them), so each rule is pinned on its own.
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/geoparse/articles/types.ts';
import { sharedBorder } from '../../src/geoparse/borders/shared-border.ts';
import { extractEvents, isPageFurniture } from '../../src/geoparse/events/extract.ts';
import type { PlaceMention } from '../../src/geoparse/types.ts';

const PLACES: Record<string, Omit<PlaceMention, 'start' | 'end' | 'surface' | 'alternatives'>> = {
  Kyiv: { name: 'Kyiv', lat: 50.45, lon: 30.52, kind: 'city', country: 'UA', geonameid: 703448, precisionKm: 20, confidence: 0.95 },
  Kharkiv: { name: 'Kharkiv', lat: 49.98, lon: 36.25, kind: 'city', country: 'UA', geonameid: 706483, precisionKm: 20, confidence: 0.95 },
  Istanbul: { name: 'Istanbul', lat: 41.01, lon: 28.95, kind: 'city', country: 'TR', geonameid: 745044, precisionKm: 20, confidence: 0.95 },
  Ukraine: { name: 'Ukraine', lat: 49, lon: 32, kind: 'country', country: 'UA', precisionKm: 400, confidence: 0.99 },
  Turkey: { name: 'Turkey', lat: 39, lon: 35, kind: 'country', country: 'TR', precisionKm: 500, confidence: 0.99 },
  Russian: { name: 'Russia', lat: 60, lon: 100, kind: 'country', country: 'RU', precisionKm: 1000, confidence: 0.99, modifier: true },
  US: { name: 'United States', lat: 39.76, lon: -98.5, kind: 'country', country: 'US', precisionKm: 1000, confidence: 0.99 },
  "Ukraine's border with Belarus": { name: 'Ukraine–Belarus border', lat: 51.59, lon: 28.12, kind: 'border', country: 'UA', countries: ['UA', 'BY'], precisionKm: 100, confidence: 0.95 },
};

/** Mentions of every known place name in the text, as the geoparser reports them. */
function mentionsIn(text: string): PlaceMention[] {
  const out: PlaceMention[] = [];
  for (const [surface, p] of Object.entries(PLACES))
    for (let i = text.indexOf(surface); i >= 0; i = text.indexOf(surface, i + 1)) {
      const inside = out.some((o) => o.start <= i && i + surface.length <= o.end);
      if (!inside || p.kind === 'border') out.push({ ...p, start: i, end: i + surface.length, surface, alternatives: [] });
    }
  return out.sort((a, b) => a.start - b.start);
}

const article = (text: string, date = '2025-05-24'): Article => ({ id: 'a', title: 't', date, text, file: 'a.txt' });
const run = (text: string, date?: string) => {
  const a = article(text, date);
  return extractEvents(a, mentionsIn(text), sharedBorder);
};
const summary = (text: string, date?: string) =>
  run(text, date).features.map((f) => {
    const p = f.properties;
    return `${p.place.name} ${p.category} ${p.date}/${p.datePrecision} ${p.status}${p.place.inferred ? ' inferred' : ''}`;
  });

describe('extractEvents', () => {
  const CASES: { name: string; text: string; want: string[] }[] = [
    {
      name: 'overnight strike dated the article date; the country of the city is not a second event',
      text: 'But while families in Ukraine welcomed their loved ones home, the country was reeling from a massive overnight Russian air assault on Kyiv.',
      want: ['Kyiv strike 2025-05-24/day reported'],
    },
    {
      name: 'talks dated by their own clause; the background clause after the dash keeps its own date',
      text: 'A meeting between negotiators in Istanbul on May 16 -- the first direct talks since Moscow launched its full-scale invasion of Ukraine in February 2022.',
      want: ['Ukraine strike 2022-02-01/month background', 'Istanbul talks 2025-05-16/day reported'],
    },
    {
      name: 'a country covered by a city event of the same kind gives way to that city (inferred)',
      text: 'Negotiators met in Istanbul on May 16. The deal was brokered in Turkey.',
      want: ['Istanbul talks 2025-05-16/day reported', 'Istanbul talks 2025-05-16/day reported inferred'],
    },
    {
      name: 'places named in passing make no events',
      text: 'Zelenskyy said Ukraine was waiting for sanctions from the US. Russian drones were seen.',
      want: [],
    },
    {
      name: 'a sentence about the exchange with no place takes the exchange site, flagged inferred; future → planned',
      text: "The May 23 exchange took place at Ukraine's border with Belarus. Zelenskyy added that the exchanges would continue for a third day on May 25.",
      want: ['Ukraine–Belarus border prisoner-exchange 2025-05-23/day reported', 'Ukraine–Belarus border prisoner-exchange 2025-05-25/day planned inferred'],
    },
    {
      name: '"Day 2 of the swap" counts from the first day of the exchange',
      text: "As Day 2 of the swap went ahead, officials spoke. The May 23 exchange took place at Ukraine's border with Belarus.",
      want: ['Ukraine–Belarus border prisoner-exchange 2025-05-23/day reported', 'Ukraine–Belarus border prisoner-exchange 2025-05-24/day reported inferred'],
    },
    {
      name: 'strikes are never inferred from elsewhere',
      text: 'Missiles struck Kyiv on May 23. Another attack followed on May 24.',
      want: ['Kyiv strike 2025-05-23/day reported'],
    },
    {
      name: 'a sentence without a date inherits the previous sentence in its paragraph, not across paragraphs',
      text: 'Missiles struck Kyiv on May 20. Drones also hit Kharkiv.\n\nDrones hit Kharkiv.',
      want: ['Kyiv strike 2025-05-20/day reported', 'Kharkiv strike 2025-05-20/day reported', 'Kharkiv strike 2025-05-24/day reported'],
    },
    {
      name: '"hours after" is anchored to the paragraph date; background history is not inherited',
      text: 'Kyiv was attacked in 2014. Drones hit Kharkiv hours after that.\n\nTalks on May 16 ended. Hours after, drones hit Kharkiv.',
      want: ['Kyiv strike 2014-01-01/year background', 'Kharkiv strike 2025-05-16/day reported', 'Kharkiv strike 2025-05-24/day reported'],
    },
    {
      name: 'a future date carries over only to sentences in the future tense',
      text: 'Talks will resume in Istanbul on May 30. Negotiators will meet in Istanbul again. Meanwhile, drones hit Kharkiv.',
      want: ['Istanbul talks 2025-05-30/day planned', 'Istanbul talks 2025-05-30/day planned', 'Kharkiv strike 2025-05-24/day reported'],
    },
    {
      name: 'a bare weekday in the past tense is the previous one',
      text: 'Two people were killed in Kharkiv on Friday, the governor said.',
      want: ['Kharkiv casualties 2025-05-23/day reported'],
    },
  ];
  it.each(CASES)('$name', ({ text, want }) => {
    expect(summary(text).sort()).toEqual([...want].sort());
  });

  it('quotes the sentence with offsets, gives a border its line, and states figures', () => {
    const text = "Officials said 307 prisoners had been returned. The May 23 exchange took place at Ukraine's border with Belarus.";
    const { features } = run(text);
    const border = features.find((f) => f.properties.date === '2025-05-23')!;
    expect(border.geometry.type).toBe('MultiLineString');
    expect(border.properties.place).toMatchObject({ kind: 'border', countries: ['UA', 'BY'], mention: "Ukraine's border with Belarus" });
    for (const f of features) expect(text.slice(f.properties.source.start, f.properties.source.end)).toBe(f.properties.quote);
    const inferred = features.find((f) => f.properties.place.inferred)!;
    expect(inferred.properties.figures).toEqual({ returned: 307 });
    expect(inferred.properties.confidence).toBeLessThan(border.properties.confidence);
    expect(inferred.id).toBe('a:0-47:ukraine-belarus-border');
  });

  it.each([
    ['VIDEO: Ukrainians Return Home In Major Prisoner Exchange With Russia No media source currently available 0:00 0:00:40 0:00', true],
    ['WATCH: Drone footage of the strike on Kyiv', true],
    ['The May 23 exchange took place at the border.', false],
    ['Video by RFE/RL showed emergency teams in Kyiv early on May 24.', false],
  ])('page furniture: %s → %s', (sentence, want) => {
    expect(isPageFurniture(sentence)).toBe(want);
  });

  it('reports what it did not map, and why', () => {
    const { review } = run('Zelenskyy said Ukraine was waiting for sanctions from the US, after a Russian attack on Kyiv.');
    expect(review.notMapped.map((m) => [m.surface, m.reason])).toEqual([
      ['Ukraine', 'named in passing (no locative construction)'],
      ['US', 'named in passing (no locative construction)'],
      ['Russian', 'modifier (demonym or adjective), not a place where something happens'],
    ]);
  });
});
