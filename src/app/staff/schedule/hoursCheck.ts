import type { SchoolHolidayPeriod } from '../../../shared/domain/territory';
import { nextPassages } from '../../../shared/hours/nextPassages';
import { parseHours } from '../../../shared/hours/parseHours';

// Loaded only by useHoursCheck (dynamic import): it pulls in the opening_hours library.

export interface HoursCheck {
  ok: boolean;
  error?: string;
  warnings: readonly string[];
  passages: Array<{ start: Date; end: Date; uncertain: boolean }>;
}

export function checkHours(value: string, now: Date, schoolHolidays: readonly SchoolHolidayPeriod[] = []): HoursCheck {
  const parsed = parseHours(value, schoolHolidays.length ? { schoolHolidays } : {});
  if (!parsed.ok) return { ok: false, error: parsed.error, warnings: [], passages: [] };
  const next = nextPassages(parsed.hours, now, 5);
  return { ok: true, warnings: parsed.hours.warnings, passages: next.passages };
}
