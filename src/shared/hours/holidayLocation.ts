// Where the opening_hours library looks up public holidays (PH) and school holidays (SH).
//
// Without a location the library throws "Country code missing" as soon as a rule with PH
// is evaluated (and a `null` location silently means Baden-Württemberg!). With
// country_code 'fr' it applies the French public holidays; `state` picks the bundled
// school-holiday set: 'Nouvelle-Aquitaine' (académie de Poitiers, zone A) for the
// Civraisien. PH for 'fr' is country-wide (Alsace-Moselle extras are not relevant here).
//
// Hazard: lat/lon must be *strings*. The library's typings say number, but its code only
// reads them when `typeof lat === 'string'`; numbers are ignored and sunrise/sunset fall
// back to fixed 06:00/18:00.

export interface HolidayLocation {
  /** Decimal degrees, as a string (see above). Used only for sunrise/sunset/dawn/dusk. */
  lat: string;
  lon: string;
  address: { country_code: string; state: string };
}

/** Centre of the CC du Civraisien en Poitou (Vienne, Nouvelle-Aquitaine). */
export const CIVRAISIEN_LOCATION: HolidayLocation = {
  lat: '46.23',
  lon: '0.33',
  address: { country_code: 'fr', state: 'Nouvelle-Aquitaine' },
};
