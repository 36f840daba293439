import { useState } from 'preact/hooks';
import type { EditableCollection } from '../../../shared/sync/collections';
import { usePageTitle } from '../../ui/usePageTitle';
import { FIELDS, recordName } from '../directory/formModel';
import { useStaffT, type StaffKey } from '../messages';
import { collectionHref } from '../routes';
import { errorMessage, useReplica, useStaff } from '../useStaff';
import { conflictView, showValue, type ConflictView } from './conflictFields';

/** Conflicts of this device's edits, field by field: mine, theirs, choose. */
export function ConflictsScreen() {
  const t = useStaffT();
  const staff = useStaff();
  usePageTitle(t('conflicts.title'));
  const [message, setMessage] = useState<string>();
  const conflicts = useReplica(async () => (await staff.issues.conflicts()).map(conflictView));
  return (
    <section aria-labelledby="conflicts-title">
      <h1 id="conflicts-title">{t('conflicts.title')}</h1>
      <p>{t('conflicts.intro')}</p>
      <div role="status" aria-live="polite">{message && <p class="notice">{message}</p>}</div>
      {!conflicts ? <p role="status">{t('loading')}</p> : conflicts.length === 0 ? <p>{t('conflicts.none')}</p> : (
        conflicts.map((c) => <ConflictCard key={c.mutationId} view={c} onDone={setMessage} />)
      )}
    </section>
  );
}

function ConflictCard({ view, onDone }: { view: ConflictView; onDone: (message: string) => void }) {
  const t = useStaffT();
  const staff = useStaff();
  const [choice, setChoice] = useState<Record<string, 'mine' | 'theirs'>>(() =>
    Object.fromEntries(view.fields.map((f) => [f.field, 'mine'] as const)));
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const empty = '—';
  const name = recordName(view.theirs) || view.recordId;
  const collectionLabel = view.collection ? t(`coll.${view.collection}` as StaffKey) : '';
  const titleId = `conflict-${view.mutationId}`;
  // The form's own words for a field ("Téléphone"), the field's name otherwise.
  const fieldLabel = (field: string) => {
    const def = view.collection ? FIELDS[view.collection].find((d) => d.key === field) : undefined;
    return def ? t(def.label) : field;
  };

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      onDone(t('conflicts.resolved'));
    } catch (e) {
      setError(t('error', { message: errorMessage(e) }));
    } finally {
      setBusy(false);
    }
  }

  /** Field by field: the fields kept as mine become a new edit on the current version. */
  async function merge() {
    const collection = view.collection as EditableCollection;
    const patch: Record<string, unknown> = {};
    for (const f of view.fields) if (choice[f.field] === 'mine' && !f.same) patch[f.field] = f.mine ?? undefined;
    if (Object.keys(patch).length > 0 && view.theirs) {
      const version = (await staff.directory.versionOf(collection, view.recordId)) ?? view.serverVersion;
      if (version === undefined) throw new Error(t('form.notFound'));
      await staff.writes.editRecord(collection, view.recordId, version, patch as never);
    }
    await staff.issues.resolveConflict(view.mutationId);
  }

  return (
    <article class="conflict" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('conflicts.record', { collection: collectionLabel, name, id: view.mutationId })}</h2>
      {view.serverVersion !== undefined && <p class="hint">{t('conflicts.serverVersion', { version: view.serverVersion })}</p>}
      {!view.theirs && <p class="notice notice-warn">{t('conflicts.deleted')}</p>}
      {view.action === 'delete' && <p class="notice notice-warn">{t('conflicts.deleteMine')}</p>}
      {view.fields.length > 0 && (
        <div class="staff-table-wrap">
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
              {view.fields.map((f) => {
                const group = `choice-${view.mutationId}-${f.field}`;
                return (
                  <tr key={f.field} data-field={f.field}>
                    <th scope="row">{fieldLabel(f.field)}</th>
                    <td class="conflict-value" data-side="mine">{showValue(f.mine, empty)}</td>
                    <td class="conflict-value" data-side="theirs">{showValue(f.theirs, empty)}</td>
                    <td>
                      {f.same ? '=' : (
                        <fieldset class="plain">
                          <legend class="visually-hidden">{t('conflicts.choose')} : {fieldLabel(f.field)}</legend>
                          {(['mine', 'theirs'] as const).map((side) => (
                            <div class="choice" key={side}>
                              <input type="radio" id={`${group}-${side}`} name={group} checked={choice[f.field] === side}
                                onChange={() => setChoice((c) => ({ ...c, [f.field]: side }))} disabled={!view.theirs} />
                              <label for={`${group}-${side}`}>{t(side === 'mine' ? 'conflicts.keepMine' : 'conflicts.keepTheirs')}</label>
                            </div>
                          ))}
                        </fieldset>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
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
