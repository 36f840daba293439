// Live validation for the opening-hours field of a form: same parser as evaluation, so
// what the form accepts is exactly what the app can evaluate.

import { parseHours, type ParseHoursOptions } from './parseHours';

export type HoursValidation =
  | { ok: true; warnings: readonly string[] }
  | { ok: false; error: string };

export function validateHours(value: string, options?: ParseHoursOptions): HoursValidation {
  const parsed = parseHours(value, options);
  return parsed.ok ? { ok: true, warnings: parsed.hours.warnings } : parsed;
}
