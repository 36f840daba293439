import { useSignal } from '@preact/signals';
import type { Commune } from '../../../shared/domain/territory';
import { matchCommunes } from '../../../shared/text/matchCommunes';
import { t } from '../../i18n/i18n';

const MAX_SUGGESTIONS = 8;

interface CommunePickerProps {
  communes: readonly Commune[];
  onChoose: (commune: Commune) => void;
}

/**
 * Type a name or a postcode ("gencay", "86160", "st pierre"); matching communes appear
 * as large buttons below. Accent-, case- and punctuation-insensitive (matchCommunes).
 * The number of matches is announced politely to screen readers.
 */
export function CommunePicker({ communes, onChoose }: CommunePickerProps) {
  const query = useSignal('');
  const matches = matchCommunes(query.value, communes, MAX_SUGGESTIONS);
  const typed = query.value.trim() !== '';
  return (
    <div class="commune-picker">
      <label for="commune-query">{t('commune.label')}</label>
      <span class="hint" id="commune-hint">{t('commune.hint')}</span>
      <input
        id="commune-query"
        type="text"
        inputMode="search"
        autoComplete="address-level2"
        spellcheck={false}
        aria-describedby="commune-hint"
        value={query.value}
        onInput={(event) => (query.value = event.currentTarget.value)}
      />
      <p class="visually-hidden" role="status" aria-live="polite">
        {typed ? (matches.length ? t('commune.suggestions', { count: matches.length }) : t('commune.none')) : ''}
      </p>
      {typed && matches.length === 0 && <p class="notice notice-warn" aria-hidden="true">{t('commune.none')}</p>}
      {matches.length > 0 && (
        <ul class="suggestions">
          {matches.map(({ commune }) => (
            <li key={commune.insee}>
              <button type="button" class="button button-quiet" onClick={() => onChoose(commune)}>
                {commune.name} <span class="small">({commune.postcodes.join(', ')})</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
