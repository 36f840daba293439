import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pruneHolidayDefinitions } from '../../../src/build/pruneHolidays';

// The library's own ES build, as the browser build sees it.
const library = join(dirname(createRequire(import.meta.url).resolve('opening_hours')), 'opening_hours.esm.mjs');

describe('pruneHolidayDefinitions', () => {
  it("keeps only France in the opening_hours library's holiday definitions", () => {
    const pruned = pruneHolidayDefinitions(readFileSync(library, 'utf8'), ['fr']);
    expect(pruned).toBeDefined();
    const block = /var holiday_definitions = [^;]*;/.exec(pruned!)?.[0] ?? '';
    expect(block).toMatch(/\bfr: fr\b/);
    expect(block).toMatch(/__proto__: null/);
    expect(block).not.toMatch(/\bde: de\b/);
    expect(block).not.toMatch(/\bus: us\b/);
  });

  it('leaves the code alone when the definitions or a kept country are not there', () => {
    expect(pruneHolidayDefinitions('const x = 1;', ['fr'])).toBeUndefined();
    const code = 'var holiday_definitions = /*#__PURE__*/Object.freeze({\n  __proto__: null,\n  de: de\n});';
    expect(pruneHolidayDefinitions(code, ['fr'])).toBeUndefined();
  });
});
