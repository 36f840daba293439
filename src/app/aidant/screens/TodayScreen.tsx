import type { JSX } from 'preact';
import { useSignal } from '@preact/signals';
import { useLocation } from 'preact-iso';
import { canCorrect } from '../../../shared/visits/canCorrect';
import { draftFromVisit } from '../../../shared/visits/visitFormReducer';
import type { Checklist } from '../../../shared/domain/checklist';
import type { ChecklistRun, VisitLog } from '../../../shared/domain/visitLog';
import { waitingVisitIds } from '../../../shared/sync/pendingCount';
import { noteWarnings } from '../../../shared/visits/noteMinimisation';
import { formatDay } from '../../i18n/format';
import { lang } from '../../i18n/i18n';
import { useAppState, useServices } from '../../services/services';
import { Icon } from '../../ui/Icon';
import { usePageTitle } from '../../ui/usePageTitle';
import { useAidant } from '../aidantContext';
import { decryptNote } from '../crypto/noteBox';
import { coverageObservation, newId, readNetwork } from '../coverage';
import { aidantLabel, at, atCount, useAidantT } from '../i18n/aidantMessages';
import { pendingText } from '../i18n/pendingText';
import { parisDate, parisTime } from '../today';
import { usePendingCount } from '../usePendingCount';
import { groupVisits, type VisitGroup } from '../visitGroups';

/** The day at a glance: the open session (or "open one"), the visits saved on this tablet
 *  (today's first, by part of the day, each sent or waiting), and what waits. */
export function TodayScreen() {
  const t = useAidantT();
  usePageTitle(t('today.title'));
  const { controller, me, lists, session } = useAidant();
  const { now } = useServices();
  const state = useAppState();
  const closed = useSignal(false);
  const communeName = (insee: string) => state.territory.value?.communes.find((c) => c.insee === insee)?.name ?? insee;
  const at = now();
  const today = parisDate(at);
  const pending = lists?.pending ?? [];
  const count = usePendingCount();
  const waiting = waitingVisitIds(pending);
  const mine = (lists?.visits ?? []).filter((v) => v.aidantId === me.userId);
  const todayCount = mine.filter((v) => parisDate(new Date(v.createdAt)) >= today).length;
  const groups = groupVisits(mine, at, waiting);
  const earlier = groups.filter((g) => g.kind === 'day');
  const othersWaiting = (lists?.visits ?? []).filter((v) => v.aidantId !== me.userId && waiting.has(v.id)).length;
  const item = (v: VisitLog) => (
    <VisitItem key={v.id} visit={v} waiting={waiting.has(v.id)}
      queued={pending.some((p) => p.name.startsWith('visit.create@') && p.recordId === v.id && !p.taken)} />
  );

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
      <h2>{t('today.visits', { count: todayCount })}</h2>
      <p class="pending-line">
        {count.visits + count.others > 0 ? <a href="/aidant/envoi">{pendingText(count)}</a> : pendingText(count)}
      </p>
      {todayCount === 0 && <p>{t('today.noVisit')}</p>}
      {groups.filter((g) => g.kind === 'today').map((g) => <Group key={groupKey(g)} group={g} item={item} />)}
      {othersWaiting > 0 && <p>{atCount('today.othersWaiting', othersWaiting)}</p>}
      {earlier.length > 0 && (
        <>
          <h2>{t('today.earlier')}</h2>
          {earlier.map((g) => <Group key={groupKey(g)} group={g} item={item} />)}
        </>
      )}
    </section>
  );
}

const groupKey = (g: VisitGroup) => (g.kind === 'today' ? g.part : g.date);

/** One part of today, or one earlier day: its heading and its visits. */
function Group({ group, item }: { group: VisitGroup; item: (v: VisitLog) => JSX.Element }) {
  const t = useAidantT();
  const id = `visits-${groupKey(group)}`;
  const title = group.kind === 'today' ? t(`today.${group.part}`) : group.yesterday ? t('today.yesterday') : formatDay(new Date(group.visits[0]!.createdAt));
  return (
    <section class="visit-group" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <ul class="plain-list visit-list">{group.visits.map(item)}</ul>
    </section>
  );
}

const text = (l: { fr: string; en?: string | undefined }): string => (lang.value === 'en' && l.en ? l.en : l.fr);

/** "RSA : 3 sur 4 étapes, 2 sur 8 papiers apportés", from the checklist as the tablet has it. */
function runText(run: ChecklistRun, checklist: Checklist | undefined): string {
  const steps = checklist ? checklist.steps.map((s) => s.id) : run.stepsDone;
  const docs = checklist ? checklist.documents.map((d) => d.id) : run.documentsChecked;
  return at('today.run', {
    checklist: checklist ? text(checklist.title) : run.checklistId,
    steps: atCount('today.runSteps', steps.length, { done: run.stepsDone.filter((id) => steps.includes(id)).length }),
    documents: atCount('today.runDocs', docs.length, { done: run.documentsChecked.filter((id) => docs.includes(id)).length }),
  });
}

function VisitItem({ visit, queued, waiting }: { visit: VisitLog; queued: boolean; waiting: boolean }) {
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
  const checklists = useAppState().checklists.value;
  return (
    <li class={`card visit-item ${waiting ? 'visit-waiting' : 'visit-sent'}`}>
      <p class="visit-line">{t('today.visitLine', {
        time: parisTime(new Date(visit.createdAt)),
        themes: visit.themes.map((th) => aidantLabel('themes', th)).join(', '),
        minutes: visit.durationMinutes,
      })}</p>
      <p class="visit-state"><Icon name={waiting ? 'sync' : 'check'} />{waiting ? t('today.queued') : t('today.sent')}</p>
      {visit.checklistRuns.map((run) => <p class="visit-run" key={run.checklistId}>{runText(run, checklists.find((c) => c.id === run.checklistId))}</p>)}
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
