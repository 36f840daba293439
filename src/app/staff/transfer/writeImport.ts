import type { ImportResult } from '../../../shared/datainclusion/importDataInclusion';
import type { Place } from '../../../shared/domain/place';
import { errorText } from '../../i18n/errors/errorText';
import type { StaffServices } from '../../services/staffServices';
import { diffPatch } from '../directory/formModel';
import type { StaffT } from '../i18n/staffMessages';

type RecordChange = Parameters<StaffServices['writes']['writeRecords']>[0][number];

export type ImportOutcome = { ok: true; count: number } | { ok: false; text: string };

/**
 * Writes the valid places of a confirmed import as ONE batch (`writes.writeRecords`):
 * each a place.create, or a place.update of the fields that differ; all stored, or none.
 * The outcome is the French (or English) sentence for the report.
 */
export async function writeImport(staff: Pick<StaffServices, 'directory' | 'writes'>, result: ImportResult, t: StaffT): Promise<ImportOutcome> {
  const ok = result.records.filter((r) => r.status === 'ok' && r.place);
  const current = new Map((await staff.directory.list('place')).map((r) => [r.record.id, r]));
  const changes: RecordChange[] = [];
  const names: string[] = [];
  for (const record of ok) {
    const place = record.place as Place;
    const row = current.get(place.id);
    const version = row ? await staff.directory.versionOf('place', place.id) : undefined;
    if (row && version !== undefined) {
      const patch = diffPatch(row.record as unknown as Record<string, unknown>, place as unknown as Record<string, unknown>);
      if (Object.keys(patch).length === 0) continue;
      changes.push({ op: 'edit', collection: 'place', id: place.id, baseVersion: version, patch });
    } else {
      changes.push({ op: 'create', collection: 'place', record: place });
    }
    names.push(record.name || place.name);
  }
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
