import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { AGE_BANDS, AUTONOMY_LEVELS, EQUIPMENT, REFERRAL_PARTNERS, VISIT_KINDS, VISIT_PROCEDURES, VISIT_THEMES } from '../../../shared/domain/vocabularies';
import { noteWarnings } from '../../../shared/visits/noteMinimisation';
import { validateDraft, type VisitField } from '../../../shared/visits/validateDraft';
import { DURATION_PRESETS, newVisitDraft } from '../../../shared/visits/visitDraft';
import { hasNoReferral, visitFormReducer, type VisitFormAction } from '../../../shared/visits/visitFormReducer';
import { useAppState, useServices } from '../../services/services';
import { usePageTitle } from '../../ui/usePageTitle';
import { useAidant } from '../aidantContext';
import { newId } from '../coverage';
import { sealForServer } from '../crypto/serverSeal';
import { sealVisitNotes } from '../crypto/visitNotes';
import { errorText } from '../../i18n/errors/errorText';
import { aidantLabel, useAidantT } from '../i18n/aidantMessages';
import { ToggleGroup } from '../ToggleGroup';

// The common themes first, as the largest group; the rest one tap further.
const COMMON_THEMES = ['demarche-administrative', 'prendre-en-main-materiel', 'courriels', 'naviguer-sur-internet', 'sante', 'emploi'] as const;

