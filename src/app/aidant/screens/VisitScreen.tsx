import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { validateDraft, type VisitErrors } from '../../../shared/visits/validateDraft';
import { newVisitDraft } from '../../../shared/visits/visitDraft';
import { visitFormReducer, type VisitFormAction } from '../../../shared/visits/visitFormReducer';
import { errorText } from '../../i18n/errors/errorText';
import { useAppState, useServices } from '../../services/services';
import { usePageTitle } from '../../ui/usePageTitle';
import { useAidant } from '../aidantContext';
import { newId } from '../coverage';
import { useAidantT } from '../i18n/aidantMessages';
import { pendingText } from '../i18n/pendingText';
import { usePendingCount } from '../usePendingCount';
import { visitErrorTexts } from '../i18n/visitErrorText';
import { HelpGiven } from './visit/HelpGiven';
import { KindGroup } from './visit/KindGroup';
import { MoreDetails } from './visit/MoreDetails';
import { NoteField } from './visit/NoteField';
import { saveVisit } from './visit/saveVisit';
import { ThemesGroup } from './visit/ThemesGroup';
import type { VisitFormPart } from './visit/visitForm';

/**
 * Log a visit in seconds: every answer a big button, the common case (theme, autonomy,
 * "Enregistrer") three taps. The note is sealed with the aidant's PIN key before anything
 * is stored, and only the sealed box is kept (on this tablet); the visit sent carries none.
 * Its parts are in ./visit/.
 */
export function VisitScreen() {
  const t = useAidantT();
  const { controller, me, session } = useAidant();
  const editing = controller.editing.value;
  usePageTitle(editing ? t('visit.editTitle') : t('visit.title'));
  const { route } = useLocation();
  const { now } = useServices();
  const state = useAppState();
  const draft = controller.visitDraft;
  const pending = usePendingCount();
  const errors = useSignal<VisitErrors>({});
  const saved = useSignal(false);
  const busy = useSignal(false);
  const failure = useSignal<string | undefined>(undefined);
  const query = useSignal('');
  const serverKeyKnown = useSignal(false);
  useEffect(() => void controller.backend.noteServerKey?.().then((k) => (serverKeyKnown.value = k !== undefined)), [controller]);
  const dirty = useSignal(JSON.stringify(draft.value) !== JSON.stringify(newVisitDraft()));
  const d = draft.value;
  const dispatch = (action: VisitFormAction) => {
    draft.value = visitFormReducer(draft.value, action);
    saved.value = false;
    dirty.value = true;
  };

  // An unsaved form is the one thing a closed tab would lose (the outbox is in IndexedDB).
  useEffect(() => {
    if (!dirty.value) return;
    const warn = (e: BeforeUnloadEvent) => { e.preventDefault(); e.returnValue = ''; };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty.value]);

  const communes = state.territory.value?.communes ?? [];

  async function save() {
    failure.value = undefined;
    const at = now();
    // A correction keeps the visit's identity and time; a new visit gets its own.
    const sessionId = editing ? editing.sessionId : session?.id;
    const result = validateDraft(d, {
      id: editing?.id ?? newId(), territoryId: state.territory.value?.id ?? '', aidantId: me.userId,
      createdAt: editing?.createdAt ?? at.toISOString(), ...(sessionId ? { sessionId } : {}), territoryInsee: new Set(communes.map((c) => c.insee)),
    });
    if (!result.ok) {
      errors.value = result.errors;
      const first = Object.keys(result.errors)[0];
      document.getElementById(`visit-${first}`)?.focus();
      return;
    }
    errors.value = {};
    busy.value = true;
    try {
      await saveVisit(controller, me, result.visit, editing !== undefined);
      draft.value = newVisitDraft();
      dirty.value = false;
      query.value = '';
      controller.changed.value++;
      if (editing) {
        controller.editing.value = undefined;
        route('/aidant');
        return;
      }
      saved.value = true;
      window.scrollTo(0, 0);
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      failure.value = code === 'visit_sent' ? t('visit.tooLate') : t('error.generic', { message: errorText(err) });
    } finally {
      busy.value = false;
    }
  }

  function cancelEdit() {
    controller.editing.value = undefined;
    draft.value = newVisitDraft();
    dirty.value = false;
    route('/aidant');
  }

  const part: VisitFormPart = { draft: d, errors: visitErrorTexts(errors.value), dispatch };
  const errorCount = Object.keys(errors.value).length;
  return (
    <section class="page aidant-page visit-form" aria-labelledby="visit-title">
      <h1 id="visit-title">{editing ? t('visit.editTitle') : t('visit.title')}</h1>
      <div role="status" class="visit-status">
        {saved.value && <p class="notice notice-ok">{t('visit.saved')}</p>}
        {saved.value && <p class="visit-pending"><a href="/aidant/envoi">{pendingText(pending)}</a></p>}
        {errorCount > 0 && <p class="notice notice-warn">{t('visit.errors', { count: errorCount })}</p>}
      </div>
      <p class="hint">{session ? t('visit.anonymous') : t('visit.noSession')}</p>

      <ThemesGroup {...part} />
      <HelpGiven {...part} />
      <KindGroup {...part} />
      <MoreDetails {...part} communes={communes} sessionCommune={session?.insee} query={query} />

      <div class="card runs">
        <p>{t('visit.runs', { count: d.checklistRuns.length })}</p>
        <a class="button button-quiet" href="/aidant/demarche">{t('visit.addRun')}</a>
      </div>

      <NoteField {...part} sentToServer={serverKeyKnown.value} />

      {failure.value && <p class="notice notice-warn" role="alert">{failure.value}</p>}
      <div class="save-bar">
        <button type="button" class="button button-big" disabled={busy.value} onClick={save}>{editing ? t('visit.editSave') : t('visit.save')}</button>
        {editing && <button type="button" class="button button-quiet cancel-edit" onClick={cancelEdit}>{t('visit.editCancel')}</button>}
      </div>
    </section>
  );
}
