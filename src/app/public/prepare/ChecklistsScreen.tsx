import { NEEDS } from '../../../shared/domain/vocabularies';
import { label, t } from '../../i18n/i18n';
import { localized } from '../../i18n/localized';
import { useAppState } from '../../services/services';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { NEED_ICON } from '../common/needIcons';
import '../../i18n/screens';

/** "Préparer mon rendez-vous": the procedures, grouped by need. */
export function ChecklistsScreen() {
  usePageTitle(t('prepare.title'));
  const state = useAppState();
  if (!state.loaded.value) return <Loading />;
  const checklists = state.checklists.value;
  return (
    <>
      <h1>{t('prepare.title')}</h1>
      <p>{t('prepare.intro')}</p>
      {checklists.length === 0 && <p>{t('prepare.none')}</p>}
      {NEEDS.map((need) => {
        const group = checklists.filter((c) => c.need === need);
        if (group.length === 0) return null;
        return (
          <section key={need} aria-labelledby={`need-${need}`}>
            <h2 id={`need-${need}`}>
              <Icon name={NEED_ICON[need]} /> {label('needs', need)}
            </h2>
            <ul class="quick-links">
              {group.map((checklist) => {
                const title = localized(checklist.title);
                return (
                  <li key={checklist.id}>
                    <a class="button button-quiet" href={`/preparer/${encodeURIComponent(checklist.id)}`} lang={title?.lang}>
                      {title?.text}
                    </a>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </>
  );
}
