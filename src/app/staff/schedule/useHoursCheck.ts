import { useEffect, useState } from 'preact/hooks';
import type { SchoolHolidayPeriod } from '../../../shared/domain/territory';
import type { HoursCheck } from './hoursCheck';

type Module = typeof import('./hoursCheck');
const NO_HOLIDAYS: readonly SchoolHolidayPeriod[] = [];
let loading: Promise<Module> | undefined;

/** Loads the opening-hours evaluation when a form first needs it (~115 KB gzipped). */
export function loadHoursCheck(): Promise<Module> {
  loading ??= import('./hoursCheck');
  return loading;
}

/**
 * Live check of an opening_hours value and its next passages. Undefined while the
 * evaluation code loads, or for an empty value.
 */
export function useHoursCheck(value: string, now: Date, holidays: readonly SchoolHolidayPeriod[] = NO_HOLIDAYS): HoursCheck | undefined {
  const [result, setResult] = useState<HoursCheck | undefined>(undefined);
  // Hazard: `now` is a new Date on every render; checking again for each would loop
  // (each answer re-renders). The minute is precise enough for "next passages".
  const stamp = Math.floor(now.getTime() / 60_000) * 60_000;
  useEffect(() => {
    let alive = true;
    if (!value.trim()) {
      setResult(undefined);
      return;
    }
    void loadHoursCheck().then((m) => alive && setResult(m.checkHours(value, new Date(stamp), holidays)));
    return () => {
      alive = false;
    };
  }, [value, stamp, holidays]);
  return result;
}
