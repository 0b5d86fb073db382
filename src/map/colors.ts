// Category colours: an ordinal d3 scale over the Okabe–Ito palette, which stays
// distinguishable for the common colour-vision deficiencies. "other" is grey.
import { scaleOrdinal } from 'd3-scale';
import { CATEGORIES, type Category } from '../events/types';

export const CATEGORY_COLORS = scaleOrdinal<Category, string>()
  .domain(CATEGORIES)
  .range([
    '#D55E00', // strike: vermillion
    '#0072B2', // air-defense: blue
    '#009E73', // prisoner-exchange: bluish green
    '#CC79A7', // talks: reddish purple
    '#56B4E9', // statement: sky blue
    '#E69F00', // casualties: orange
    '#5F5F5F', // other: dark grey
  ]);

export const CATEGORY_LABELS: Record<Category, string> = {
  strike: 'Strike',
  'air-defense': 'Air defence',
  'prisoner-exchange': 'Prisoner exchange',
  talks: 'Talks',
  statement: 'Statement',
  casualties: 'Casualties',
  other: 'Other',
};

/** Muted colour for background (historical) events. */
export const BACKGROUND_COLOR = '#a6a6a6';
