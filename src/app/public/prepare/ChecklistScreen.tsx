import { useRoute } from 'preact-iso';
import type { Checklist } from '../../../shared/domain/checklist';
import { formatCalendarDate } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { localized } from '../../i18n/localized';
import { useAppState } from '../../services/services';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { VerifiedBadge } from '../common/VerifiedBadge';
import { ChecklistLinks } from './ChecklistLinks';
import { ChecklistSteps } from './ChecklistSteps';
import { DocumentsToBring } from './DocumentsToBring';
import { WhereToGo } from './WhereToGo';
import '../../i18n/screens';

/** One procedure: for whom, papers to tick (kept on the phone), steps, where, links. */
export function ChecklistScreen() {
  const { params } = useRoute();
  const id = params['id'] ?? '';
  const state = useAppState();
  const checklist: Checklist | undefined = state.checklists.value.find((c) => c.id === id);
  const title = localized(checklist?.title);
  usePageTitle(title?.text ?? t('prepare.title'));
  if (!state.loaded.value) return <Loading />;
  if (!checklist || !title) {
    return (
      <>
        <h1>{t('prepare.notFound')}</h1>
        <p><a href="/preparer">{t('prepare.back')}</a></p>
      </>
    );
  }
  const forWhom = localized(checklist.forWhom);

  return (
    <article>
      <a class="back-link" href="/preparer">
        <Icon name="back" />
        {t('prepare.back')}
      </a>
      <h1 lang={title.lang}>{title.text}</h1>
      <p class="place-meta">
        {checklist.reviewedAt ? <span>{t('prepare.reviewed', { date: formatCalendarDate(checklist.reviewedAt) })}</span> : <VerifiedBadge verifiedAt="" />}
      </p>

      <section aria-labelledby="forwhom-title">
        <h2 id="forwhom-title">{t('prepare.forWhom')}</h2>
        {forWhom && <p lang={forWhom.lang}>{forWhom.text}</p>}
      </section>

      <DocumentsToBring checklist={checklist} />
      <ChecklistSteps checklist={checklist} />
      <WhereToGo checklist={checklist} />
      <ChecklistLinks checklist={checklist} />
    </article>
  );
}
