import { t } from '../i18n/i18n';
import { usePageTitle } from './usePageTitle';

export function NotFound() {
  usePageTitle(t('notFound.title'));
  return (
    <section class="page">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p><a class="button" href="/">{t('space.backHome')}</a></p>
    </section>
  );
}
