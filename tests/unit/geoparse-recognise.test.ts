// Recognition: which words of real-style news sentences are places, and which are
// people, organisations, streets and common words that must stay out.
import { beforeAll, describe, expect, it } from 'vitest';
import { geoparse, loadGazetteer, type Gazetteer } from '../../src/geoparse/geoparse.ts';
import { tokenise } from '../../src/geoparse/recognise/tokenise.ts';
import { findPeople } from '../../src/geoparse/recognise/people.ts';

let gaz: Gazetteer;
beforeAll(async () => {
  gaz = await loadGazetteer();
}, 120_000);

const surfaces = (text: string) => geoparse(text, gaz).map((p) => p.surface);

describe('places found', () => {
  const cases: { name: string; text: string; places: string[] }[] = [
    { name: 'possessive', text: "Ukraine's air force said the attack was repelled.", places: ['Ukraine'] },
    { name: 'sentence-initial names, one known by an alternate name', text: 'Kyiv and Odesa were hit. Kupyansk in Ukraine too.', places: ['Kyiv', 'Odesa', 'Kupyansk', 'Ukraine'] },
    { name: 'multi-word name, longest match', text: 'She moved from New York City to Winston-Salem last year.', places: ['New York City', 'Winston-Salem'] },
    { name: 'dotted country', text: 'U.S. officials declined to comment.', places: ['U.S.'] },
    { name: 'AP state abbreviations with and without a space', text: 'CHARLESTON, W.Va. -- The fund, based in Beckley, W. Va., grew.', places: ['CHARLESTON', 'W.Va.', 'Beckley', 'W. Va.'] },
    { name: 'hyphenated parts', text: 'Egyptian-US relations improved, said Rep. Ray Miller, D-Columbus.', places: ['Egyptian', 'US', 'Columbus'] },
    { name: 'multi-word demonym', text: 'Sri Lankan troops pushed north.', places: ['Sri Lankan'] },
    { name: 'region demonym', text: 'South Ossetian officials said Ohioans were safe.', places: ['South Ossetian', 'Ohioans'] },
    { name: 'city nickname', text: 'The L.A. port signed on for 25 trucks.', places: ['L.A.'] },
    { name: 'attributive place after "the"', text: 'The Mansfield resident spoke at the Mount Pleasant City Council meeting.', places: ['Mansfield', 'Mount Pleasant'] },
    { name: 'county', text: 'The Laurel County sheriff said deputies responded.', places: ['Laurel County'] },
    { name: 'transliteration variant', text: 'Missiles also struck Kupyansk in northeastern Ukraine.', places: ['Kupyansk', 'Ukraine'] },
    { name: 'place inside an organisation name', text: 'The Gainesville Police Department arrested him.', places: ['Gainesville'] },
    { name: 'region phrase', text: 'Drones were shot down over the Kyiv region and Kharkiv Oblast.', places: ['Kyiv region', 'Kharkiv Oblast'] },
  ];
  it.each(cases)('$name', ({ text, places }) => {
    expect(surfaces(text)).toEqual(places);
  });
});

describe('not places', () => {
  const cases: { name: string; text: string; places: string[] }[] = [
    { name: 'people after a title and a given name', text: 'President Volodymyr Zelenskyy spoke with British Foreign Secretary David Lammy.', places: ['British'] },
    { name: 'unlisted given names of witnesses', text: 'A man who gave his name as Serhiy told RFE/RL. Another witness called Vadym agreed.', places: [] },
    { name: 'organisations and outlets', text: 'Zelenskyy said on Telegram that the National Guard and the Defense Ministry would help. The Kremlin denied it.', places: [] },
    { name: 'towns named like English words', text: 'Police said the Media office was closed. Of the 40 cases, most were in Ohio.', places: ['Ohio'] },
    { name: 'age marks a person, whose surname is blocked afterwards', text: 'Chiquita Henry, 19, of Alexandria, was arrested. Henry was released on bond.', places: ['Alexandria'] },
    { name: 'streets', text: 'The fire at 6016 Dublin Road spread to a house on Orchard Street.', places: [] },
    { name: 'a foreign town no other name points to (a brand here)', text: 'The Toyota dealership in Ozark, Mo., reopened Monday.', places: ['Ozark', 'Mo.'] },
    { name: 'a party named after a country', text: 'He left United Russia last year.', places: [] },
    { name: 'a given name before another capitalised word', text: 'The Scott West Panthers won the section title.', places: [] },
    { name: 'a lone surname that speaks', text: 'Harrison said the budget was tight.', places: [] },
    { name: 'the White House is a building', text: 'The White House said the talks would go on.', places: [] },
    { name: 'demonyms inside organisation names', text: 'The American Red Cross opened a shelter.', places: [] },
    { name: 'sentence-initial common word', text: 'Man charged in robbery. Union leaders met.', places: [] },
  ];
  it.each(cases)('$name', ({ text, places }) => {
    expect(surfaces(text)).toEqual(places);
  });
});

