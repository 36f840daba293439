import { useSignal } from '@preact/signals';
import type { Place } from '../../../shared/domain/place';
import { useHoursEvaluator } from '../../hours/hoursEvaluator';
import { useSlicedHours } from '../hours/useSlicedHours';
import { t } from '../../i18n/i18n';
import { useAppState, useServices } from '../../services/services';
import { Icon } from '../../ui/Icon';
import { placeCardText } from './placeCardText';
import { QrCode } from './QrCode';
import '../../i18n/screens';

/** The place's card as text, a QR code of that text (on request), and a print button. */
export function ShareCard({ place }: { place: Place }) {
  const showQr = useSignal(false);
  const api = useHoursEvaluator();
  const { now } = useServices();
  const { territory } = useAppState();
  const value = place.openingHours;
  const evaluated = useSlicedHours(api, value ? `week:${value}` : undefined, now, territory.value?.schoolHolidays, (hours, at, holidays) => hours.weekOf(value!, at, holidays));
  const week = evaluated.ready ? evaluated.value : undefined;
  const text = placeCardText(place, week);
  return (
    <section class="share-card" aria-labelledby="share-title">
      <h2 id="share-title">{t('place.share')}</h2>
      <pre>{text}</pre>
      {showQr.value ? (
        <>
          <QrCode text={text} label={t('place.qrLabel')} />
          <p class="small">{t('place.qrHint')}</p>
        </>
      ) : (
        <p class="no-print">
          <button type="button" class="button button-quiet" onClick={() => (showQr.value = true)}>
            <Icon name="qr" />
            {t('place.showQr')}
          </button>
        </p>
      )}
      <p class="no-print">
        <button type="button" class="button button-quiet" onClick={() => window.print()}>
          <Icon name="print" />
          {t('place.print')}
        </button>
      </p>
    </section>
  );
}
