import type { Place } from '../../../shared/domain/place';
import type { DaySchedule } from '../../hours/hoursApi';
import { formatCalendarDate, formatHm, formatWeekday } from '../../i18n/format';
import { label, t } from '../../i18n/i18n';
import '../../i18n/screens';

/**
 * A place's essentials as plain text: what the QR code carries and what a phone shows
 * after scanning it, with no network and no app. Kept short so the code stays readable
 * by modest phone cameras.
 */
export function placeCardText(place: Place, week: readonly DaySchedule[] | undefined): string {
  const lines = [place.name, label('categories', place.category)];
  if (place.address) lines.push(place.address);
  if (!place.address?.includes(place.postcode)) lines.push(`${place.postcode} ${place.city}`);
  if (place.phone) lines.push(t('place.cardPhone', { phone: place.phone }));
  if (place.email) lines.push(place.email);
  if (place.website) lines.push(place.website);
  if (week) {
    for (const day of week) {
      if (day.intervals.length === 0) continue;
      const times = day.intervals.map((i) => `${formatHm(i.from)}\u00a0–\u00a0${formatHm(i.to)}`).join(', ');
      lines.push(t('place.cardDay', { day: formatWeekday(day.date), times }));
    }
  }
  lines.push(place.verifiedAt ? t('place.verified', { date: formatCalendarDate(place.verifiedAt) }) : t('place.toConfirm'));
  return lines.join('\n');
}
