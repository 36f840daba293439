import { noteWarnings } from '../../../../shared/visits/noteMinimisation';
import { useAidantT } from '../../i18n/aidantMessages';
import type { VisitFormPart } from './visitForm';

/** The follow-up note: where it goes (said before it is typed), and minimisation warnings. */
export function NoteField({ draft, errors, dispatch, sentToServer }: VisitFormPart & { sentToServer: boolean }) {
  const t = useAidantT();
  return (
    <div class="note-field">
      <label for="visit-notes">{t('visit.notes')}</label>
      <span class="hint" id="visit-notes-hint">{sentToServer ? t('visit.notesHintSent') : t('visit.notesHint')}</span>
      {errors.notes && <p class="field-error">{errors.notes}</p>}
      <textarea id="visit-notes" class="text-input" rows={3} maxLength={1200} aria-describedby="visit-notes-hint"
        value={draft.notes} onInput={(ev) => dispatch({ type: 'setNotes', notes: (ev.currentTarget as HTMLTextAreaElement).value })} />
      {noteWarnings(draft.notes).map((w) => <p class="notice notice-warn" key={w.kind}>{t(`note.${w.kind}`)}</p>)}
    </div>
  );
}
