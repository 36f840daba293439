import type { Signal } from '@preact/signals';
import { AGE_BANDS, EQUIPMENT } from '../../../../shared/domain/vocabularies';
import type { Commune } from '../../../../shared/domain/territory';
import { aidantLabel, useAidantT } from '../../i18n/aidantMessages';
import { ToggleGroup } from '../../ToggleGroup';
import { ResidenceGroup } from './ResidenceGroup';
import type { VisitFormPart } from './visitForm';

/** The optional answers, folded away (open when the residence needs a fix): age, where the
 *  person lives, first visit, their equipment. */
export function MoreDetails(props: VisitFormPart & { communes: readonly Commune[]; sessionCommune: string | undefined; query: Signal<string> }) {
  const { draft, errors, dispatch } = props;
  const t = useAidantT();
  return (
    <details class="more" open={Boolean(errors.residence)}>
      <summary>{t('visit.more')}</summary>
      <ToggleGroup id="visit-ageBand" legend={t('visit.ageBand')} onToggle={(ageBand) => dispatch({ type: 'setAgeBand', ageBand })}
        options={AGE_BANDS.map((a) => ({ value: a, label: aidantLabel('ages', a), pressed: draft.ageBand === a }))} />
      <ResidenceGroup {...props} />
      <ToggleGroup id="visit-firstVisit" legend={t('visit.firstVisit')}
        onToggle={(v) => dispatch({ type: 'setFirstVisit', firstVisit: v === 'oui' ? true : v === 'non' ? false : undefined })}
        options={[
          { value: 'oui', label: t('visit.yes'), pressed: draft.firstVisit === true },
          { value: 'non', label: t('visit.no'), pressed: draft.firstVisit === false },
          { value: 'nd', label: t('visit.notSaid'), pressed: draft.firstVisit === undefined },
        ]} />
      <ToggleGroup id="visit-equipment" legend={t('visit.equipment')} error={errors.equipment} onToggle={(item) => dispatch({ type: 'toggleEquipment', item })}
        options={EQUIPMENT.map((q2) => ({ value: q2, label: aidantLabel('equipment', q2), pressed: draft.equipment.includes(q2) }))} />
    </details>
  );
}
