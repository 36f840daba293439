import { VISIT_KINDS } from '../../../../shared/domain/vocabularies';
import { aidantLabel, useAidantT } from '../../i18n/aidantMessages';
import { ToggleGroup } from '../../ToggleGroup';
import type { VisitFormPart } from './visitForm';

/** One person or a group workshop, and then how many people. */
export function KindGroup({ draft, errors, dispatch }: VisitFormPart) {
  const t = useAidantT();
  return (
    <ToggleGroup id="visit-kind" legend={t('visit.kind')} error={errors.participants} onToggle={(kind) => dispatch({ type: 'setKind', kind })}
      options={VISIT_KINDS.map((k) => ({ value: k, label: aidantLabel('kinds', k), pressed: draft.kind === k }))}>
      {draft.kind === 'collectif' && (
        <div class="stepper">
          <label for="visit-participants">{t('visit.participants')}</label>
          <input id="visit-participants" class="text-input" type="number" inputMode="numeric" min={2} max={200} value={draft.participants}
            onInput={(ev) => dispatch({ type: 'setParticipants', participants: Number((ev.currentTarget as HTMLInputElement).value) })} />
        </div>
      )}
    </ToggleGroup>
  );
}