describe('findPeople', () => {
  const none = { isMajorPlace: () => false, isPlaceName: () => false, isProminentPlace: () => false };
  const cases: { text: string; people: string[]; surnames: string[] }[] = [
    { text: 'Sen. Ray Miller spoke.', people: ['Ray', 'Miller'], surnames: ['miller'] },
    { text: 'David Lammy wrote on social media.', people: ['David', 'Lammy'], surnames: ['lammy'] },
    { text: 'Chiquita Raquel Henry, 19, was arrested.', people: ['Chiquita', 'Raquel', 'Henry'], surnames: ['henry'] },
    { text: 'He lives in New York.', people: [], surnames: [] },
    { text: 'The Boone County sheriff said.', people: [], surnames: [] },
  ];
  it.each(cases)('$text', ({ text, people, surnames }) => {
    const tokens = tokenise(text);
    const r = findPeople(text, tokens, none);
    expect([...r.tokens].sort((a, b) => a - b).map((i) => tokens[i]!.text)).toEqual(people);
    expect([...r.surnames]).toEqual(surnames);
  });
});

describe('border phrases', () => {
  it("Ukraine's border with Belarus is one border mention", () => {
    const text = "The May 23 exchange took place at Ukraine's border with Belarus, a Russian ally.";
    const [border, russian] = geoparse(text, gaz);
    expect(border).toMatchObject({ surface: "Ukraine's border with Belarus", kind: 'border', countries: ['UA', 'BY'] });
    expect(text.slice(border!.start, border!.end)).toBe(border!.surface);
    // The point lies on the border, between the two countries' points.
    expect(border!.lat).toBeGreaterThan(51);
    expect(border!.lat).toBeLessThan(52.5);
    expect(russian).toMatchObject({ surface: 'Russian', country: 'RU', modifier: true });
  });
  it('"the border with Belarus" takes the article\'s own country first', () => {
    const text = 'Ukraine said the exchange at the border with Belarus went ahead.';
    const border = geoparse(text, gaz).find((p) => p.kind === 'border');
    expect(border).toMatchObject({ surface: 'border with Belarus', countries: ['UA', 'BY'] });
  });
});

describe('region phrases', () => {
  it('"Kharkiv Oblast" and "the Kyiv region" are the oblasts, not the cities', () => {
    const text = 'A Russian air assault on Kyiv also hit homes in the Kyiv region and in Kharkiv Oblast.';
    const byName = new Map(geoparse(text, gaz).map((p) => [p.surface, p]));
    expect(byName.get('Kyiv')).toMatchObject({ kind: 'city', country: 'UA' });
    expect(byName.get('Kyiv region')).toMatchObject({ kind: 'region', country: 'UA', name: 'Kyivska oblast' });
    expect(byName.get('Kharkiv Oblast')).toMatchObject({ kind: 'region', country: 'UA', name: 'Kharkivska oblast' });
  });
});

describe('demonyms', () => {
  it('resolve to the country and are marked as modifiers', () => {
    const [russian, kyiv] = geoparse('A massive overnight Russian air assault on Kyiv.', gaz);
    expect(russian).toMatchObject({ surface: 'Russian', kind: 'country', country: 'RU', modifier: true });
    expect(kyiv).toMatchObject({ surface: 'Kyiv', name: 'Kyiv', kind: 'city', country: 'UA' });
    expect(kyiv!.modifier).toBeUndefined();
  });
});
