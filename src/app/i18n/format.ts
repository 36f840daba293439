import { locale } from './i18n';

// Dates and times are always shown in Paris time: the services are in the Vienne,
// whatever zone the phone is set to.
const TIME_ZONE = 'Europe/Paris';

const parisClock = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' });

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
  return formatHm(parisClock.format(instant));
}

/** "mardi 3 mars". */
export function formatDay(instant: Date): string {
  return dateFormat('day', { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long' }).format(instant);
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

export function formatDateTime(instant: Date): string {
  return dateFormat('dateTime', { timeZone: TIME_ZONE, day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }).format(instant);
}

export function formatKm(km: number): string {
  return numberFormat(km < 10 ? 1 : 0).format(km);
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
