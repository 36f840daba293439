import { parisFields } from '../../shared/hours/parisWallClock';
import { label, locale, t } from './i18n';

// Dates and times are always shown in Paris time: the services are in the Vienne,
// whatever zone the phone is set to.

// Times and days in Paris are spelt here from parisFields (the EU summer-time rule,
// shared/hours/parisWallClock.ts), not with Intl.DateTimeFormat: the first one a page
// builds loads the engine's date data (measured in Chromium at 4× CPU: 180–250 ms for the
// first one, under 10 ms for the next ones), and the public screens' opening badges, bus
// passages and sync status would pay it in one long task (Lighthouse's Total Blocking
// Time). The words are the ones Intl gives for fr-FR and en-GB (tests/unit/app/format.test.ts
// compares them), kept in the public catalogue (`weekdays`, `months`, `date.at`) so the
// English ones load with the rest of the English.
const two = (n: number) => String(n).padStart(2, '0');
/** Day of the week (0 = Sunday) of a calendar date. */
const weekdayOf = (f: { year: number; month: number; day: number }) => new Date(Date.UTC(f.year, f.month - 1, f.day)).getUTCDay();

// Building an Intl formatter costs far more than formatting with it (the home formats a
// distance and an opening time per place: 21 % of its list's render at 4× CPU), so each
// one is built once per language and options and kept.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function dateFormat(name: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d:${name}:${locale()}`;
  let format = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(locale(), options)));
  return format;
}
function numberFormat(digits: number): Intl.NumberFormat {
  const key = `n:${digits}:${locale()}`;
  let format = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.NumberFormat(locale(), { maximumFractionDigits: digits })));
  return format;
}

/** A time of day in Paris, as people write it: "9 h 30" in French, "9:30" in English. */
export function formatTime(instant: Date): string {
  const f = parisFields(instant);
  return formatHm(`${two(f.hour)}:${two(f.minute)}`);
}

/** "mardi 3 mars" ("Tuesday 3 March"), in Paris. */
export function formatDay(instant: Date): string {
  const f = parisFields(instant);
  return `${label('weekdays', String(weekdayOf(f)))} ${f.day} ${label('months', String(f.month))}`;
}

/** A calendar date `YYYY-MM-DD` as "3 mars 2026". */
export function formatCalendarDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return dateFormat('calendarDate', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** Weekday name of a calendar date, "lundi". */
export function formatWeekday(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return dateFormat('weekday', { timeZone: 'UTC', weekday: 'long' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** "3 mars à 09:05" ("3 March at 09:05"), in Paris. */
export function formatDateTime(instant: Date): string {
  const f = parisFields(instant);
  return `${f.day} ${label('months', String(f.month))} ${t('date.at')} ${two(f.hour)}:${two(f.minute)}`;
}

/**
 * A distance in km, one decimal under 10 km ("2,5" in French, "2.5" in English).
 * Without Intl below 1,000 km (no grouping there): the home's list is the first thing the
 * cold start shows, and the page's first Intl.NumberFormat costs 20–70 ms at 4× CPU.
 * Same digits as Intl.NumberFormat's maximumFractionDigits (half away from zero, trailing
 * zero dropped).
 */
export function formatKm(km: number): string {
  const digits = km < 10 ? 1 : 0;
  if (!(km >= 0 && km < 999.5)) return numberFormat(digits).format(km);
  // Intl rounds the shortest decimal spelling of the number (0.15 → "0,2"), half away
  // from zero: shift that spelling by `digits` places, round, shift back. String() of the
  // result drops a trailing ".0", as maximumFractionDigits does.
  const text = km < 1e-6 ? '0' : String(Math.round(Number(`${km}e${digits}`)) / 10 ** digits);
  return locale() === 'fr-FR' ? text.replace('.', ',') : text;
}

export function formatNumber(n: number, digits = 0): string {
  return numberFormat(digits).format(n);
}

/** A language code as its name in the interface language ("anglais"). */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([locale()], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A wall-clock "08:30" as people write it: "8 h 30" in French, "8:30" in English. */
export function formatHm(hhmm: string): string {
  const [h, m] = hhmm.split(':');
  const hour = String(Number(h));
  // Non-breaking spaces: "16 h 30" never splits across lines.
  if (locale() === 'fr-FR') return m === '00' ? `${hour}\u00a0h` : `${hour}\u00a0h\u00a0${m}`;
  return `${hour}:${m}`;
}
