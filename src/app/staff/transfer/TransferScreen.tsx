import { useState } from 'preact/hooks';
import { exportDataInclusion } from '../../../shared/datainclusion/exportDataInclusion';
import { importDataInclusion, type ImportRecord, type ImportResult } from '../../../shared/datainclusion/importDataInclusion';
import { useServices } from '../../services/services';
import { usePageTitle } from '../../ui/usePageTitle';
import { useStaffT, type StaffKey } from '../i18n/staffMessages';
import { SortableTable } from '../SortableTable';
import { parisToday, useStaff } from '../useStaff';
import { downloadFile } from './downloadFile';
import { planImport, type ImportOutcome as PlannedOutcome, type ImportPlan } from '../../../shared/datainclusion/planImport';
import { currentPlaces, writeImport } from './writeImport';

const MARK: Record<ImportRecord['status'], [string, string]> = {
  ok: ['✓', 'state-ok'],
  invalid: ['✗', 'state-bad'],
  'outside-territory': ['⊘', 'state-skip'],
  duplicate: ['⧉', 'state-skip'],
};

/** Import a data·inclusion file (preview, report, confirm) and export the directory. */
export function TransferScreen() {
  const t = useStaffT();
  const staff = useStaff();
  const { now } = useServices();
  usePageTitle(t('transfer.title'));
  const [preview, setPreview] = useState<ImportResult>();
  /** What confirming would change, record by record (the command line's dry run, same code). */
  const [plan, setPlan] = useState<ImportPlan>();
  const [message, setMessage] = useState<{ tone: 'ok' | 'warn'; text: string }>();
  const [busy, setBusy] = useState(false);
  const [inputKey, setInputKey] = useState(0);

  async function read(file: File | undefined) {
    setPreview(undefined);
    setPlan(undefined);
    setMessage(undefined);
    if (!file) return;
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      setMessage({ tone: 'warn', text: t('transfer.notJson') });
      return;
    }
    const territory = await staff.directory.territory();
    const current = await currentPlaces(staff);
    const result = importDataInclusion(json, {
      territoryId: territory?.id ?? '', communes: territory?.communes ?? [], existingPlaces: [...current.values()].map((p) => p.record), today: parisToday(now()),
    });
    setPlan(planImport(result, current));
    setPreview(result);
  }

  function cancel() {
    setPreview(undefined);
    setPlan(undefined);
    setInputKey((k) => k + 1);
    setMessage({ tone: 'ok', text: t('transfer.cancelled') });
  }

  /** Only the valid records, all in one batch: every place is stored, or none. */
  async function confirm(result: ImportResult) {
    setBusy(true);
    const outcome = await writeImport(staff, result, t);
    setBusy(false);
    if (!outcome.ok) {
      setMessage({ tone: 'warn', text: outcome.text });
      return;
    }
    setPreview(undefined);
    setPlan(undefined);
    setInputKey((k) => k + 1);
    setMessage({ tone: 'ok', text: t('transfer.done', { count: outcome.count }) });
  }

  async function exportDirectory() {
    const territory = await staff.directory.territory();
    if (!territory) return;
    const places = (await staff.directory.list('place')).map((r) => r.record);
    const file = exportDataInclusion(places, territory, { today: parisToday(now()) });
    downloadFile(`escale-annuaire-${parisToday(now())}.json`, JSON.stringify(file, null, 2), 'application/json');
  }

  const okCount = preview?.records.filter((r) => r.status === 'ok').length ?? 0;
  const outcomeOf = new Map((plan?.lines ?? []).map((l): [number, PlannedOutcome] => [l.index, l.outcome]));
  const changeCount = plan?.changes.length ?? okCount;
  const ACTION: Record<PlannedOutcome, StaffKey | undefined> = { created: 'transfer.create', updated: 'transfer.update', unchanged: 'transfer.unchanged', refused: undefined };
  return (
    <section aria-labelledby="transfer-title">
      <h1 id="transfer-title">{t('transfer.title')}</h1>
      <h2>{t('transfer.import')}</h2>
      <div class="field">
        <label for="import-file">{t('transfer.file')}</label>
        <input key={inputKey} id="import-file" type="file" accept=".json,application/json"
          onChange={(e) => void read(e.currentTarget.files?.[0])} />
      </div>
      <div role="status" aria-live="polite">
        {message && <p class={message.tone === 'ok' ? 'notice' : 'notice notice-warn'}>{message.text}</p>}
      </div>
      {preview && (
        <div class="import-preview">
          {preview.summary.fileProblems.map((p) => <p key={p} class="notice notice-warn">{p}</p>)}
          <p><strong>{t('transfer.preview', { ok: okCount, structures: preview.summary.structures })}</strong></p>
          {preview.records.length > 0 && (
            <SortableTable<ImportRecord>
              caption={t('transfer.preview', { ok: okCount, structures: preview.summary.structures })}
              rows={preview.records}
              rowKey={(r) => `${r.index}`}
              rowHeader="name"
              initialSort={{ key: 'index', dir: 'ascending' }}
              columns={[
                { key: 'index', label: 'N°', numeric: true, sortValue: (r) => r.index, render: (r) => r.index + 1 },
                { key: 'name', label: t('col.name'), sortValue: (r) => r.name, render: (r) => r.name || r.sourceId },
                {
                  key: 'status', label: t('transfer.status'), sortValue: (r) => r.status,
                  render: (r) => <span class={MARK[r.status][1]}><span aria-hidden="true">{MARK[r.status][0]} </span>{t(`transfer.${r.status}`)}</span>,
                },
                {
                  key: 'action', label: t('transfer.action'),
                  render: (r) => {
                    const outcome = outcomeOf.get(r.index);
                    const key = outcome && ACTION[outcome];
                    if (key) return t(key);
                    return r.status === 'ok' && r.action && !outcome ? t(`transfer.${r.action}`) : '—';
                  },
                },
                {
                  key: 'problems', label: t('transfer.problems'),
                  render: (r) => (r.problems.length ? <ul class="problems">{r.problems.map((p) => <li key={p}>{p}</li>)}</ul> : '—'),
                },
              ]}
            />
          )}
          <div class="button-row">
            {okCount > 0 && changeCount === 0 && <p class="notice">{t('transfer.nothingToChange')}</p>}
            {changeCount > 0 && (
              <button type="button" class="button" disabled={busy} onClick={() => void confirm(preview)}>{t('transfer.confirm', { count: changeCount })}</button>
            )}
            <button type="button" class="button button-quiet" disabled={busy} onClick={cancel}>{t('transfer.cancel')}</button>
          </div>
        </div>
      )}
      <h2>{t('transfer.export')}</h2>
      <p>{t('transfer.exportHint')}</p>
      <button type="button" class="button" onClick={() => void exportDirectory()}>{t('transfer.exportButton')}</button>
    </section>
  );
}
