import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';

export type HoursApi = typeof import('./hoursApi');

const api = signal<HoursApi | undefined>(undefined);
let loading: Promise<HoursApi> | undefined;

/** Loads the opening-hours evaluation chunk once. */
export function loadHoursApi(): Promise<HoursApi> {
  loading ??= import('./hoursApi').then((module) => (api.value = module));
  return loading;
}

/**
 * The opening-hours functions, or undefined while they load. The chunk is requested
 * after the screen has painted, so the list appears first and the "open now" badges a
 * moment later. `load: false` only reads whether it is there (hoursEvaluator.ts: the
 * badges then ask a worker instead).
 */
export function useHoursApi(load = true): HoursApi | undefined {
  useEffect(() => {
    if (!load || api.value) return;
    const timer = setTimeout(() => void loadHoursApi().catch(() => (loading = undefined)), 0);
    return () => clearTimeout(timer);
  }, [load]);
  return api.value;
}
