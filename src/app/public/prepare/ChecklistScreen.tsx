import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import type { Checklist } from '../../../shared/domain/checklist';
import { formatCalendarDate } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { localized } from '../../i18n/localized';
import { useAppState, useServices } from '../../services/services';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { VerifiedBadge } from '../common/VerifiedBadge';
import { nearestPlaces } from '../home/nearestPlaces';
import { PlaceList } from '../home/PlaceList';
import '../../i18n/screens';

/** One procedure: for whom, papers to tick (kept on the phone), steps, where, links. */
export function ChecklistScreen() {
  const { params } = useRoute();
  const id = params['id'] ?? '';
  const { preferences } = useServices();
  const state = useAppState();
  const ticked = useSignal<string[]>([]);

  useEffect(() => {
    let live = true;
    void preferences.getTickedDocuments(id).then((ids) => live && (ticked.value = ids), () => undefined);
    return () => void (live = false);
  }, [id, preferences]);

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

  const toggle = (documentId: string, checked: boolean) => {
    const next = checked ? [...new Set([...ticked.value, documentId])] : ticked.value.filter((d) => d !== documentId);
    ticked.value = next;
    void preferences.setTickedDocuments(checklist.id, next);
  };
  const forWhom = localized(checklist.forWhom);
  const whereText = localized(checklist.whereToGo.text);
  const caveats = localized(checklist.caveats);
  const where = nearestPlaces(
    state.places.value.filter(
      (p) => checklist.whereToGo.placeIds.includes(p.id) || checklist.whereToGo.placeCategories.includes(p.category),
    ),
    state.origin.value,
    undefined,
    5,
  );
  const done = checklist.documents.filter((d) => ticked.value.includes(d.id)).length;

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

      <section aria-labelledby="docs-title">
        <h2 id="docs-title">{t('prepare.documents')}</h2>
        <p role="status" aria-live="polite">{t('prepare.documentsCount', { done, total: checklist.documents.length })}</p>
        <ul class="checklist-docs">
          {checklist.documents.map((doc) => {
            const docLabel = localized(doc.label);
            const hint = localized(doc.hint);
            return (
              <li key={doc.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={ticked.value.includes(doc.id)}
                    onChange={(event) => toggle(doc.id, event.currentTarget.checked)}
                  />
                  <span>
                    <span lang={docLabel?.lang}>{docLabel?.text}</span>
                    {hint && <span class="hint" lang={hint.lang}>{hint.text}</span>}
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="steps-title">
        <h2 id="steps-title">{t('prepare.steps')}</h2>
        <ol class="steps">
          {checklist.steps.map((step) => {
            const stepLabel = localized(step.label);
            const hint = localized(step.hint);
            return (
              <li key={step.id}>
                <span lang={stepLabel?.lang}>{stepLabel?.text}</span>
                {hint && <span class="hint" lang={hint.lang}>{hint.text}</span>}
              </li>
            );
          })}
        </ol>
      </section>

      <section aria-labelledby="where-title">
        <h2 id="where-title">{t('prepare.whereToGo')}</h2>
        {whereText && <p lang={whereText.lang}>{whereText.text}</p>}
        {where.length > 0 && <PlaceList items={where} />}
      </section>

      {checklist.links.length > 0 && (
        <section aria-labelledby="links-title">
          <h2 id="links-title">{t('prepare.links')}</h2>
          <ul class="contact-list">
            {checklist.links.map((link) => (
              <li key={link.url}>
                <Icon name="globe" />
                <a href={link.url} rel="noopener" target="_blank">{link.label}</a>
              </li>
            ))}
          </ul>
        </section>
      )}

      {caveats && (
        <section aria-labelledby="caveats-title" class="notice notice-warn">
          <Icon name="warning" />
          <div>
            <h2 id="caveats-title">{t('prepare.caveats')}</h2>
            <p lang={caveats.lang}>{caveats.text}</p>
          </div>
        </section>
      )}
    </article>
  );
}
