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
  TR: ['Turkiye'],
  AE: ['UAE', 'U.A.E.', 'Emirates'],
};

/**
 * GeoNames' own country points (the PCLI features) where world-countries' point is far
 * from them: scorers and users compare against GeoNames. Source: geonames.org, CC-BY 4.0.
 */
export const COUNTRY_POINTS: Record<string, [number, number]> = {
  US: [39.76, -98.5],
  CA: [60.10867, -113.64258],
  AU: [-25, 135],
  IN: [22, 79],
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
