// Names of seas and oceans. Natural Earth's marine polygons are not in the
// packaged world-atlas, so this short editorial list places them by hand; the
// basemap build checks that each point lies in water (not inside a country).

export interface MarineLabel {
  name: string;
  lon: number;
  lat: number;
  /** Zoom from which the label shows. */
  minzoom: number;
}

export const MARINE_LABELS: readonly MarineLabel[] = [
  { name: 'Pacific Ocean', lon: -140, lat: 8, minzoom: 0 },
  { name: 'Pacific Ocean', lon: 165, lat: 25, minzoom: 1 },
  { name: 'Atlantic Ocean', lon: -40, lat: 28, minzoom: 0 },
  { name: 'Atlantic Ocean', lon: -18, lat: -22, minzoom: 1 },
  { name: 'Indian Ocean', lon: 80, lat: -22, minzoom: 0 },
  { name: 'Arctic Ocean', lon: 0, lat: 82, minzoom: 1 },
  { name: 'Southern Ocean', lon: 60, lat: -60, minzoom: 1 },
  { name: 'Mediterranean Sea', lon: 18.5, lat: 34.2, minzoom: 3 },
  { name: 'Black Sea', lon: 34.2, lat: 43.2, minzoom: 3 },
  { name: 'Sea of Azov', lon: 36.6, lat: 46.1, minzoom: 5 },
  { name: 'Caspian Sea', lon: 50.8, lat: 42.3, minzoom: 3 },
  { name: 'Baltic Sea', lon: 19.3, lat: 57.2, minzoom: 3 },
  { name: 'North Sea', lon: 3.5, lat: 56, minzoom: 3 },
  { name: 'Norwegian Sea', lon: 4, lat: 68, minzoom: 3 },
  { name: 'Barents Sea', lon: 40, lat: 73.5, minzoom: 3 },
  { name: 'Red Sea', lon: 38.4, lat: 20.8, minzoom: 4 },
  { name: 'Persian Gulf', lon: 51.6, lat: 27, minzoom: 4 },
  { name: 'Arabian Sea', lon: 64, lat: 16, minzoom: 3 },
  { name: 'Bay of Bengal', lon: 88.5, lat: 15, minzoom: 3 },
  { name: 'South China Sea', lon: 114, lat: 14, minzoom: 3 },
  { name: 'East China Sea', lon: 126, lat: 29.5, minzoom: 4 },
  { name: 'Sea of Japan', lon: 135, lat: 40.5, minzoom: 4 },
  { name: 'Philippine Sea', lon: 133, lat: 20, minzoom: 3 },
  { name: 'Sea of Okhotsk', lon: 149, lat: 54, minzoom: 3 },
  { name: 'Bering Sea', lon: -178, lat: 58, minzoom: 3 },
  { name: 'Gulf of Alaska', lon: -146, lat: 56.5, minzoom: 4 },
  { name: 'Hudson Bay', lon: -86, lat: 59.5, minzoom: 3 },
  { name: 'Labrador Sea', lon: -54, lat: 58.5, minzoom: 4 },
  { name: 'Gulf of Mexico', lon: -90, lat: 25.3, minzoom: 3 },
  { name: 'Caribbean Sea', lon: -75, lat: 14.8, minzoom: 3 },
  { name: 'Gulf of Guinea', lon: 3, lat: 2, minzoom: 4 },
  { name: 'Gulf of Aden', lon: 48, lat: 12.4, minzoom: 5 },
  { name: 'Tasman Sea', lon: 161, lat: -38, minzoom: 3 },
  { name: 'Coral Sea', lon: 155, lat: -16, minzoom: 3 },
  { name: 'Adriatic Sea', lon: 15.6, lat: 42.9, minzoom: 5 },
  { name: 'Aegean Sea', lon: 25, lat: 39.2, minzoom: 5 },
  { name: 'Ionian Sea', lon: 18.5, lat: 37.8, minzoom: 5 },
  { name: 'Tyrrhenian Sea', lon: 12, lat: 40, minzoom: 5 },
  { name: 'Bay of Biscay', lon: -5, lat: 45.6, minzoom: 5 },
  { name: 'Gulf of Bothnia', lon: 20.6, lat: 62.3, minzoom: 5 },
];
