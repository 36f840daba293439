import { useState } from 'preact/hooks';
import type { Checklist } from '../../../shared/domain/checklist';
import type { MobilityOffer } from '../../../shared/domain/mobilityOffer';
import type { Place } from '../../../shared/domain/place';
import type { Tour } from '../../../shared/domain/tour';
import type { EditableCollection } from '../../../shared/sync/collections';
import { errorText } from '../../i18n/errors/errorText';
import { label } from '../../i18n/i18n';
import { usePageTitle } from '../../ui/usePageTitle';
import { ConfirmDialog } from '../ConfirmDialog';
import { useStaffT } from '../i18n/staffMessages';
import { COLLECTION_NAV, collectionHref } from '../routes';
import { SortableTable, type Column } from '../SortableTable';
import { useCollection, useReplica, useStaff, type Row } from '../useStaff';
import { recordName } from './formModel';

type AnyRow = Row<EditableCollection>;

/** A sortable table of one directory collection, with add, edit and delete. */
export function DirectoryList({ collection }: { collection: EditableCollection }) {
  const t = useStaffT();
  const staff = useStaff();
  const title = t(COLLECTION_NAV[collection]);
  usePageTitle(title);
  const rows = useCollection(collection) as AnyRow[] | undefined;
  const territory = useReplica(() => staff.directory.territory());
  const [filter, setFilter] = useState('');
  const [toDelete, setToDelete] = useState<AnyRow>();
  const [message, setMessage] = useState<string>();
  const communeName = (insee: string) => territory?.communes.find((c) => c.insee === insee)?.name ?? insee;
  const verified = (d: string) => d || t('toConfirm');

  const name: Column<AnyRow> = {
    key: 'name', label: t('col.name'), sortValue: (r) => recordName(r.record),
    render: (r) => (
      <>
        <a href={collectionHref(collection, r.record.id)}>{recordName(r.record)}</a>
        {r.pending && <span class="badge"> ({t('list.pending')})</span>}
      </>
    ),
  };
  const specific: Record<EditableCollection, Column<AnyRow>[]> = {
    place: [
      { key: 'commune', label: t('col.commune'), sortValue: (r) => (r.record as Place).city, render: (r) => (r.record as Place).city },
      { key: 'category', label: t('col.category'), sortValue: (r) => (r.record as Place).category, render: (r) => label('categories', (r.record as Place).category) },
      { key: 'verified', label: t('col.verified'), sortValue: (r) => (r.record as Place).verifiedAt, render: (r) => verified((r.record as Place).verifiedAt) },
    ],
    mobility: [
      { key: 'kind', label: t('col.kind'), sortValue: (r) => (r.record as MobilityOffer).kind, render: (r) => label('mobilityKinds', (r.record as MobilityOffer).kind) },
      { key: 'verified', label: t('col.verified'), sortValue: (r) => (r.record as MobilityOffer).verifiedAt, render: (r) => verified((r.record as MobilityOffer).verifiedAt) },
    ],
    checklist: [
      { key: 'need', label: t('col.need'), sortValue: (r) => (r.record as Checklist).need, render: (r) => label('needs', (r.record as Checklist).need) },
      { key: 'verified', label: t('col.verified'), sortValue: (r) => (r.record as Checklist).reviewedAt, render: (r) => verified((r.record as Checklist).reviewedAt) },
    ],
    tour: [
      { key: 'vehicle', label: t('col.vehicle'), sortValue: (r) => (r.record as Tour).vehicle, render: (r) => label('vehicles', (r.record as Tour).vehicle) },
      { key: 'stops', label: t('col.stops'), numeric: true, sortValue: (r) => (r.record as Tour).stops.length, render: (r) => (
        <span title={(r.record as Tour).stops.map((s) => communeName(s.insee)).join(', ')}>{(r.record as Tour).stops.length}</span>
      ) },
    ],
  };
  const columns: Column<AnyRow>[] = [
    name, ...specific[collection],
    { key: 'version', label: t('col.version'), numeric: true, sortValue: (r) => r.version, render: (r) => r.version },
    {
      key: 'actions', label: t('col.actions'),
      render: (r) => (
        <div class="row-actions">
          <a class="button button-small" href={collectionHref(collection, r.record.id)} aria-label={`${t('list.edit')} ${recordName(r.record)}`}>{t('list.edit')}</a>
          <button type="button" class="button button-small button-quiet" aria-label={`${t('list.delete')} ${recordName(r.record)}`} onClick={() => setToDelete(r)}>{t('list.delete')}</button>
        </div>
      ),
    },
  ];

  async function remove(row: AnyRow) {
    setToDelete(undefined);
    try {
      const version = (await staff.directory.versionOf(collection, row.record.id)) ?? row.version;
      await staff.writes.deleteRecord(collection, row.record.id, version);
      setMessage(t('delete.done', { name: recordName(row.record) }));
    } catch (e) {
      setMessage(t('error', { message: errorText(e) }));
    }
  }

  const needle = filter.trim().toLocaleLowerCase('fr');
  const shown = (rows ?? []).filter((r) => !needle || recordName(r.record).toLocaleLowerCase('fr').includes(needle));
  return (
    <section aria-labelledby="list-title">
      <h1 id="list-title">{title}</h1>
      <div class="list-tools">
        <a class="button" href={`${collectionHref(collection)}/nouveau`}>{t('list.new', { collection: t(`coll.${collection}`) })}</a>
        <div class="field">
          <label for="list-filter">{t('list.filter')}</label>
          <input id="list-filter" type="search" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
        </div>
      </div>
      <div role="status" aria-live="polite">{message && <p class="notice">{message}</p>}</div>
      {toDelete && <ConfirmDialog message={t('delete.confirm', { name: recordName(toDelete.record) })} onConfirm={() => void remove(toDelete)} onCancel={() => setToDelete(undefined)} />}
      {!rows ? (
        <p role="status">{t('loading')}</p>
      ) : rows.length === 0 ? (
        <p>{t('list.empty')}</p>
      ) : (
        <SortableTable<AnyRow>
          caption={`${title} — ${t('list.count', { count: shown.length })}`}
          columns={columns} rows={shown} rowKey={(r) => r.record.id} rowHeader="name"
          initialSort={{ key: 'name', dir: 'ascending' }}
        />
      )}
    </section>
  );
}

