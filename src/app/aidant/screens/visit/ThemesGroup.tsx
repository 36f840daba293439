import { VISIT_THEMES } from '../../../../shared/domain/vocabularies';
import { aidantLabel, useAidantT } from '../../i18n/aidantMessages';
import { ToggleGroup } from '../../ToggleGroup';
import type { VisitFormPart } from './visitForm';

// The common themes first, as the largest group; the rest one tap further.
const COMMON_THEMES = ['demarche-administrative', 'prendre-en-main-materiel', 'courriels', 'naviguer-sur-internet', 'sante', 'emploi'] as const;
const OTHER_THEMES = VISIT_THEMES.filter((th) => !(COMMON_THEMES as readonly string[]).includes(th));

/** The visit's themes: the common ones as big buttons, the others in a disclosure. */
export function ThemesGroup({ draft, errors, dispatch }: VisitFormPart) {
  const t = useAidantT();
  return (
    <ToggleGroup id="visit-themes" legend={t('visit.themes')} error={errors.themes} onToggle={(theme) => dispatch({ type: 'toggleTheme', theme })}
      options={COMMON_THEMES.map((th) => ({ value: th, label: aidantLabel('themes', th), pressed: draft.themes.includes(th) }))}>
      <details class="more">
        <summary>{t('visit.moreThemes')}</summary>
        <ul>
          {OTHER_THEMES.map((th) => (
            <li key={th}><button type="button" class="need-button toggle" aria-pressed={draft.themes.includes(th) ? 'true' : 'false'}
              onClick={() => dispatch({ type: 'toggleTheme', theme: th })}>{aidantLabel('themes', th)}</button></li>
          ))}
        </ul>
      </details>
    </ToggleGroup>
  );
}
