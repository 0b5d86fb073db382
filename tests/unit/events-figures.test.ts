import { describe, expect, it } from 'vitest';
import { extractFigures, parseNumber } from '../../src/geoparse/events/figures.ts';

describe('extractFigures (real sentences)', () => {
  const CASES: [string, Record<string, number>][] = [
    ['President Volodymyr Zelenskyy announced that another 307 Ukrainians had returned home on May 24, as part of a major prisoner exchange with Russia.', { returned: 307 }],
    ['“Just in these two days, 697 people have already been brought back,” Zelenskyy said on Telegram, referring to the 1,000-for-1,000 deal brokered in Turkey.', { perSide: 1000, returned: 697 }],
    ['In Moscow, the Defense Ministry reported on May 24 that 307 prisoners had been returned to Russia.', { returned: 307 }],
    ['Officials said 15 people had been injured in the biggest Russian aerial assault on Kyiv.', { injured: 15 }],
    ["The Ukrainian Air Force said 14 Iskander-M/KN-23 ballistic missiles, as well as about 250 Shahed attack drones and various types of drone decoys were used in the overnight attack on May 24, with the country's capital being the primary target.", { missiles: 14, drones: 250 }],
    ['The Ukrainian air force said its defenses had shot down six ballistic missiles aimed at Kyiv and that 245 enemy drones had been destroyed.', { missilesShotDown: 6, dronesShotDown: 245 }],
    ['In Moscow, the Defense Ministry stated that Russia had shot down 94 Ukrainian drones in various regions.', { dronesShotDown: 94 }],
    ['Russia launched 14 ballistic missiles and 250 drones overnight.', { missiles: 14, drones: 250 }],
    ['At least 12 civilians were killed, 15 injured.', { killed: 12, injured: 15 }],
    ['Three people were killed and twenty-five injured when a missile hit an apartment block.', { killed: 3, injured: 25 }],
    ['The strike on Sumy killed nine people and wounded four others.', { killed: 9, injured: 4 }],
    ['Air defences intercepted 30 of the 40 drones launched overnight.', { dronesShotDown: 30, drones: 40 }],
    ['Ukraine and Russia exchanged 390 prisoners each on Friday.', { returned: 390 }],
    // Numbers that are not figures: ages, durations, dates, clock times, model codes, years, ordinals.
    ['Victims included a 43-year-old woman hospitalized with a penetrating wound to her thigh, a 54-year-old man who had surgery after a shrapnel injury, and others, officials said.', {}],
    ['"The alert lasted 8 hours.', {}],
    ['VIDEO: Ukrainians Return Home In Major Prisoner Exchange With Russia No media source currently available 0:00 0:00:40 0:00', {}],
    ['Zelenskyy said the prisoner swap was “perhaps the only real result” of a 90-minute meeting between Ukrainian and Russian negotiators in Istanbul on May 16', {}],
    ['The attacks came hours after the two sides exchanged hundreds of prisoners in the first phase of a prisoner swap.', {}],
    ['As Day 2 of the swap went ahead, Zelenskyy underlined the dissonance.', {}],
  ];
  it.each(CASES)('%s', (sentence, want) => {
    expect(extractFigures(sentence)).toEqual(want);
  });
});

describe('parseNumber', () => {
  it.each([
    ['307', 307],
    ['1,000', 1000],
    ['1.5 million', 1_500_000],
    ['six', 6],
    ['twenty-five', 25],
    ['three hundred', 300],
    ['three hundred and twelve', 312],
    ['two thousand', 2000],
    ['a dozen', 12],
    ['many', null],
  ] as const)('%s → %s', (s, n) => expect(parseNumber(s)).toBe(n));
});
