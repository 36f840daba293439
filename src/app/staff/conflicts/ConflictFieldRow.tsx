import { useStaffT } from '../i18n/staffMessages';
import { showField, type Choice, type ConflictField, type ConflictView, type Labels } from './conflictFields';
import { ShownValue } from './ShownValue';

/** One differing field: mine, theirs, and the choice between them (nothing to choose when
 *  both say the same; none either when the record was deleted on the server). */
export function ConflictFieldRow({ view, field: f, label, labels, choice, onChoose }: {
  view: ConflictView;
  field: ConflictField;
  label: string;
  labels: Labels;
  choice: Choice;
  onChoose: (field: string, side: 'mine' | 'theirs') => void;
}) {
  const t = useStaffT();
  const group = `choice-${view.mutationId}-${f.field}`;
  return (
    <tr data-field={f.field}>
      <th scope="row">{label}</th>
      <td class="conflict-value" data-side="mine"><ShownValue shown={showField(view.collection, f.field, f.mine, labels)} labels={labels} /></td>
      <td class="conflict-value" data-side="theirs"><ShownValue shown={showField(view.collection, f.field, f.theirs, labels)} labels={labels} /></td>
      <td>
        {f.same ? <><span aria-hidden="true">=</span><span class="visually-hidden">{t('conflicts.same')}</span></> : (
          <fieldset class="plain">
            <legend class="visually-hidden">{t('conflicts.pair', { label: t('conflicts.choose') })} {label}</legend>
            {(['mine', 'theirs'] as const).map((side) => (
              <div class="choice" key={side}>
                <input type="radio" id={`${group}-${side}`} name={group} checked={choice[f.field] === side}
                  onChange={() => onChoose(f.field, side)} disabled={!view.theirs} />
                <label for={`${group}-${side}`}>{t(side === 'mine' ? 'conflicts.keepMine' : 'conflicts.keepTheirs')}</label>
              </div>
            ))}
          </fieldset>
        )}
      </td>
    </tr>
  );
}
