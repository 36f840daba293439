import { t } from '../i18n/i18n';
import { usePageTitle } from '../ui/usePageTitle';
import '../i18n/screens';

/** Placeholder: the staff screens (directory, tours, indicators, devices) come later. */
export function StaffSpace() {
  usePageTitle(t('space.staff.title'));
  return (
    <section class="page" aria-labelledby="staff-title">
      <h1 id="staff-title">{t('space.staff.title')}</h1>
      <p>{t('space.staff.body')}</p>
      <p><a class="button" href="/">{t('space.backHome')}</a></p>
    </section>
  );
}
