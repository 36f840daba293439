import type { ImportResult } from '../../../shared/datainclusion/importDataInclusion';
import { planImport, type CurrentPlace } from '../../../shared/datainclusion/planImport';
import { errorText } from '../../i18n/errors/errorText';
import type { StaffServices } from '../../services/staffServices';
import type { StaffT } from '../i18n/staffMessages';

type RecordChange = Parameters<StaffServices['writes']['writeRecords']>[0][number];

export type ImportOutcome = { ok: true; count: number } | { ok: false; text: string };

/**
 * Writes the valid places of a confirmed import as ONE batch (`writes.writeRecords`):
 * each a place.create, or a place.update of the fields that differ; all stored, or none.
 * The outcome is the French (or English) sentence for the report.
 */
/** The places of this device's replica with their versions, for planImport. */
export async function currentPlaces(staff: Pick<StaffServices, 'directory'>): Promise<Map<string, CurrentPlace>> {
  const current = new Map<string, CurrentPlace>();
  for (const row of await staff.directory.list('place')) {
    const version = await staff.directory.versionOf('place', row.record.id);
    if (version !== undefined) current.set(row.record.id, { record: row.record, version });
  }
  return current;
}

export async function writeImport(staff: Pick<StaffServices, 'directory' | 'writes'>, result: ImportResult, t: StaffT): Promise<ImportOutcome> {
  // The same plan as the command line and the HTTP endpoint (shared/datainclusion/planImport.ts),
  // made again at confirmation against the versions held now.
  const plan = planImport(result, await currentPlaces(staff));
  const changes: RecordChange[] = plan.changes.map((c) => (c.op === 'create'
    ? { op: 'create', collection: 'place', record: c.place }
    : { op: 'edit', collection: 'place', id: c.id, baseVersion: c.baseVersion, patch: c.patch }));
  const names = plan.changeLine.map((i) => plan.lines[i]!.name || plan.lines[i]!.placeId || '');
  if (changes.length === 0) return { ok: true, count: 0 };
  try {
    await staff.writes.writeRecords(changes);
    return { ok: true, count: changes.length };
  } catch (e) {
    const index = (e as { index?: unknown }).index;
    const name = typeof index === 'number' ? names[index] : undefined;
    return { ok: false, text: name !== undefined ? t('transfer.failed', { name, message: errorText(e) }) : t('transfer.failedAll', { message: errorText(e) }) };
  }
}
