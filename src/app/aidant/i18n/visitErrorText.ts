import type { VisitError, VisitErrors, VisitField } from '../../../shared/visits/validateDraft';
import { at } from './aidantMessages';

// The visit form's errors come from validateDraft (src/shared/visits) as codes and facts;
// the form shows them worded here, in the interface language. Reading them in a component
// subscribes it to the language.

/** One field's error in words. */
export function visitErrorText(error: VisitError): string {
  switch (error.code) {
    case 'collective_min': return at('visitError.collective_min', { min: error.params.min });
    case 'collective_max': return at('visitError.collective_max', { max: error.params.max });
    case 'individual_one': return at('visitError.individual_one');
    case 'duration_range': {
      const { min, max } = error.params;
      return at('visitError.duration_range', { min, max, hours: max / 60 });
    }
    case 'themes_required': return at('visitError.themes_required');
    case 'autonomy_required': return at('visitError.autonomy_required');
    case 'equipment_none_exclusive': return at('visitError.equipment_none_exclusive');
    case 'residence_outside': return at('visitError.residence_outside');
    case 'notes_too_long': return at('visitError.notes_too_long', { length: error.params.length, max: error.params.max });
    case 'answer_invalid': return at('visitError.answer_invalid');
    case 'record_invalid': return at('visitError.record_invalid');
  }
}

/** Every field's error in words, field by field. */
export function visitErrorTexts(errors: VisitErrors): Partial<Record<VisitField, string>> {
  const out: Partial<Record<VisitField, string>> = {};
  for (const [field, error] of Object.entries(errors) as Array<[VisitField, VisitError]>) out[field] = visitErrorText(error);
  return out;
}
