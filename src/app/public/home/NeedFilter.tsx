import { NEEDS, type Need } from '../../../shared/domain/vocabularies';
import { label, t } from '../../i18n/i18n';
import { Icon } from '../../ui/Icon';
import { NEED_ICON } from '../common/needIcons';

interface NeedFilterProps {
  selected: Need | undefined;
  onSelect: (need: Need | undefined) => void;
}

/** One need at a time, as big toggle buttons with a pictogram and plain words; the
 *  pressed one is filled and ticked (not only coloured), and says so to screen readers. */
export function NeedFilter({ selected, onSelect }: NeedFilterProps) {
  return (
    <fieldset class="needs">
      <legend>{t('need.filterLabel')}</legend>
      <ul>
        <li>
          <button type="button" class="need-button" aria-pressed={selected === undefined} onClick={() => onSelect(undefined)}>
            <Icon name="all" />
            {t('need.all')}
          </button>
        </li>
        {NEEDS.map((need) => (
          <li key={need}>
            <button type="button" class="need-button" aria-pressed={selected === need} onClick={() => onSelect(need)}>
              <Icon name={NEED_ICON[need]} />
              {label('needs', need)}
            </button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export function parseNeed(value: string | undefined): Need | undefined {
  return (NEEDS as readonly string[]).includes(value ?? '') ? (value as Need) : undefined;
}
