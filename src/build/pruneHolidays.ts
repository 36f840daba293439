import type { Plugin } from 'vite';

/**
 * Keeps only the countries Escale uses in the opening_hours library's bundled holiday
 * definitions, in the browser build.
 *
 * Why: the library's ES build carries the public and school holidays of 62 countries,
 * 548 KB of its 1.18 MB source, as object literals evaluated when the opening-hours chunk
 * loads. The app only ever looks up France (src/shared/hours/holidayLocation.ts: every
 * parse uses CIVRAISIEN_LOCATION, country_code 'fr'), yet the chunk's compile and
 * evaluation was one of the long tasks Lighthouse counts in Total Blocking Time on the
 * public screens. With the other countries' literals no longer referenced, the bundler
 * drops them.
 *
 * The server and the tests import the library through Node and keep every country. When
 * the library's layout changes and the definitions are not found, the build says so and
 * leaves the module as it is (nothing breaks; the chunk is only larger).
 */
export interface PruneHolidaysOptions {
  /** ISO 3166-1 alpha-2 codes, lower case, to keep. */
  countries?: readonly string[];
}

const LIBRARY = /[\\/]opening_hours[\\/]build[\\/]opening_hours\.esm\.mjs$/;
// `var holiday_definitions = /*#__PURE__*/Object.freeze({ __proto__: null, ad: ad, … });`
const DEFINITIONS = /(var holiday_definitions = \/\*#__PURE__\*\/Object\.freeze\(\{)([^}]*)(\}\);)/;

/** Pure: the library's source with only `countries` left in its holiday definitions, or undefined when not found. */
export function pruneHolidayDefinitions(code: string, countries: readonly string[]): string | undefined {
  const match = DEFINITIONS.exec(code);
  if (!match) return undefined;
  const entries = match[2]!.split(',').map((e) => e.trim()).filter(Boolean);
  const kept = entries.filter((entry) => {
    const key = entry.split(':')[0]!.trim();
    return key === '__proto__' || countries.includes(key);
  });
  if (countries.some((c) => !kept.some((entry) => entry.split(':')[0]!.trim() === c))) return undefined;
  return code.replace(DEFINITIONS, `$1\n  ${kept.join(',\n  ')}\n$3`);
}

export function pruneHolidays(options: PruneHolidaysOptions = {}): Plugin {
  const countries = options.countries ?? ['fr'];
  return {
    name: 'escale:prune-holidays',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!LIBRARY.test(id)) return;
      const pruned = pruneHolidayDefinitions(code, countries);
      if (pruned === undefined) {
        this.warn(`opening_hours: holiday definitions not found (library layout changed?); kept every country`);
        return;
      }
      return { code: pruned, map: null };
    },
  };
}
