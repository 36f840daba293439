import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { Territory } from '../../../shared/domain/territory';
import { communeOfPoint } from '../../../shared/geo/communeOfPoint';
import type { GeoPoint } from '../../../shared/geo/geoPoint';
import { t } from '../../i18n/i18n';
import type { UiKey } from '../../i18n/i18n';
import { Icon } from '../../ui/Icon';
import { locate } from './locate';
import { PAGE_TERRITORY_NAME } from '../../territory';

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
  // The control pressed is replaced by the next one (button → explanation → button):
  // follow with the focus, so a keyboard or screen reader user is never left on <body>.
  const explanation = useRef<HTMLDivElement>(null);
  const useButton = useRef<HTMLButtonElement>(null);
  const moveFocus = useRef(false);
  const current = step.value;
  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    (current === 'explain' ? explanation.current : useButton.current)?.focus();
  }, [current]);
  const go = (next: Step) => {
    moveFocus.current = true;
    step.value = next;
  };

  const start = async () => {
    go('locating');
    const result = await locate();
    if (!result.ok) {
      step.value = { message: `geo.${result.reason}` };
      return;
    }
    // The outline holding the point; without outlines, the nearest commune centre.
    const commune = territory ? communeOfPoint(result.point, territory) : undefined;
    // Found: the home screen says "Position trouvée : vous êtes à …" in its own live
    // region, since choosing the commune replaces this button. Outside: said here.
    step.value = commune ? 'idle' : { message: 'commune.outside', params: { territory: PAGE_TERRITORY_NAME } };
    onLocated(result.point, commune?.insee);
  };

  return (
    <div class="position">
      {current === 'explain' ? (
        <div class="notice" role="region" aria-labelledby="geo-explain" tabIndex={-1} ref={explanation}>
          <Icon name="info" />
          <div>
            <p id="geo-explain">{t('geo.explain')}</p>
            <div class="button-row">
              <button type="button" class="button" onClick={start}>{t('geo.continue')}</button>
              <button type="button" class="button button-quiet" onClick={() => go('idle')}>{t('geo.cancel')}</button>
            </div>
          </div>
        </div>
      ) : (
        // aria-disabled rather than disabled while locating: it keeps the focus.
        <button
          ref={useButton}
          type="button"
          class="button button-quiet button-big"
          aria-disabled={current === 'locating' ? 'true' : undefined}
          onClick={() => current !== 'locating' && go('explain')}
        >
          <Icon name="locate" />
          {t('geo.use')}
        </button>
      )}
      <p role="status" aria-live="polite" class={current === 'idle' || current === 'explain' ? 'visually-hidden' : 'geo-message'}>
        {current === 'locating' ? t('geo.locating') : typeof current === 'object' ? t(current.message, current.params) : ''}
      </p>
    </div>
  );
}
