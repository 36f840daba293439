import type { EditableCollection } from '../../../shared/sync/collections';
import type { StaffT } from '../i18n/staffMessages';
import { loadHoursCheck } from '../schedule/useHoursCheck';
import type { FormValues, StopValues } from './formModel';

/**
 * The opening-hours strings of a form (a place's hours, a transport's schedule, each stop's
 * passages) that the app could not evaluate, by field: refused like any invalid field (the
 * same parser as the public screens).
 */
export async function hoursErrors(collection: EditableCollection, values: FormValues, stops: readonly StopValues[], t: StaffT): Promise<Record<string, string>> {
  const hours = await loadHoursCheck();
  const fields: Array<[string, string]> = [];
  if (collection === 'place' && typeof values.openingHours === 'string' && values.openingHours.trim()) fields.push(['openingHours', values.openingHours]);
  if (collection === 'mobility' && typeof values.schedule === 'string' && values.schedule.trim()) fields.push(['schedule', values.schedule]);
  stops.forEach((s, i) => s.schedule.trim() && fields.push([`stops.${i}.schedule`, s.schedule]));
  const errors: Record<string, string> = {};
  for (const [field, value] of fields) {
    const check = hours.checkHours(value, new Date());
    if (!check.ok) errors[field] = t('sched.invalid', { error: check.error ?? '' });
  }
  return errors;
}