/**
 * Log a visit in seconds: every answer a big button, the common case (theme, autonomy,
 * "Enregistrer") three taps. The note is sealed with the aidant's PIN key before anything
 * is stored, and only the sealed box is kept (on this tablet); the visit sent carries none.
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
  const errors = useSignal<Partial<Record<VisitField, string>>>({});
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
  const territoryInsee = new Set(communes.map((c) => c.insee));
  const sessionCommune = session?.insee;
  const q = query.value.trim().toLowerCase();
  const found = q.length >= 2 ? communes.filter((c) => c.name.toLowerCase().includes(q)).slice(0, 6) : [];
  const residenceInsee = d.residence.kind === 'commune' ? d.residence.insee : undefined;
  const residenceOptions = [
    ...(sessionCommune ? [sessionCommune] : []),
    ...(residenceInsee && residenceInsee !== sessionCommune ? [residenceInsee] : []),
    ...found.map((c) => c.insee).filter((i) => i !== sessionCommune && i !== residenceInsee),
  ];

  async function save() {
    failure.value = undefined;
    const at = now();
    // A correction keeps the visit's identity and time; a new visit gets its own.
    const sessionId = editing ? editing.sessionId : session?.id;
    const result = validateDraft(d, {
      id: editing?.id ?? newId(), territoryId: state.territory.value?.id ?? '', aidantId: me.userId,
      createdAt: editing?.createdAt ?? at.toISOString(), ...(sessionId ? { sessionId } : {}), territoryInsee,
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
      // Notes out of the record before anything is written: the outbox rests on the disk.
      // Two sealed copies, no clear one: for the author, under their PIN key (kept on the
      // tablet), and for the server, under its public key (the outbox carries only that).
      const sealed = await sealVisitNotes(me.key, result.visit);
      const serverKey = result.visit.notes ? await controller.backend.noteServerKey?.() : undefined;
      const forServer = serverKey && result.visit.notes ? await sealForServer(serverKey, result.visit.notes, result.visit.id) : undefined;
      if (editing) await controller.backend.writes.updateQueuedVisit(sealed.visit, forServer);
      else await controller.backend.writes.createVisit(sealed.visit, forServer);
      if (sealed.notesBox) await controller.notes.put(sealed.visit.id, me.userId, sealed.notesBox);
      else if (editing) await controller.notes.delete(sealed.visit.id);
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

  const e = errors.value;
  const errorCount = Object.keys(e).length;
  const warnings = noteWarnings(d.notes);
  const otherThemes = VISIT_THEMES.filter((th) => !(COMMON_THEMES as readonly string[]).includes(th));
  return (
    <section class="page aidant-page visit-form" aria-labelledby="visit-title">
      <h1 id="visit-title">{editing ? t('visit.editTitle') : t('visit.title')}</h1>
      <div role="status" class="visit-status">
        {saved.value && <p class="notice notice-ok">{t('visit.saved')}</p>}
        {errorCount > 0 && <p class="notice notice-warn">{t('visit.errors', { count: errorCount })}</p>}
      </div>
      <p class="hint">{session ? t('visit.anonymous') : t('visit.noSession')}</p>

      <ToggleGroup id="visit-themes" legend={t('visit.themes')} error={e.themes} onToggle={(theme) => dispatch({ type: 'toggleTheme', theme })}
        options={COMMON_THEMES.map((th) => ({ value: th, label: aidantLabel('themes', th), pressed: d.themes.includes(th) }))}>
        <details class="more">
          <summary>{t('visit.moreThemes')}</summary>
          <ul>
            {otherThemes.map((th) => (
              <li key={th}><button type="button" class="need-button toggle" aria-pressed={d.themes.includes(th) ? 'true' : 'false'}
                onClick={() => dispatch({ type: 'toggleTheme', theme: th })}>{aidantLabel('themes', th)}</button></li>
            ))}
          </ul>
        </details>
      </ToggleGroup>

      <ToggleGroup id="visit-autonomy" legend={t('visit.autonomy')} error={e.autonomy} onToggle={(autonomy) => dispatch({ type: 'setAutonomy', autonomy })}
        options={AUTONOMY_LEVELS.map((a) => ({ value: a, label: aidantLabel('autonomy', a), pressed: d.autonomy === a }))} />

      <ToggleGroup id="visit-durationMinutes" legend={t('visit.duration')} error={e.durationMinutes} onToggle={(minutes) => dispatch({ type: 'setDuration', minutes })}
        options={DURATION_PRESETS.map((m) => ({ value: m, label: t('visit.minutes', { n: m }), pressed: d.durationMinutes === m }))} />

      <ToggleGroup id="visit-procedures" legend={t('visit.procedures')} onToggle={(procedure) => dispatch({ type: 'toggleProcedure', procedure })}
        options={VISIT_PROCEDURES.map((p) => ({ value: p, label: aidantLabel('procedures', p), pressed: d.procedures.includes(p) }))} />

      <ToggleGroup id="visit-referral" legend={t('visit.referral')}
        onToggle={(v) => dispatch(v === 'aucune' ? { type: 'setNoReferral' } : { type: 'toggleReferral', partner: v })}
        options={[{ value: 'aucune' as const, label: t('visit.noReferral'), pressed: hasNoReferral(d) },
          ...REFERRAL_PARTNERS.map((p) => ({ value: p, label: aidantLabel('referrals', p), pressed: d.referral.includes(p) }))]} />

      <ToggleGroup id="visit-kind" legend={t('visit.kind')} error={e.participants} onToggle={(kind) => dispatch({ type: 'setKind', kind })}
        options={VISIT_KINDS.map((k) => ({ value: k, label: aidantLabel('kinds', k), pressed: d.kind === k }))}>
        {d.kind === 'collectif' && (
          <div class="stepper">
            <label for="visit-participants">{t('visit.participants')}</label>
            <input id="visit-participants" class="text-input" type="number" inputMode="numeric" min={2} max={200} value={d.participants}
              onInput={(ev) => dispatch({ type: 'setParticipants', participants: Number((ev.currentTarget as HTMLInputElement).value) })} />
          </div>
        )}
      </ToggleGroup>

      <details class="more" open={Boolean(e.residence)}>
        <summary>{t('visit.more')}</summary>
        <ToggleGroup id="visit-ageBand" legend={t('visit.ageBand')} onToggle={(ageBand) => dispatch({ type: 'setAgeBand', ageBand })}
          options={AGE_BANDS.map((a) => ({ value: a, label: aidantLabel('ages', a), pressed: d.ageBand === a }))} />
        <ToggleGroup id="visit-residence" legend={t('visit.residence')} error={e.residence}
          onToggle={(v) => dispatch({ type: 'setResidence', residence: v === 'non-dit' || v === 'hors-territoire' ? { kind: v } : { kind: 'commune', insee: v } })}
          options={[
            ...residenceOptions.map((insee) => ({ value: insee, label: communes.find((c) => c.insee === insee)?.name ?? insee, pressed: residenceInsee === insee })),
            { value: 'hors-territoire', label: t('visit.residenceOutside'), pressed: d.residence.kind === 'hors-territoire' },
            { value: 'non-dit', label: t('visit.residenceNotSaid'), pressed: d.residence.kind === 'non-dit' },
          ]}>
          <label for="visit-residence-search">{t('session.search')}</label>
          <input id="visit-residence-search" class="text-input" autoComplete="off" value={query.value}
            onInput={(ev) => (query.value = (ev.currentTarget as HTMLInputElement).value)} />
        </ToggleGroup>
        <ToggleGroup id="visit-firstVisit" legend={t('visit.firstVisit')}
          onToggle={(v) => dispatch({ type: 'setFirstVisit', firstVisit: v === 'oui' ? true : v === 'non' ? false : undefined })}
          options={[
            { value: 'oui', label: t('visit.yes'), pressed: d.firstVisit === true },
            { value: 'non', label: t('visit.no'), pressed: d.firstVisit === false },
            { value: 'nd', label: t('visit.notSaid'), pressed: d.firstVisit === undefined },
          ]} />
        <ToggleGroup id="visit-equipment" legend={t('visit.equipment')} error={e.equipment} onToggle={(item) => dispatch({ type: 'toggleEquipment', item })}
          options={EQUIPMENT.map((q2) => ({ value: q2, label: aidantLabel('equipment', q2), pressed: d.equipment.includes(q2) }))} />
      </details>

      <div class="card runs">
        <p>{t('visit.runs', { count: d.checklistRuns.length })}</p>
        <a class="button button-quiet" href="/aidant/demarche">{t('visit.addRun')}</a>
      </div>

      <div class="note-field">
        <label for="visit-notes">{t('visit.notes')}</label>
        <span class="hint" id="visit-notes-hint">{serverKeyKnown.value ? t('visit.notesHintSent') : t('visit.notesHint')}</span>
        {e.notes && <p class="field-error">{e.notes}</p>}
        <textarea id="visit-notes" class="text-input" rows={3} maxLength={1200} aria-describedby="visit-notes-hint"
          value={d.notes} onInput={(ev) => dispatch({ type: 'setNotes', notes: (ev.currentTarget as HTMLTextAreaElement).value })} />
        {warnings.map((w) => <p class="notice notice-warn" key={w.kind}>{t(`note.${w.kind}`)}</p>)}
      </div>

      {failure.value && <p class="notice notice-warn" role="alert">{failure.value}</p>}
      <div class="save-bar">
        <button type="button" class="button button-big" disabled={busy.value} onClick={save}>{editing ? t('visit.editSave') : t('visit.save')}</button>
        {editing && (
          <button type="button" class="button button-quiet cancel-edit" onClick={() => {
            controller.editing.value = undefined;
            draft.value = newVisitDraft();
            dirty.value = false;
            route('/aidant');
          }}>{t('visit.editCancel')}</button>
        )}
      </div>
    </section>
  );
}
