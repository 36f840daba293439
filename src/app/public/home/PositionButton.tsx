import { useSignal } from '@preact/signals';
import type { Territory } from '../../../shared/domain/territory';
import { communeAt } from '../../../shared/geo/communeAt';
import type { GeoPoint } from '../../../shared/geo/geoPoint';
import { t } from '../../i18n/i18n';
import type { UiKey } from '../../i18n/fr';
import { Icon } from '../../ui/Icon';
import { locate } from './locate';

interface PositionButtonProps {
  territory: Territory | undefined;
  onLocated: (point: GeoPoint, communeInsee: string | undefined) => void;
}

type Step = 'idle' | 'explain' | 'locating' | { message: UiKey; params?: Record<string, string> };

/**
 * "Utiliser ma position": first a plain explanation of what will happen and why, THEN
 * the browser's permission prompt (never a prompt out of the blue), then a clear answer
 * whatever happens: found, refused, too slow, not possible.
 */
export function PositionButton({ territory, onLocated }: PositionButtonProps) {
  const step = useSignal<Step>('idle');

  const start = async () => {
    step.value = 'locating';
    const result = await locate();
    if (!result.ok) {
      step.value = { message: `geo.${result.reason}` };
      return;
    }
    const feature = territory ? communeAt(result.point, territory.outlines.features) : undefined;
    const commune = feature ? territory?.communes.find((c) => c.insee === feature.properties.code) : undefined;
    // Found: the home screen says "Position trouvée : vous êtes à …" in its own live
    // region, since choosing the commune replaces this button. Outside: said here.
    step.value = commune ? 'idle' : { message: 'commune.outside' };
    onLocated(result.point, commune?.insee);
  };

  const current = step.value;
  return (
    <div class="position">
      {current === 'explain' ? (
        <div class="notice" role="region" aria-labelledby="geo-explain">
          <Icon name="info" />
          <div>
            <p id="geo-explain">{t('geo.explain')}</p>
            <div class="button-row">
              <button type="button" class="button" onClick={start}>{t('geo.continue')}</button>
              <button type="button" class="button button-quiet" onClick={() => (step.value = 'idle')}>{t('geo.cancel')}</button>
            </div>
          </div>
        </div>
      ) : (
        <button type="button" class="button button-quiet button-big" disabled={current === 'locating'} onClick={() => (step.value = 'explain')}>
          <Icon name="locate" />
          {t('geo.use')}
        </button>
      )}
      <p role="status" aria-live="polite" class={typeof current === 'object' ? 'geo-message' : 'visually-hidden'}>
        {current === 'locating' ? t('geo.locating') : typeof current === 'object' ? t(current.message, current.params) : ''}
      </p>
    </div>
  );
}
