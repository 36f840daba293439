import { useState } from 'preact/hooks';
import { errorText } from '../../i18n/errors/errorText';
import { recordName } from '../directory/formModel';
import { useStaffT } from '../i18n/staffMessages';
import { collectionHref } from '../routes';
import { useStaff } from '../useStaff';
import { ConflictFieldRow } from './ConflictFieldRow';
import { fieldLabel, type Choice, type ConflictView, type Labels } from './conflictFields';
import { mergeConflict } from './mergeConflict';
import { TableScroll } from '../TableScroll';

/** One refused edit: what differs, field by field, and the ways out (merge my choices, redo
 *  mine, keep the server's, or open the record). */
export function ConflictCard({ view, labels, onDone }: { view: ConflictView; labels: Labels; onDone: (message: string) => void }) {
  const t = useStaffT();
  const staff = useStaff();
  const [choice, setChoice] = useState<Choice>(() =>
    Object.fromEntries(view.fields.map((f) => [f.field, 'mine'] as const)));
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const name = recordName(view.theirs) || view.recordId;
  const collectionLabel = view.collection ? t(`coll.${view.collection}`) : '';
  const titleId = `conflict-${view.mutationId}`;

  /** `action` answers false when it refused (its message is already shown): nothing done. */
  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setError(undefined);
    try {
      if ((await action()) !== false) onDone(t('conflicts.resolved'));
    } catch (e) {
      setError(t('error', { message: errorText(e) }));
    } finally {
      setBusy(false);
    }
  }
  async function merge(): Promise<boolean> {
    const outcome = await mergeConflict(staff, view, choice, t);
    if (outcome) setError(outcome.refused);
    return outcome === undefined;
  }

  return (
    <article class="conflict" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('conflicts.record', { collection: collectionLabel, name, id: view.mutationId })}</h2>
      {view.serverVersion !== undefined && <p class="hint">{t('conflicts.serverVersion', { version: view.serverVersion })}</p>}
      {!view.theirs && <p class="notice notice-warn">{t('conflicts.deleted')}</p>}
      {view.action === 'delete' && <p class="notice notice-warn">{t('conflicts.deleteMine')}</p>}
      {view.fields.length > 0 && (
        <TableScroll label={name}>
          <table class="staff-table">
            <caption class="visually-hidden">{name}</caption>
            <thead>
              <tr>
                <th scope="col">{t('conflicts.field')}</th>
                <th scope="col">{t('conflicts.mine')}</th>
                <th scope="col">{t('conflicts.theirs')}</th>
                <th scope="col">{t('conflicts.choose')}</th>
              </tr>
            </thead>
            <tbody>
              {view.fields.map((f) => (
                <ConflictFieldRow key={f.field} view={view} field={f} label={fieldLabel(view.collection, f.field, t)} labels={labels}
                  choice={choice} onChoose={(field, side) => setChoice((c) => ({ ...c, [field]: side }))} />
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {error && <p role="alert" class="notice notice-warn">{error}</p>}
      <div class="button-row">
        {view.theirs && view.collection && view.fields.length > 0 && (
          <button type="button" class="button" disabled={busy} onClick={() => run(merge)}>{t('conflicts.merge')}</button>
        )}
        <button type="button" class="button button-quiet" disabled={busy} onClick={() => run(() => staff.issues.reapply(view.mutationId))}>{t('conflicts.reapply')}</button>
        <button type="button" class="button button-quiet" disabled={busy} onClick={() => run(() => staff.issues.resolveConflict(view.mutationId))}>{t('conflicts.useTheirs')}</button>
        {view.collection && view.theirs && <a class="button button-quiet" href={collectionHref(view.collection, view.recordId)}>{t('list.edit')}</a>}
      </div>
    </article>
  );
}
