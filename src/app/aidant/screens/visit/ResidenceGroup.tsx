import type { Signal } from '@preact/signals';
import type { Commune } from '../../../../shared/domain/territory';
import { useAidantT } from '../../i18n/aidantMessages';
import { ToggleGroup } from '../../ToggleGroup';
import type { VisitFormPart } from './visitForm';

/**
 * Where the person lives: the session's commune, the one chosen, or one found by name (two
 * letters at least, six at most), outside the area, or not said.
 */
export function ResidenceGroup({ draft, errors, dispatch, communes, sessionCommune, query }: VisitFormPart & {
  communes: readonly Commune[];
  sessionCommune: string | undefined;
  /** The search text, kept by the screen (emptied after each visit saved). */
  query: Signal<string>;
}) {
  const t = useAidantT();
  const q = query.value.trim().toLowerCase();
  const found = q.length >= 2 ? communes.filter((c) => c.name.toLowerCase().includes(q)).slice(0, 6) : [];
  const residenceInsee = draft.residence.kind === 'commune' ? draft.residence.insee : undefined;
  const options = [
    ...(sessionCommune ? [sessionCommune] : []),
    ...(residenceInsee && residenceInsee !== sessionCommune ? [residenceInsee] : []),
    ...found.map((c) => c.insee).filter((i) => i !== sessionCommune && i !== residenceInsee),
  ];
  return (
    <ToggleGroup id="visit-residence" legend={t('visit.residence')} error={errors.residence}
      onToggle={(v) => dispatch({ type: 'setResidence', residence: v === 'non-dit' || v === 'hors-territoire' ? { kind: v } : { kind: 'commune', insee: v } })}
      options={[
        ...options.map((insee) => ({ value: insee, label: communes.find((c) => c.insee === insee)?.name ?? insee, pressed: residenceInsee === insee })),
        { value: 'hors-territoire', label: t('visit.residenceOutside'), pressed: draft.residence.kind === 'hors-territoire' },
        { value: 'non-dit', label: t('visit.residenceNotSaid'), pressed: draft.residence.kind === 'non-dit' },
      ]}>
      <label for="visit-residence-search">{t('session.search')}</label>
      <input id="visit-residence-search" class="text-input" autoComplete="off" value={query.value}
        onInput={(ev) => (query.value = (ev.currentTarget as HTMLInputElement).value)} />
    </ToggleGroup>
  );
}
