import { describe, expect, test } from 'vitest';
import { groupDays } from '../../../src/app/aidant/handoff/groupDays';

const runs = (days: string[], alone: (d: string) => boolean = () => false) =>
  groupDays(days, (d) => d.split(':')[1]!, alone).map((r) => `${r.days.map((d) => d.split(':')[0]).join('+')}=${r.text}`);

describe('groupDays: the printed hours, days that read the same on one line', () => {
  test('consecutive equal days share a line; a change starts a new one', () => {
    expect(runs(['mo:8-12', 'tu:8-12', 'we:8-12', 'th:8-12', 'fr:8-12', 'sa:closed', 'su:closed'])).toEqual(['mo+tu+we+th+fr=8-12', 'sa+su=closed']);
    expect(runs(['mo:8-12', 'tu:closed', 'we:8-12'])).toEqual(['mo=8-12', 'tu=closed', 'we=8-12']);
  });

  test('a public holiday stays alone, and does not swallow the next day', () => {
    const holiday = (d: string) => d.startsWith('mo');
    expect(runs(['mo:closed', 'tu:closed', 'we:closed'], holiday)).toEqual(['mo=closed', 'tu+we=closed']);
  });

  test('no day, no line', () => {
    expect(runs([])).toEqual([]);
  });
});
