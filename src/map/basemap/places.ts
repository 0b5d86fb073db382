// Pure helpers for the basemap's label points: which GeoNames places become
// city labels, what they are called on the map, and from which zoom they show.

/** One row of GeoNames' cities1000.txt, the columns the basemap reads. */
export interface GeoNamesRow {
  geonameid: number;
  name: string;
  lat: number;
  lon: number;
  featureCode: string;
  countryCode: string;
  population: number;
}

/** Parses one tab-separated GeoNames line; undefined for a malformed one. */
export function parseGeoNamesLine(line: string): GeoNamesRow | undefined {
  const f = line.split('\t');
  if (f.length < 15) return undefined;
  const lat = Number(f[4]);
  const lon = Number(f[5]);
  const population = Number(f[14]);
  const geonameid = Number(f[0]);
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || !Number.isInteger(geonameid)) return undefined;
  return {
    geonameid,
    name: f[1]!,
    lat,
    lon,
    featureCode: f[7]!,
    countryCode: f[8]!,
    population: Number.isFinite(population) ? population : 0,
  };
}

/**
 * Feature codes that are not a place a reader would look for on a locator
 * map: sections of a city (PPLX, usually districts that crowd out the city's
 * own label), historical, abandoned, destroyed or religious sites.
 */
const SKIPPED_CODES = new Set(['PPLX', 'PPLH', 'PPLQ', 'PPLW', 'PPLCH', 'STLMT', 'PPLR']);

export function isMappedPlace(row: GeoNamesRow): boolean {
  return !SKIPPED_CODES.has(row.featureCode) && !EXCLUDED_PLACES.has(row.geonameid);
}

/**
 * Names as newsrooms write them today. The packaged GeoNames extract (2013)
 * still has Soviet-era or BGN/PCGN spellings for Ukrainian cities; AP and
 * Reuters follow Ukraine's official romanisation (Kyiv, Odesa, Dnipro).
 * Keyed by geonameid so a same-named town elsewhere is never renamed.
 */
export const NAME_OVERRIDES: Readonly<Record<number, string>> = {
  703448: 'Kyiv',
  698740: 'Odesa',
  709930: 'Dnipro',
  709932: 'Kamianske',
  687700: 'Zaporizhzhia',
  689558: 'Vinnytsia',
  700569: 'Mykolaiv',
  706369: 'Khmelnytskyi',
  703845: 'Kryvyi Rih',
  705812: 'Kropyvnytskyi',
  702320: 'Makiivka',
  691999: 'Sievierodonetsk',
  702972: 'Lysychansk',
  688105: 'Yevpatoriia',
  688148: 'Yenakiieve',
  698625: 'Oleksandriia',
  706950: 'Kamianets-Podilskyi',
  705104: 'Kostiantynivka',
  707308: 'Izmail',
  700646: 'Mukachevo',
  713174: 'Bakhmut',
  709161: 'Feodosiia',
  704422: 'Pokrovsk',
  616743: 'Druzhkivka',
  705392: 'Kolomyia',
  703656: 'Kupiansk',
  // Renamed in 2016 (decommunisation) or later.
  692975: 'Kadiivka',
  704202: 'Khrustalnyi',
  691374: 'Chystiakove',
  692105: 'Dovzhansk',
  694382: 'Shakhtarsk',
  710554: 'Sheptytskyi',
  699445: 'Samar',
  709354: 'Toretsk',
  707688: 'Chornomorsk',
  691037: 'Oleshky',
  703464: 'Varash',
  704679: 'Podilsk',
  699553: 'Zviahel',
  697637: 'Pereiaslav',
  6559559: 'Horishni Plavni',
  689378: 'Volodymyr',
  // Places in the news, in the official romanisation.
  707292: 'Izium',
  709276: 'Enerhodar',
  713122: 'Avdiivka',
  704204: 'Lyman',
  710229: 'Debaltseve',
  688373: 'Yasynuvata',
  694677: 'Selydove',
  703646: 'Kurakhove',
  709900: 'Dobropillia',
  696566: 'Popasna',
  712160: 'Bilhorod-Dnistrovskyi',
  6930327: 'Slavutych',
  712926: 'Balakliia',
  710374: 'Chuhuiv',
  713203: 'Armiansk',
  709334: 'Dzhankoi',
  712969: 'Bakhchysarai',
  708878: 'Henichesk',
  // Capitals as the English-language press writes them.
  112931: 'Tehran',
  1298824: 'Yangon',
  6611854: 'Naypyitaw',
  3703443: 'Panama City',
  4140963: 'Washington',
  2462881: 'Laayoune',
  2081986: 'Palikir',
};

