import type { SchoolHolidayPeriod } from '../../../shared/domain/territory';
import { nextPassages } from '../../../shared/hours/nextPassages';
import { parseHours } from '../../../shared/hours/parseHours';

// Loaded only by useHoursCheck (dynamic import): it pulls in the opening_hours library.

export interface HoursCheck {
  ok: boolean;
  error?: string;
  warnings: readonly string[];
  passages: Array<{ start: Date; end: Date; uncertain: boolean }>;
  /**
   * The value uses `SH`: the last day of the school calendar it is read against (the
   * territory's), or '' when there is none to read it against. Undefined without `SH`.
   * Past that day the screens answer « à confirmer » for these hours.
   */
  schoolHolidaysUntil?: string;
}

export function checkHours(value: string, now: Date, schoolHolidays: readonly SchoolHolidayPeriod[] = []): HoursCheck {
  const parsed = parseHours(value, schoolHolidays.length ? { schoolHolidays } : {});
  if (!parsed.ok) return { ok: false, error: parsed.error, warnings: [], passages: [] };
  const next = nextPassages(parsed.hours, now, 5);
  const source = parsed.hours.schoolHolidays;
  const until = source.kind === 'unused' ? undefined : source.kind === 'calendar' ? source.coverage?.to ?? '' : '';
  return { ok: true, warnings: parsed.hours.warnings, passages: next.passages, ...(until === undefined ? {} : { schoolHolidaysUntil: until }) };
}
