import type { Checklist } from '../../../shared/domain/checklist';
import { t } from '../../i18n/i18n';
import { localized } from '../../i18n/localized';

/** The steps of the procedure, in order, each with its hint. */
export function ChecklistSteps({ checklist }: { checklist: Checklist }) {
  return (
    <section aria-labelledby="steps-title">
      <h2 id="steps-title">{t('prepare.steps')}</h2>
      <ol class="steps">
        {checklist.steps.map((step) => {
          const stepLabel = localized(step.label);
          const hint = localized(step.hint);
          return (
            <li key={step.id}>
              <span lang={stepLabel?.lang}>{stepLabel?.text}</span>
              {hint && <span class="hint" lang={hint.lang}>{hint.text}</span>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
