import type { VisitField } from '../../../../shared/visits/validateDraft';
import type { VisitDraft } from '../../../../shared/visits/visitDraft';
import type { VisitFormAction } from '../../../../shared/visits/visitFormReducer';

/** What every part of the visit form is given: the draft, its errors in words, and the way to change it. */
export interface VisitFormPart {
  draft: VisitDraft;
  errors: Partial<Record<VisitField, string>>;
  dispatch: (action: VisitFormAction) => void;
}
