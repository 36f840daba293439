import { useSignal } from '@preact/signals';
import { useLocation } from 'preact-iso';
import { canCorrect } from '../../../shared/visits/canCorrect';
import { draftFromVisit } from '../../../shared/visits/visitFormReducer';
import type { VisitLog } from '../../../shared/domain/visitLog';
import { noteWarnings } from '../../../shared/visits/noteMinimisation';
import { useAppState, useServices } from '../../services/services';
import { usePageTitle } from '../../ui/usePageTitle';
import { useAidant } from '../aidantContext';
import { decryptNote } from '../crypto/noteBox';
import { coverageObservation, newId, readNetwork } from '../coverage';
import { aidantLabel, useAidantT } from '../i18n/aidantMessages';
import { parisDate, parisTime } from '../today';

/** The day at a glance: the open session (or "open one"), today's visits, what waits. */
export function TodayScreen() {
  const t = useAidantT();
  usePageTitle(t('today.title'));
  const { controller, me, lists, session } = useAidant();
  const { now } = useServices();
  const state = useAppState();
  const closed = useSignal(false);
  const communeName = (insee: string) => state.territory.value?.communes.find((c) => c.insee === insee)?.name ?? insee;
  const today = parisDate(now());
  const visits = (lists?.visits ?? []).filter((v) => v.aidantId === me.userId && parisDate(new Date(v.createdAt)) === today)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  async function close() {
    if (!session) return;
    const at = now();
    const writes = controller.backend.writes;
    await writes.recordCoverage(coverageObservation(session, readNetwork(), newId(), at));
    await writes.closeSession(session.id, at.toISOString());
    closed.value = true;
    controller.changed.value++;
  }

  return (
    <section class="page aidant-page" aria-labelledby="today-title">
      <h1 id="today-title">{t('today.title')}</h1>
      {closed.value && <p role="status" class="notice">{t('today.closed')}</p>}
      {session ? (
        <div class="card session-card">
          <h2>{t('today.session', { commune: communeName(session.insee) })}</h2>
          <p>{t('today.since', { time: parisTime(new Date(session.startedAt)) })} · {session.aidantNames.join(', ')}</p>
          <div class="big-actions">
            <a class="button button-big" href="/aidant/visite">{t('today.logVisit')}</a>
            <a class="button button-big button-quiet" href="/aidant/demarche">{t('today.checklist')}</a>
            <button type="button" class="button button-quiet" onClick={close}>{t('today.close')}</button>
          </div>
        </div>
      ) : (
        <div class="card">
          <p>{t('today.noSession')}</p>
          <div class="big-actions">
            <a class="button button-big" href="/aidant/session">{t('today.open')}</a>
            <a class="button button-big button-quiet" href="/aidant/visite">{t('today.logVisit')}</a>
          </div>
        </div>
      )}
      <h2>{t('today.visits', { count: visits.length })}</h2>
      {(lists?.pending.length ?? 0) > 0 && <p><a href="/aidant/envoi">{t('today.waiting', { count: lists?.pending.length ?? 0 })}</a></p>}
      {visits.length === 0 ? <p>{t('today.noVisit')}</p> : (
        <ul class="plain-list visit-list">
          {visits.map((v) => (
            <VisitItem key={v.id} visit={v}
              queued={(lists?.pending ?? []).some((p) => p.name.startsWith('visit.create@') && p.recordId === v.id && !p.taken)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function VisitItem({ visit, queued }: { visit: VisitLog; queued: boolean }) {
  const t = useAidantT();
  const { controller, me } = useAidant();
  const { route } = useLocation();
  const route_ = canCorrect(visit, queued ? 'queued' : 'sent', me.userId);
  const { now } = useServices();
  const note = useSignal<string | undefined>(undefined);
  const hasNote = useSignal<boolean | undefined>(undefined);
  const correcting = useSignal(false);
  const message = useSignal('');
  const sent = useSignal(false);
  if (hasNote.value === undefined) void controller.notes.get(visit.id).then((n) => (hasNote.value = n !== undefined && n.authorId === me.userId));

  async function open() {
    const stored = await controller.notes.get(visit.id);
    if (!stored || stored.authorId !== me.userId) return;
    try {
      note.value = await decryptNote(me.key, stored.box, visit.id);
    } catch {
      note.value = t('today.noteHidden');
    }
  }
  /** Still queued: the form again, on the same visit (its note opened for its author). */
  async function edit() {
    const stored = await controller.notes.get(visit.id);
    let notes = '';
    if (stored && stored.authorId === me.userId) notes = await decryptNote(me.key, stored.box, visit.id).catch(() => '');
    controller.visitDraft.value = draftFromVisit(visit, notes);
    controller.editing.value = { id: visit.id, createdAt: visit.createdAt, ...(visit.sessionId ? { sessionId: visit.sessionId } : {}) };
    route('/aidant/visite');
  }
  async function propose(e: Event) {
    e.preventDefault();
    const text = message.value.trim();
    if (!text) return;
    await controller.backend.writes.proposeCorrection({
      id: newId(), territoryId: visit.territoryId, collection: 'visit', recordId: visit.id, message: text,
      proposedBy: me.userId, createdAt: now().toISOString(), status: 'pending',
    });
    sent.value = true;
    correcting.value = false;
    controller.changed.value++;
  }
  const warnings = noteWarnings(message.value);
  return (
    <li class="card visit-item">
      <p class="visit-line">{t('today.visitLine', {
        time: parisTime(new Date(visit.createdAt)),
        themes: visit.themes.map((th) => aidantLabel('themes', th)).join(', '),
        minutes: visit.durationMinutes,
      })}</p>
      <div class="button-row">
        {hasNote.value && note.value === undefined && <button type="button" class="button button-quiet" onClick={open}>{t('today.note')}</button>}
        {route_.editable && <button type="button" class="button" onClick={edit}>{t('today.edit')}</button>}
        {!route_.editable && !sent.value && <button type="button" class="button button-quiet" aria-expanded={correcting.value ? 'true' : 'false'} onClick={() => (correcting.value = !correcting.value)}>{t('today.correct')}</button>}
      </div>
      {note.value !== undefined && <p class="visit-note">{note.value}</p>}
      {sent.value && <p role="status">{t('directory.reportSent')}</p>}
      {correcting.value && (
        <form onSubmit={propose} class="stack">
          <label for={`fix-${visit.id}`}>{t('correct.title')}</label>
          <span class="hint" id={`fix-hint-${visit.id}`}>{t('correct.hint')}</span>
          <textarea id={`fix-${visit.id}`} class="text-input" rows={3} maxLength={2000} aria-describedby={`fix-hint-${visit.id}`}
            value={message.value} onInput={(e) => (message.value = (e.currentTarget as HTMLTextAreaElement).value)} />
          {warnings.map((w) => <p class="notice notice-warn" key={w.kind}>{t(`note.${w.kind}`)}</p>)}
          <button type="submit" class="button">{t('directory.reportSend')}</button>
        </form>
      )}
    </li>
  );
}
