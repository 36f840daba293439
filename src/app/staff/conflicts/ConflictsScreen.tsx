import { useState } from 'preact/hooks';
import { label as vocabLabel } from '../../i18n/i18n';
import '../../i18n/screens';
import { usePageTitle } from '../../ui/usePageTitle';
import { languageName } from '../directory/languageName';
import { isStaffKey, useStaffT } from '../i18n/staffMessages';
import { useReplica, useStaff } from '../useStaff';
import { ConflictCard } from './ConflictCard';
import { conflictView, type Labels } from './conflictFields';

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
