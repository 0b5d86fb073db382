import { describe, expect, it } from 'vitest';
import { classifyPlace, isLocus } from '../../src/geoparse/events/classify.ts';
import { quotedSpans, splitClauses, splitSentences } from '../../src/geoparse/events/sentences.ts';

/** Offsets of the first `place` in `clause`. */
const at = (clause: string, place: string): [number, number] => {
  const i = clause.indexOf(place);
  if (i < 0) throw new Error(`"${place}" not in "${clause}"`);
  return [i, i + place.length];
};

describe('classifyPlace: the category of the event at a place (real clauses)', () => {
  const CASES: [string, string, string][] = [
    ['But while families in Ukraine welcomed their loved ones home, the country was simultaneously reeling from a massive overnight Russian air assault on Kyiv.', 'Kyiv', 'strike'],
    ['The authorities also reported deadly missile strikes on the port city of Odesa and on Kupyansk in northeastern Ukraine.', 'Odesa', 'strike'],
    ['The authorities also reported deadly missile strikes on the port city of Odesa and on Kupyansk in northeastern Ukraine.', 'Kupyansk', 'strike'],
    ['Zelenskyy said the prisoner swap was “perhaps the only real result” of a 90-minute meeting between Ukrainian and Russian negotiators in Istanbul on May 16', 'Istanbul', 'talks'],
    ["The May 23 exchange took place at Ukraine's border with Belarus, a Russian ally that has supported the invasion without sending its own troops to fight in the war.", "Ukraine's border with Belarus", 'prisoner-exchange'],
    ['The Ukrainian air force said its defenses had shot down six ballistic missiles aimed at Kyiv', 'Kyiv', 'air-defense'],
    ['Video by RFE/RL\'s Ukrainian Service showed emergency teams using flashlights as they searched smoking rubble-strewn buildings for casualties in Kyiv early on May 24.', 'Kyiv', 'casualties'],
    ['In Moscow, the Defense Ministry reported on May 24', 'Moscow', 'statement'],
    ['The soldiers were currently in Belarus receiving medical attention, it added.', 'Belarus', 'other'],
    ['referring to the 1,000-for-1,000 deal brokered in Turkey.', 'Turkey', 'talks'],
    ['Two people were killed in Kharkiv, the regional governor said.', 'Kharkiv', 'casualties'],
    ['Both were charged with felonious assault and held in the Hamilton County jail.', 'Hamilton County', 'other'],
    ["The Ukrainian Air Force said 14 Iskander-M/KN-23 ballistic missiles, as well as about 250 Shahed attack drones and various types of drone decoys were used in the overnight attack on May 24, with the country's capital being the primary target.", "the country's capital", 'strike'],
  ];
  it.each(CASES)('%s → %s is %s', (clause, place, want) => {
    expect(classifyPlace(clause, ...at(clause, place)).category).toBe(want);
  });
});

describe('isLocus: where something happens vs named in passing', () => {
  const CASES: [string, string, boolean][] = [
    ['families in Ukraine welcomed their loved ones home', 'Ukraine', true],
    ['deadly missile strikes on the port city of Odesa', 'Odesa', true],
    ['and on Kupyansk in northeastern Ukraine.', 'Ukraine', true],
    ['In Moscow, the Defense Ministry reported on May 24', 'Moscow', true],
    ['since shortly after Moscow launched its full-scale invasion of Ukraine in February 2022.', 'Ukraine', true],
    ['Kyiv was hit by a massive drone attack', 'Kyiv', true],
    ['Russian drones struck Kharkiv overnight', 'Kharkiv', true],
    ['Zelenskyy also emphasized that Ukraine was “waiting for sanctions from the US, Europe and all our partners.”', 'US', false],
    ['as part of a major prisoner exchange with Russia.', 'Russia', false],
    ['since shortly after Moscow launched its full-scale invasion of Ukraine in February 2022.', 'Moscow', false],
    ['and the National Guard of Ukraine.”', 'Ukraine', false],
    ['“Ukraine has offered cease-fires many times', 'Ukraine', false],
    ['Enemy targets have been shot down," said the Kyiv regional military administration.', 'Kyiv', false],
    ["were used in the overnight attack on May 24, with the country's capital being the primary target.", "the country's capital", true],
    ['Kharkiv was the main target of the overnight barrage.', 'Kharkiv', true],
    ['Moscow was the first to respond to the proposal.', 'Moscow', false],
  ];
  it.each(CASES)('%s → %s: %s', (clause, place, want) => {
    expect(isLocus(clause, ...at(clause, place))).toBe(want);
  });
});

describe('sentences and clauses', () => {
  const text =
    'In Moscow, the Defense Ministry reported on May 24 that 307 prisoners had been returned to Russia. The soldiers were currently in Belarus, it added.\n\n' +
    '"The alert lasted 8 hours. Air defense forces worked effectively in the region. Enemy targets have been shot down," said the Kyiv regional military administration.\n\n' +
    'Gen. Oleksandr Syrskyi met U.S. officials in Washington -- the first such visit; talks went on.\n' +
    'VIDEO: Ukrainians Return Home No media source currently available 0:00';

  it('splits sentences with offsets into the text, and paragraphs', () => {
    const s = splitSentences(text);
    expect(s.map((x) => [x.paragraph, text.slice(x.start, x.end)])).toEqual([
      [0, 'In Moscow, the Defense Ministry reported on May 24 that 307 prisoners had been returned to Russia.'],
      [0, 'The soldiers were currently in Belarus, it added.'],
      [1, '"The alert lasted 8 hours.'],
      [1, 'Air defense forces worked effectively in the region.'],
      [1, 'Enemy targets have been shot down," said the Kyiv regional military administration.'],
      [2, 'Gen. Oleksandr Syrskyi met U.S. officials in Washington -- the first such visit; talks went on.'],
      [2, 'VIDEO: Ukrainians Return Home No media source currently available 0:00'],
    ]);
  });

  it('reads Windows line ends the same way', () => {
    const crlf = text.replace(/\n/g, '\r\n');
    const s = splitSentences(crlf);
    expect(s.map((x) => [x.paragraph, crlf.slice(x.start, x.end)])).toEqual(
      splitSentences(text).map((x) => [x.paragraph, text.slice(x.start, x.end)]),
    );
  });

  it('splits clauses at reported speech, dashes and semicolons', () => {
    const s = splitSentences(text);
    const clauses = (i: number) => splitClauses(text, s[i]!).map((c) => text.slice(c.start, c.end));
    expect(clauses(0)).toEqual(['In Moscow, the Defense Ministry reported on May 24', 'that 307 prisoners had been returned to Russia.']);
    expect(clauses(5)).toEqual(['Gen. Oleksandr Syrskyi met U.S. officials in Washington', 'the first such visit', 'talks went on.']);
  });

  it('finds quoted speech', () => {
    const t = 'It was “another night of terror,” he said. "I saw the explosion," said Vadym.';
    expect(quotedSpans(t).map((q) => t.slice(q.start, q.end))).toEqual(['“another night of terror,”', '"I saw the explosion,"']);
  });
});
