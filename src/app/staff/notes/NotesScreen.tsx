import { useState } from 'preact/hooks';
import type { VisitLog } from '../../../shared/domain/visitLog';
import { errorText } from '../../i18n/errors/errorText';
import { usePageTitle } from '../../ui/usePageTitle';
import { adminProblem } from '../admin/adminProblem';
import { ConfirmDialog } from '../ConfirmDialog';
import { staffLabel, useStaffT } from '../i18n/staffMessages';
import { SortableTable } from '../SortableTable';
import { useReplica, useStaff } from '../useStaff';

/**
 * /bureau/notes: the visits whose note the server holds (docs/privacy.md). The replica
 * has no note, only `noteState`; "Lire la note" asks the server for that one note (an
 * audit line there) and this component keeps it in its state, in memory: it is gone when
 * the note is hidden, the page is left or the office signs out. Admins may erase a note.
 */
export function NotesScreen() {
  const t = useStaffT();
  const staff = useStaff();
  usePageTitle(t('notes.title'));
  const [shown, setShown] = useState<{ visitId: string; text: string }>();
  const [message, setMessage] = useState<string>();
  const [toErase, setToErase] = useState<string>();
  const visits = useReplica<VisitLog[]>(async () =>
    (await staff.directory.visits()).filter((v) => v.noteState === 'server').sort((a, b) => b.createdAt.localeCompare(a.createdAt)));
  const isAdmin = staff.account.value?.role === 'admin';

  async function read(visitId: string) {
    setMessage(undefined);
    try {
      const note = await staff.admin.readNote(visitId);
      setShown({ visitId, text: note.note });
    } catch (e) {
      setShown(undefined);
      setMessage(adminProblem(e, t));
    }
  }
  async function erase(visitId: string) {
    try {
      await staff.admin.eraseNote(visitId);
      if (shown?.visitId === visitId) setShown(undefined);
      setMessage(t('notes.erased'));
    } catch (e) {
      setMessage(t('error', { message: errorText(e) }));
    }
  }
  const when = (iso: string) => new Date(iso).toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });

  return (
    <section aria-labelledby="notes-title">
      <h1 id="notes-title">{t('notes.title')}</h1>
      <p>{t('notes.intro')}</p>
      <div role="status" aria-live="polite">{message && <p class="notice">{message}</p>}</div>
      {shown && (
        <div class="notice visit-note" role="region" aria-labelledby="note-shown-title">
          <h2 id="note-shown-title">{t('notes.shownTitle')}</h2>
          <p class="note-text">{shown.text}</p>
          <button type="button" class="button button-quiet" onClick={() => setShown(undefined)}>{t('notes.hide')}</button>
        </div>
      )}
      {toErase && (
        <ConfirmDialog message={t('notes.eraseConfirm')} onCancel={() => setToErase(undefined)}
          onConfirm={() => { const id = toErase; setToErase(undefined); void erase(id); }} />
      )}
      {!visits ? <p role="status">{t('loading')}</p> : visits.length === 0 ? <p>{t('notes.none')}</p> : (
        <SortableTable<VisitLog>
          caption={t('notes.caption')}
          rows={visits}
          rowKey={(v) => v.id}
          initialSort={{ key: 'date', dir: 'descending' }}
          columns={[
            { key: 'date', label: t('ind.date'), sortValue: (v) => v.createdAt, render: (v) => when(v.createdAt) },
            { key: 'themes', label: t('notes.themes'), render: (v) => v.themes.map((th) => staffLabel('visits', th)).join(', ') },
            {
              key: 'actions', label: t('col.actions'),
              render: (v) => (
                <div class="row-actions">
                  <button type="button" class="button button-small" onClick={() => void read(v.id)}>{t('notes.read')}</button>
                  {isAdmin && <button type="button" class="button button-small button-quiet" onClick={() => setToErase(v.id)}>{t('notes.erase')}</button>}
                </div>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
