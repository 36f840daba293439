// The vocabularies' French labels (thematiques, publics, services…) live with the screens' catalogue:
// registered here, so the staff chunk never shows a bare slug when opened first.
import '../../i18n/screens';
import { useStaffT } from '../i18n/staffMessages';
import { CheckboxGroup } from './CheckboxGroup';
import { fieldId, type FieldProps } from './fieldTypes';
import type { FormValues } from './formModel';
import { FormField } from './FormField';
import { ListEditor } from './ListEditor';
import { LocalizedField } from './LocalizedField';
import { TristateField } from './TristateField';

/** One field of a directory form, whatever its kind; errors are read out with it. */
export function Field({ def, prefix, values, set, ctx }: FieldProps) {
  const t = useStaffT();
  const path = `${prefix}${def.key}`;
  const id = fieldId(path);
  const error = ctx.errors[path];
  const heading = def.heading && !prefix ? <h2 class="form-section">{t(def.heading)}</h2> : null;
  let body;
  switch (def.kind) {
    case 'localized':
      body = <LocalizedField def={def} id={id} values={values} set={set} error={error} />;
      break;
    case 'tristate':
      body = <TristateField def={def} id={id} value={values[def.key]} set={(v) => set(def.key, v)} error={error} />;
      break;
    case 'checkboxes': case 'languages': case 'places': case 'communes':
      body = <CheckboxGroup def={def} id={id} value={values[def.key]} set={(v) => set(def.key, v)} error={error} ctx={ctx} />;
      break;
    case 'list':
      // The list renders each item's fields with this very component, handed over.
      body = <ListEditor def={def} id={id} path={path} items={(values[def.key] as FormValues[] | undefined) ?? []} set={(v) => set(def.key, v)} ctx={ctx} Field={Field} />;
      break;
    default:
      body = <FormField def={def} id={id} value={values[def.key] as string | boolean | undefined} error={error} communes={ctx.communes} holidays={ctx.holidays}
        onChange={(v) => set(def.key, v)} />;
  }
  return heading ? <>{heading}{body}</> : body;
}
