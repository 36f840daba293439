import { useState } from 'preact/hooks';
import { errorText } from '../../i18n/errors/errorText';
import { label as vocabLabel } from '../../i18n/i18n';
import '../../i18n/screens';
import { usePageTitle } from '../../ui/usePageTitle';
import { languageName } from '../directory/Field';
import { explainIssues, recordName } from '../directory/formModel';
import { isStaffKey, useStaffT, type StaffKey } from '../i18n/staffMessages';
import { collectionHref } from '../routes';
import { useReplica, useStaff } from '../useStaff';
import { conflictView, fieldLabel, mergeChoices, showField, type Choice, type ConflictView, type Labels, type Shown } from './conflictFields';

/** Conflicts of this device's edits, field by field: mine, theirs, choose. */
export function ConflictsScreen() {
  const t = useStaffT();
  const staff = useStaff();
  usePageTitle(t('conflicts.title'));
  const [message, setMessage] = useState<string>();
  const conflicts = useReplica(async () => (await staff.issues.conflicts()).map(conflictView));
  // Names for the codes a record holds (communes, places): read once with the conflicts.
  const names = useReplica(async () => {
    const [territory, places] = await Promise.all([staff.directory.territory(), staff.directory.places()]);
    return {
      communes: new Map((territory?.communes ?? []).map((c) => [c.insee, `${c.name} (${c.insee})`])),
      places: new Map(places.map((p) => [p.id, p.name])),
    };
  });
  const labels: Labels = {
    t,
    vocab: vocabLabel,
    language: languageName,
    commune: (insee) => names?.communes.get(insee) ?? insee,
    place: (id) => names?.places.get(id) ?? id,
    has: isStaffKey,
  };
  return (
    <section aria-labelledby="conflicts-title">
      <h1 id="conflicts-title">{t('conflicts.title')}</h1>
      <p>{t('conflicts.intro')}</p>
      <div role="status" aria-live="polite">{message && <p class="notice">{message}</p>}</div>
      {!conflicts ? <p role="status">{t('loading')}</p> : conflicts.length === 0 ? <p>{t('conflicts.none')}</p> : (
        conflicts.map((c) => <ConflictCard key={c.mutationId} view={c} labels={labels} onDone={setMessage} />)
      )}
    </section>
  );
}

/** A value in plain words: text, a list, or label/value pairs (an object, a list's item). */
function ShownValue({ shown, labels }: { shown: Shown; labels: Labels }) {
  const { t } = labels;
  switch (shown.kind) {
    case 'empty':
      return <><span aria-hidden="true">—</span><span class="visually-hidden">{t('conflicts.empty')}</span></>;
    case 'text':
      return <>{shown.text}</>;
    case 'list':
      return <ul class="conflict-list">{shown.items.map((item, i) => <li key={i}><ShownValue shown={item} labels={labels} /></li>)}</ul>;
    case 'fields':
      return (
        <>
          {shown.title && <span class="conflict-item-title">{shown.title}</span>}
          <ul class="conflict-fields">
            {shown.entries.map((e, i) => (
              <li key={i}>{e.label && <span class="conflict-label">{t('conflicts.pair', { label: e.label })} </span>}<ShownValue shown={e.value} labels={labels} /></li>
            ))}
          </ul>
        </>
      );
  }
}

function ConflictCard({ view, labels, onDone }: { view: ConflictView; labels: Labels; onDone: (message: string) => void }) {
  const t = useStaffT();
  const staff = useStaff();
  const [choice, setChoice] = useState<Choice>(() =>
    Object.fromEntries(view.fields.map((f) => [f.field, 'mine'] as const)));
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const name = recordName(view.theirs) || view.recordId;
  const collectionLabel = view.collection ? t(`coll.${view.collection}` as StaffKey) : '';
  const titleId = `conflict-${view.mutationId}`;
  const label = (field: string) => fieldLabel(view.collection, field, t);

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

  /**
   * Field by field: the record the choices make, on the record as this device holds it now,
   * is parsed with the collection's schema first; only a valid one becomes a new edit (the
   * changed fields, on the current version). An invalid one: a message, nothing written,
   * the conflict stays.
   */
  async function merge(): Promise<boolean> {
    const collection = view.collection!;
    const [rows, version] = await Promise.all([staff.directory.list(collection), staff.directory.versionOf(collection, view.recordId)]);
    const current = rows.find((r) => r.record.id === view.recordId);
    if (!current || version === undefined) throw new Error(t('form.notFound'));
    const merged = mergeChoices(view, current.record as Record<string, unknown>, choice);
    if (!merged.ok) {
      const problems = explainIssues(collection, merged.candidate, merged.issues, t)
        .map((e) => `${t('conflicts.pair', { label: e.label ? t(e.label) : label(e.key.split('.')[0]!) })} ${e.message}`).join(' ');
      setError(t('conflicts.invalid', { problems }));
      return false;
    }
    if (Object.keys(merged.patch).length > 0) await staff.writes.editRecord(collection, view.recordId, version, merged.patch as never);
    await staff.issues.resolveConflict(view.mutationId);
    return true;
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
                    <th scope="row">{label(f.field)}</th>
                    <td class="conflict-value" data-side="mine"><ShownValue shown={showField(view.collection, f.field, f.mine, labels)} labels={labels} /></td>
                    <td class="conflict-value" data-side="theirs"><ShownValue shown={showField(view.collection, f.field, f.theirs, labels)} labels={labels} /></td>
                    <td>
                      {f.same ? <><span aria-hidden="true">=</span><span class="visually-hidden">{t('conflicts.same')}</span></> : (
                        <fieldset class="plain">
                          <legend class="visually-hidden">{t('conflicts.pair', { label: t('conflicts.choose') })} {label(f.field)}</legend>
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
