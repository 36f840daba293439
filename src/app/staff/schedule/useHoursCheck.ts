import { useEffect, useState } from 'preact/hooks';
import type { SchoolHolidayPeriod } from '../../../shared/domain/territory';
import type { HoursCheck } from './hoursCheck';

type Module = typeof import('./hoursCheck');
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
export function useHoursCheck(value: string, now: Date, holidays: readonly SchoolHolidayPeriod[] = []): HoursCheck | undefined {
  const [result, setResult] = useState<HoursCheck | undefined>(undefined);
  const stamp = now.getTime();
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
