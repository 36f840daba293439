import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { Correction } from '../../../shared/domain/correction';
import { EDITABLE_COLLECTIONS, type EditableCollection } from '../../../shared/sync/collections';
import { errorText } from '../../i18n/errors/errorText';
import { usePageTitle } from '../../ui/usePageTitle';
import { recordName } from '../directory/formModel';
import { useStaffT } from '../i18n/staffMessages';
import { collectionHref } from '../routes';
import { SortableTable } from '../SortableTable';
import { useReplica, useStaff } from '../useStaff';

interface Item {
  correction: Correction;
  recordName: string;
}

const isEditable = (c: string): c is EditableCollection => (EDITABLE_COLLECTIONS as readonly string[]).includes(c);

/** Corrections proposed by aidants, waiting: accept (opens the record) or refuse. */
export function CorrectionsScreen() {
  const t = useStaffT();
  const staff = useStaff();
  const { route } = useLocation();
  usePageTitle(t('corrections.title'));
  const [message, setMessage] = useState<string>();
  const items = useReplica<Item[]>(async () => {
    const rows = (await staff.directory.list('correction')).filter((r) => r.record.status === 'pending');
    const names = new Map<string, string>();
    for (const c of new Set(rows.map((r) => r.record.collection))) {
      if (!isEditable(c)) continue;
      for (const r of await staff.directory.list(c)) names.set(`${c}:${r.record.id}`, recordName(r.record));
    }
    return rows.map((r) => ({ correction: r.record, recordName: names.get(`${r.record.collection}:${r.record.recordId}`) ?? r.record.recordId }));
  });

  async function refuse(c: Correction) {
    try {
      await staff.writes.resolveCorrection(c.id, 'refused');
      setMessage(t('corrections.refused'));
    } catch (e) {
      setMessage(t('error', { message: errorText(e) }));
    }
  }
  const date = (iso: string) => new Date(iso).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' });

  return (
    <section aria-labelledby="corrections-title">
      <h1 id="corrections-title">{t('corrections.title')}</h1>
      <p>{t('corrections.intro')}</p>
      <div role="status" aria-live="polite">{message && <p class="notice">{message}</p>}</div>
      {!items ? <p role="status">{t('loading')}</p> : items.length === 0 ? <p>{t('corrections.none')}</p> : (
        <SortableTable<Item>
          caption={t('corrections.title')}
          rows={items}
          rowKey={(i) => i.correction.id}
          initialSort={{ key: 'date', dir: 'ascending' }}
          columns={[
            { key: 'date', label: t('ind.date'), sortValue: (i) => i.correction.createdAt, render: (i) => date(i.correction.createdAt) },
            { key: 'record', label: t('corrections.record'), sortValue: (i) => i.recordName, render: (i) => t('corrections.recordOf', { collection: t(`coll.${i.correction.collection}`), name: i.recordName }) },
            { key: 'message', label: t('corrections.message'), render: (i) => i.correction.message },
            {
              key: 'actions', label: t('col.actions'),
              render: (i) => (
                <div class="row-actions">
                  {isEditable(i.correction.collection) && (
                    <button type="button" class="button button-small" onClick={() => route(`${collectionHref(i.correction.collection as EditableCollection, i.correction.recordId)}?correction=${encodeURIComponent(i.correction.id)}`)}>
                      {t('corrections.accept')}
                    </button>
                  )}
                  <button type="button" class="button button-small button-quiet" onClick={() => void refuse(i.correction)}>{t('corrections.refuse')}</button>
                </div>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
