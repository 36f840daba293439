import { useEffect, useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { Correction } from '../../../shared/domain/correction';
import type { Territory } from '../../../shared/domain/territory';
import type { Tour } from '../../../shared/domain/tour';
import type { EditableCollection, RecordOf } from '../../../shared/sync/collections';
import { errorText } from '../../i18n/errors/errorText';
import { usePageTitle } from '../../ui/usePageTitle';
import { useStaffT } from '../i18n/staffMessages';
import { COLLECTION_NAV, collectionHref } from '../routes';
import { loadHoursCheck } from '../schedule/useHoursCheck';
import { useStaff } from '../useStaff';
import { Field } from './Field';
import { diffPatch, FIELDS, newId, recordName, stopsToForm, toForm, validateForm, type FormValue, type FormValues, type StopValues } from './formModel';
import { hoursErrors } from './hoursErrors';
import { StopsEditor } from './StopsEditor';
import { withCommuneDefaults } from './withCommuneDefaults';

export interface Loaded {
  record?: RecordOf<EditableCollection>;
  version?: number;
  correction?: Correction;
  /** For a checklist's "where to go": the places to pick from. */
  places: Array<{ id: string; name: string }>;
}

/** The form of one record: fields, a tour's stops, save (a patch on the version opened, or a
 *  create), and the accepted correction marked so. */
export function RecordForm({ collection, loaded, territory }: { collection: EditableCollection; loaded: Loaded; territory: Territory | undefined }) {
  const t = useStaffT();
  const staff = useStaff();
  const { route } = useLocation();
  // The record and version the form edits: as opened, then as saved (so a second save
  // chains on the first, as versionOf does for pending edits). A newer version pulled
  // meanwhile is NOT taken silently: the save then conflicts and staff choose.
  const [opened, setOpened] = useState({ record: loaded.record, version: loaded.version });
  const base = opened.record;
  const kind = t(`coll.${collection}`);
  const title = base ? t('form.edit', { name: recordName(base) }) : t('form.new', { kind });
  usePageTitle(title);
  const [values, setValues] = useState<FormValues>(() => toForm(collection, base));
  const [stops, setStops] = useState<StopValues[]>(() => stopsToForm(collection === 'tour' ? (base as Tour | undefined) : undefined));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: 'ok' | 'warn'; text: string }>();
  const [busy, setBusy] = useState(false);
  const id = useMemo(() => base?.id ?? '', [base]);
  const communes = territory?.communes ?? [];
  let stopCounter = stops.length;

  useEffect(() => void loadHoursCheck(), []);

  function set(key: string, value: FormValue) {
    setValues((v) => withCommuneDefaults(v, key, value, communes));
  }

  async function save(event: Event) {
    event.preventDefault();
    setMessage(undefined);
    const recordId = id || newId(String(values.name ?? values.title ?? ''));
    const checked = validateForm(collection, values, base, { id: recordId, territoryId: territory?.id ?? base?.territoryId ?? '', communes, stops }, t);
    // Hours the app could not evaluate are refused too; the form's own error comes first.
    const found: Record<string, string> = { ...(await hoursErrors(collection, values, stops, t)), ...(checked.ok ? {} : checked.errors) };
    setErrors(found);
    if (Object.keys(found).length > 0 || !checked.ok) {
      setMessage({ tone: 'warn', text: t('form.invalid') });
      // After the errors render: focus the first field in error.
      setTimeout(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setBusy(true);
    try {
      if (base && opened.version !== undefined) {
        const patch = diffPatch(base as unknown as Record<string, unknown>, checked.record as unknown as Record<string, unknown>);
        if (Object.keys(patch).length > 0) await staff.writes.editRecord(collection, base.id, opened.version, patch as never);
      } else {
        await staff.writes.createRecord(collection, checked.record as never);
      }
      const savedVersion = await staff.directory.versionOf(collection, checked.record.id);
      setOpened({ record: checked.record, version: savedVersion ?? opened.version });
      if (loaded.correction) await staff.writes.resolveCorrection(loaded.correction.id, 'accepted');
      setMessage({ tone: 'ok', text: t('form.saved') });
      if (!base) route(collectionHref(collection, recordId));
    } catch (e) {
      setMessage({ tone: 'warn', text: t('error', { message: errorText(e) }) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="edit-title">
      <p class="no-print"><a class="back-link" href={collectionHref(collection)}>← {t(COLLECTION_NAV[collection])}</a></p>
      <h1 id="edit-title">{title}</h1>
      {loaded.correction && (
        <div class="notice">
          <p><strong>{t('corrections.messageLabel')}</strong> {loaded.correction.message}</p>
        </div>
      )}
      {base && opened.version !== undefined && <p class="hint">{t('form.versionNote', { version: opened.version })}</p>}
      <form onSubmit={save} noValidate class="staff-form">
        {FIELDS[collection].map((def) => (
          <Field key={def.key} def={def} prefix="" values={values} set={set} ctx={{ communes, places: loaded.places, errors, holidays: territory?.schoolHolidays }} />
        ))}
        {collection === 'tour' && (
          <StopsEditor stops={stops} onChange={setStops} territory={territory} errors={errors}
            newStopId={() => `${id || 'escale'}-${Date.now().toString(36)}-${++stopCounter}`} />
        )}
        <div role="status" aria-live="polite">
          {message && <p class={message.tone === 'ok' ? 'notice' : 'notice notice-warn'}>{message.text}</p>}
        </div>
        <div class="button-row">
          <button type="submit" class="button" disabled={busy}>{t('form.save')}</button>
          <a class="button button-quiet" href={collectionHref(collection)}>{t('form.cancel')}</a>
        </div>
      </form>
    </section>
  );
}
