import { AUTONOMY_LEVELS, REFERRAL_PARTNERS, VISIT_PROCEDURES } from '../../../../shared/domain/vocabularies';
import { DURATION_PRESETS } from '../../../../shared/visits/visitDraft';
import { hasNoReferral } from '../../../../shared/visits/visitFormReducer';
import { aidantLabel, useAidantT } from '../../i18n/aidantMessages';
import { ToggleGroup } from '../../ToggleGroup';
import type { VisitFormPart } from './visitForm';

/** How the visit went: the person's autonomy, its duration, the procedures, the referral. */
export function HelpGiven({ draft, errors, dispatch }: VisitFormPart) {
  const t = useAidantT();
  return (
    <>
      <ToggleGroup id="visit-autonomy" legend={t('visit.autonomy')} error={errors.autonomy} onToggle={(autonomy) => dispatch({ type: 'setAutonomy', autonomy })}
        options={AUTONOMY_LEVELS.map((a) => ({ value: a, label: aidantLabel('autonomy', a), pressed: draft.autonomy === a }))} />

      <ToggleGroup id="visit-durationMinutes" legend={t('visit.duration')} error={errors.durationMinutes} onToggle={(minutes) => dispatch({ type: 'setDuration', minutes })}
        options={DURATION_PRESETS.map((m) => ({ value: m, label: t('visit.minutes', { n: m }), pressed: draft.durationMinutes === m }))} />

      <ToggleGroup id="visit-procedures" legend={t('visit.procedures')} onToggle={(procedure) => dispatch({ type: 'toggleProcedure', procedure })}
        options={VISIT_PROCEDURES.map((p) => ({ value: p, label: aidantLabel('procedures', p), pressed: draft.procedures.includes(p) }))} />

      <ToggleGroup id="visit-referral" legend={t('visit.referral')}
        onToggle={(v) => dispatch(v === 'aucune' ? { type: 'setNoReferral' } : { type: 'toggleReferral', partner: v })}
        options={[{ value: 'aucune' as const, label: t('visit.noReferral'), pressed: hasNoReferral(draft) },
          ...REFERRAL_PARTNERS.map((p) => ({ value: p, label: aidantLabel('referrals', p), pressed: draft.referral.includes(p) }))]} />
    </>
  );
}
