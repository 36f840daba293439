// Parses an opening_hours value once, with the holiday configuration it needs, into an
// `Hours` that the evaluators (openingStatus, weekSchedule, nextPassages) share.
//
// This is the only file that imports the opening_hours library (about 200 KB): the app
// loads this module lazily after first paint.

import OpeningHoursLibrary from 'opening_hours';
import type { opening_hours as OpeningHoursObject, nominatim_object } from 'opening_hours';
import { CIVRAISIEN_LOCATION, type HolidayLocation } from './holidayLocation';
import { checkSchoolHolidays, type SchoolHoliday, type SchoolHolidayCoverage } from './SchoolHoliday';
import { rewriteSchoolHolidays, usesSchoolHolidays } from './rewriteSchoolHolidays';

export interface ParseHoursOptions {
  /** School holidays from the territory data. When given, `SH` is rewritten into these
   *  dates and the library's bundled data is not used (see rewriteSchoolHolidays.ts). */
  schoolHolidays?: readonly SchoolHoliday[];
  /** Defaults to the Civraisien (French holidays, zone A). */
  location?: HolidayLocation;
  /** Language of the library's error and warning messages; French by default. */
  locale?: 'fr' | 'en' | 'de';
}

/**
 * Where school holidays come from for this value:
 * - 'unused': the value has no `SH`;
 * - 'calendar': rewritten from the given calendar, valid within `coverage` only
 *   (no coverage when the calendar is empty: every `SH` question is unknown);
 * - 'library': the library's bundled data, which throws past its last year (caught by
 *   the evaluators and reported as unknown).
 */
export type SchoolHolidaySource =
  | { kind: 'unused' }
  | { kind: 'calendar'; coverage: SchoolHolidayCoverage | undefined }
  | { kind: 'library' };

export interface Hours {
  /** The value as given. */
  readonly value: string;
  /** The value handed to the library (with `SH` rewritten when a calendar was given). */
  readonly evaluatedValue: string;
  readonly schoolHolidays: SchoolHolidaySource;
  /** Library warnings (auto-corrected mistakes, e.g. "Please omit "h""), for editors. */
  readonly warnings: readonly string[];
  /** The library object; evaluate it with wall-clock Dates only (parisWallClock.ts). */
  readonly library: OpeningHoursObject;
}

export type ParseHoursResult = { ok: true; hours: Hours } | { ok: false; error: string };

export function parseHours(value: string, options: ParseHoursOptions = {}): ParseHoursResult {
  const locale = options.locale ?? 'fr';
  const location = options.location ?? CIVRAISIEN_LOCATION;
  if (value.trim() === '') return { ok: false, error: 'Empty opening hours' };

  const warnings: string[] = [];
  let evaluatedValue = value;
  let schoolHolidays: SchoolHolidaySource = { kind: 'unused' };
  if (usesSchoolHolidays(value)) {
    schoolHolidays = { kind: 'library' };
    if (options.schoolHolidays) {
      const calendar = checkSchoolHolidays(options.schoolHolidays);
      if (!calendar.ok) return { ok: false, error: calendar.error };
      if (calendar.holidays.length === 0) {
        // Nothing to rewrite into; the evaluators answer "unknown" for SH without asking
        // the library.
        schoolHolidays = { kind: 'calendar', coverage: undefined };
      } else {
        const rewritten = rewriteSchoolHolidays(value, calendar.holidays);
        if (rewritten.ok) {
          evaluatedValue = rewritten.value;
          schoolHolidays = { kind: 'calendar', coverage: calendar.coverage };
        } else {
          warnings.push(`${rewritten.error}; using the library's school holidays instead.`);
        }
      }
    }
  }

  try {
    const library = new OpeningHoursLibrary(
      evaluatedValue,
      // The typings want numbers for lat/lon; the code wants strings (holidayLocation.ts).
      location as unknown as nominatim_object,
      // The typings make every key required; undefined means the library default.
      { locale, tag_key: 'opening_hours', mode: undefined, map_value: undefined, warnings_severity: undefined },
    );
    warnings.push(...library.getWarnings());
    return { ok: true, hours: { value, evaluatedValue, schoolHolidays, warnings, library } };
  } catch (error) {
    // The library throws plain strings such as `Mo-Fr 25:00 <--- (Time range starts
    // outside of the current day)`.
    return { ok: false, error: errorMessage(error) };
  }
}

export function errorMessage(error: unknown): string {
  if (typeof error === 'string') return error.trim();
  if (error instanceof Error) return error.message;
  return String(error);
}
