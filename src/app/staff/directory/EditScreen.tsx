import type { EditableCollection } from '../../../shared/sync/collections';
import { useStaffT } from '../i18n/staffMessages';
import { COLLECTION_NAV, collectionHref } from '../routes';
import { useReplica, useStaff } from '../useStaff';
import { RecordForm, type Loaded } from './RecordForm';

interface Props {
  collection: EditableCollection;
  /** Undefined for a new record. */
  id?: string | undefined;
  /** A correction being accepted: shown above the form, marked accepted on save. */
  correction?: string | undefined;
}

/** Create or edit one directory record; nothing is written unless the whole record parses. */
export function EditScreen({ collection, id, correction }: Props) {
  const staff = useStaff();
  const loaded = useReplica<Loaded>(async () => {
    const rows = await staff.directory.list(collection);
    const row = id === undefined ? undefined : rows.find((r) => r.record.id === id);
    const corr = correction ? (await staff.directory.list('correction')).find((c) => c.record.id === correction)?.record : undefined;
    const places = collection === 'checklist'
      ? (await staff.directory.list('place')).map((p) => ({ id: p.record.id, name: p.record.name })).sort((a, b) => a.name.localeCompare(b.name, 'fr'))
      : [];
    return { ...(row ? { record: row.record, version: row.version } : {}), ...(corr ? { correction: corr } : {}), places };
  }, [collection, id, correction]);
  const territory = useReplica(() => staff.directory.territory());
  const t = useStaffT();
  if (!loaded) return <p role="status">{t('loading')}</p>;
  if (id !== undefined && !loaded.record) {
    return (
      <section>
        <h1>{t('form.notFound')}</h1>
        <p><a href={collectionHref(collection)}>{t(COLLECTION_NAV[collection])}</a></p>
      </section>
    );
  }
  // One form per record: a pulled page or our own save must not wipe what is typed.
  return <RecordForm key={id ?? 'new'} collection={collection} loaded={loaded} territory={territory} />;
}
