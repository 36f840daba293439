import { describe, expect, test } from 'vitest';
import { describeIssue, describeIssues, type SchemaIssue } from '../../../src/shared/domain/formatIssues';

// Schema issues as sentences for people: French (API errors, import reports, the French
// interface) and English (the English interface, logs), the same facts in both.

const ISSUES: Array<[SchemaIssue, string, string]> = [
  [{ code: 'invalid_type', path: ['steps', 0, 'label'], expected: 'string' },
    'steps[1].label : manquant ou du mauvais type (attendu : string)', 'steps[1].label: missing or wrong type (expected string)'],
  [{ code: 'invalid_type', path: [], expected: 'object' }, 'la valeur : valeur inattendue', 'the value: unexpected value'],
  [{ code: 'too_small', path: ['name'], minimum: 1 }, 'name : trop court ou trop petit (minimum 1)', 'name: too short or too small (minimum 1)'],
  [{ code: 'too_big', path: ['name'], maximum: 200 }, 'name : trop long ou trop grand (maximum 200)', 'name: too long or too large (maximum 200)'],
  [{ code: 'invalid_format', path: ['website'], format: 'url' }, 'website : format invalide (url)', 'website: invalid format (url)'],
  [{ code: 'invalid_value', path: ['need'], values: ['papers', 'jobs'] },
    'need : valeur non reconnue (valeurs possibles : papers, jobs)', 'need: unknown value (possible values: papers, jobs)'],
  [{ code: 'unrecognized_keys', path: ['extra'] }, 'extra : champ inconnu', 'extra: unknown field'],
  [{ code: 'custom', path: ['hours'] }, 'hours : valeur invalide', 'hours: invalid value'],
];

describe('describeIssue', () => {
  test.each(ISSUES)('%j', (issue, french, english) => {
    expect(describeIssue(issue)).toBe(french);
    expect(describeIssue(issue, 'fr')).toBe(french);
    expect(describeIssue(issue, 'en')).toBe(english);
  });

  test('at most 8 possible values, then an ellipsis', () => {
    const issue: SchemaIssue = { code: 'invalid_value', path: ['k'], values: 'abcdefghi'.split('') };
    expect(describeIssue(issue)).toBe('k : valeur non reconnue (valeurs possibles : a, b, c, d, e, f, g, h…)');
    expect(describeIssue(issue, 'en')).toBe('k: unknown value (possible values: a, b, c, d, e, f, g, h…)');
  });
});

describe('describeIssues', () => {
  test('joins at most `max` sentences and counts the rest', () => {
    const issues = ISSUES.map(([issue]) => issue);
    expect(describeIssues(issues.slice(0, 2))).toBe('steps[1].label : manquant ou du mauvais type (attendu : string) ; la valeur : valeur inattendue');
    expect(describeIssues(issues, 'fr', 2)).toMatch(/ ; … et 6 autre\(s\) problème\(s\)$/);
    expect(describeIssues(issues, 'en', 2)).toBe('steps[1].label: missing or wrong type (expected string); the value: unexpected value; … and 6 more');
  });
});
