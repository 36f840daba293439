import type { StaffServices } from '../../services/staffServices';
import { explainIssues } from '../directory/formModel';
import type { StaffT } from '../i18n/staffMessages';
import { fieldLabel, mergeChoices, type Choice, type ConflictView } from './conflictFields';

/**
 * Field by field: the record the choices make, on the record as this device holds it now,
 * is parsed with the collection's schema first; only a valid one becomes a new edit (the
 * changed fields, on the current version), and the conflict is resolved. An invalid one:
 * the returned message says why, nothing is written, the conflict stays.
 */
export async function mergeConflict(staff: StaffServices, view: ConflictView, choice: Choice, t: StaffT): Promise<{ refused: string } | undefined> {
  const collection = view.collection!;
  const [rows, version] = await Promise.all([staff.directory.list(collection), staff.directory.versionOf(collection, view.recordId)]);
  const current = rows.find((r) => r.record.id === view.recordId);
  if (!current || version === undefined) throw new Error(t('form.notFound'));
  const merged = mergeChoices(view, current.record as Record<string, unknown>, choice);
  if (!merged.ok) {
    const label = (field: string) => fieldLabel(view.collection, field, t);
    const problems = explainIssues(collection, merged.candidate, merged.issues, t)
      .map((e) => `${t('conflicts.pair', { label: e.label ? t(e.label) : label(e.key.split('.')[0]!) })} ${e.message}`).join(' ');
    return { refused: t('conflicts.invalid', { problems }) };
  }
  if (Object.keys(merged.patch).length > 0) await staff.writes.editRecord(collection, view.recordId, version, merged.patch as never);
  await staff.issues.resolveConflict(view.mutationId);
  return undefined;
}
