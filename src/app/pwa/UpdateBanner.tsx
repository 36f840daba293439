import { t } from '../i18n/i18n';
import { updateActions, updateReady } from './updateState';

/** "Une nouvelle version est prête — Mettre à jour": never applied without a tap. */
export function UpdateBanner() {
  if (!updateReady.value) return null;
  return (
    <div class="update-banner" role="status">
      <p>{t('update.ready')}</p>
      <div class="button-row">
        <button type="button" class="button" onClick={() => updateActions.apply?.()}>{t('update.apply')}</button>
        <button type="button" class="button button-quiet" onClick={() => (updateReady.value = false)}>{t('update.later')}</button>
      </div>
    </div>
  );
}
