// Conversion between real instants and "wall-clock Dates" for Europe/Paris.
//
// Why: the opening_hours library reads a Date's *local* fields (getHours, getDay…), so it
// evaluates in whatever zone the host runs in (UTC on a server, New York on a traveller's
// laptop). We hand it a Date whose local fields spell the Paris wall-clock time, and map
// the Dates it returns back to real instants.
//
// Hazard: a wall-clock Date is built with `new Date(y, m, d, h, min)` in the *host* zone.
// If the host zone itself skips that local time (its own spring-forward hour, e.g. 02:30 on
// the second Sunday of March in New York), the fields shift by an hour. Hosts in Paris or
// UTC, the only ones that matter in practice, are exact.

const PARIS = 'Europe/Paris';

// Paris time is computed from the rule in force since 1996 (EU directive 2000/84/EC, the
// same rule the time-zone database holds for Europe/Paris): summer time, UTC+2, from 01:00
// UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October; UTC+1 the
// rest of the year. Why not Intl: the first Intl.DateTimeFormat a page builds loads the
// engine's date and zone data, 180–250 ms at 4× CPU in Chromium, in the task that first
// asks for a Paris time (the home's opening badges: Lighthouse's Total Blocking Time).
// Instants before 1996, when the rule differed, still go through Intl (built on first use).
// Hazard: if the EU ends seasonal clock changes, this rule must change with it
// (tests/unit/hours/parisWallClock.test.ts compares it with Intl hour by hour).
const RULE_SINCE_MS = Date.UTC(1996, 0, 1);
const HOUR_MS = 60 * 60 * 1000;

let parisParts: Intl.DateTimeFormat | undefined;
// en-GB with h23 gives "00".."23" hours (never "24" at midnight, as hour12:false can).
const intlParts = () =>
  (parisParts ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: PARIS,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }));

/** 01:00 UTC on the last Sunday of `month` (0-based) of `year`, in ms. */
function lastSundayAtOneUtc(year: number, month: number): number {
  const lastDay = Date.UTC(year, month + 1, 0);
  return lastDay - new Date(lastDay).getUTCDay() * DAY_MS + HOUR_MS;
}

/** Paris wall-clock fields of an instant (month 1–12). */
export interface ParisFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

export function parisFields(instant: Date): ParisFields {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid time value'); // as Intl's format
  if (ms < RULE_SINCE_MS) return intlFields(instant);
  const year = new Date(ms).getUTCFullYear();
  const summer = ms >= lastSundayAtOneUtc(year, 2) && ms < lastSundayAtOneUtc(year, 9);
  const wall = new Date(ms + (summer ? 2 : 1) * HOUR_MS);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    millisecond: wall.getUTCMilliseconds(),
  };
}

function intlFields(instant: Date): ParisFields {
  const fields: Record<string, number> = {};
  for (const part of intlParts().formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields['year'] ?? NaN,
    month: fields['month'] ?? NaN,
    day: fields['day'] ?? NaN,
    hour: fields['hour'] ?? NaN,
    minute: fields['minute'] ?? NaN,
    second: fields['second'] ?? NaN,
    // Intl does not carry milliseconds without fractionalSecondDigits; Paris offsets are
    // whole minutes, so the instant's own milliseconds are the wall clock's.
    millisecond: ((instant.getTime() % 1000) + 1000) % 1000,
  };
}

/** Paris UTC offset at an instant, in milliseconds (+1 h in winter, +2 h in summer). */
function parisOffsetMs(instantMs: number): number {
  const f = parisFields(new Date(instantMs));
  const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, f.millisecond);
  return asUtc - instantMs;
}

/** A Date whose local fields equal the Paris wall-clock time of `instant`. */
export function parisWallClock(instant: Date): Date {
  const f = parisFields(instant);
  return new Date(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, f.millisecond);
}

/**
 * The real instant at which Paris clocks show the local fields of `wall`.
 *
 * Around DST changes a wall time can match two instants or none:
 * - autumn (last Sunday of October) 02:00–03:00 happens twice: we take the first one
 *   (still summer time), as `new Date(y, m, d, h)` does for local times;
 * - spring (last Sunday of March) 02:00–03:00 never happens: we read it with the offset in
 *   force before the change, so 02:30 becomes 03:30 summer time, again like `Date`.
 */
export function fromParisWallClock(wall: Date): Date {
  const asUtc = Date.UTC(
    wall.getFullYear(),
    wall.getMonth(),
    wall.getDate(),
    wall.getHours(),
    wall.getMinutes(),
    wall.getSeconds(),
    wall.getMilliseconds(),
  );
  // The offsets in force a day either side bracket any transition near this wall time.
  const before = parisOffsetMs(asUtc - DAY_MS);
  const after = parisOffsetMs(asUtc + DAY_MS);
  const candidates = [...new Set([before, after])]
    .map((offset) => asUtc - offset)
    .filter((instant) => asUtc - instant === parisOffsetMs(instant))
    .sort((a, b) => a - b);
  return new Date(candidates[0] ?? asUtc - before);
}

const DAY_MS = 24 * 60 * 60 * 1000;
