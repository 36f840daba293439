import { t } from '../i18n/i18n';
import { usePageTitle } from '../ui/usePageTitle';
import '../i18n/screens';

/** Placeholder: the aidant screens (sessions, visit log, checklists with a person) come later. */
export function AidantSpace() {
  usePageTitle(t('space.aidant.title'));
  return (
    <section class="page" aria-labelledby="aidant-title">
      <h1 id="aidant-title">{t('space.aidant.title')}</h1>
      <p>{t('space.aidant.body')}</p>
      <p><a class="button" href="/">{t('space.backHome')}</a></p>
    </section>
  );
}