/** GeoNames entries that duplicate another label (City of London carries Greater London's population). */
export const EXCLUDED_PLACES: ReadonlySet<number> = new Set([2643741]);

/** Apostrophe-like marks used for the soft sign in romanised Slavic names. */
const SOFT_SIGNS = /[’'ʼ′`]/g;

/** The label a place gets on the map. */
export function displayName(row: Pick<GeoNamesRow, 'geonameid' | 'name' | 'countryCode'>): string {
  const override = NAME_OVERRIDES[row.geonameid];
  if (override) return override;
  // Ukraine, Russia and Belarus: the soft sign mark is dropped in the
  // romanisations newsrooms use (Luhans'k → Luhansk).
  if (row.countryCode === 'UA' || row.countryCode === 'RU' || row.countryCode === 'BY') {
    const name = row.name.replace(SOFT_SIGNS, '');
    // Ukrainian -ий is -yi in the official romanisation, -yy in BGN/PCGN.
    return row.countryCode === 'UA' ? name.replace(/yy\b/g, 'yi') : name;
  }
  // English text drops the dot of Turkish İ (İstanbul → Istanbul).
  return row.name.replace(/İ/g, 'I');
}

/**
 * The zoom from which a city label may show. Capitals come earlier than other
 * cities of their size; symbol collision still thins what is left.
 */
export function cityMinZoom(population: number, capital: boolean): number {
  if (capital) return population >= 1_000_000 ? 2 : population >= 200_000 ? 3 : 4;
  if (population >= 5_000_000) return 3;
  if (population >= 1_000_000) return 4;
  if (population >= 300_000) return 5;
  if (population >= 100_000) return 6;
  if (population >= 40_000) return 7;
  return 8;
}

/** Smallest population kept in the basemap; capitals are always kept. */
export const MIN_CITY_POPULATION = 20_000;

/** The zoom from which a country label may show, by land area in km². */
export function countryMinZoom(areaKm2: number): number {
  if (areaKm2 >= 1_000_000) return 1;
  if (areaKm2 >= 250_000) return 2;
  if (areaKm2 >= 60_000) return 3;
  if (areaKm2 >= 15_000) return 4;
  return 5;
}

/** Countries this large also get regional label points (see regionalLabelPoints). */
export const REGIONAL_LABEL_AREA_KM2 = 2_000_000;
/** Zoom from which those regional points show. */
export const REGIONAL_LABEL_MINZOOM = 5;

/**
 * Shorter names for labels where world-countries' common name is long, and
 * the name the AP Stylebook uses where it differs ("Turkey").
 */
export const COUNTRY_LABELS: Readonly<Record<string, string>> = {
  CD: 'DR Congo',
  CF: 'Central African Rep.',
  BA: 'Bosnia and Herz.',
  DO: 'Dominican Rep.',
  TR: 'Turkey',
  MK: 'North Macedonia',
  AE: 'UAE',
  VC: 'St Vincent',
  KN: 'St Kitts and Nevis',
  SB: 'Solomon Is.',
  MH: 'Marshall Is.',
  GS: 'S. Georgia',
  HM: 'Heard I.',
  TF: 'Fr. S. Antarctic Lands',
  UM: 'US Minor Is.',
  IO: 'Br. Indian Ocean Ter.',
  PS: 'Palestine',
  VA: 'Vatican',
  CZ: 'Czechia',
  GQ: 'Eq. Guinea',
  SS: 'South Sudan',
  CI: "Côte d'Ivoire",
};
