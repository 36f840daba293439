import { label as vocabLabel } from '../../i18n/i18n';
import { isStaffKey, useStaffT, type StaffT } from '../i18n/staffMessages';
import type { FieldContext } from './fieldTypes';
import { LANGUAGE_CODES as LANGS, type FieldDef } from './formFields';
import type { FormValue } from './formModel';
import { languageName } from './languageName';

function optionLabel(def: FieldDef, slug: string, ctx: FieldContext, t: StaffT): string {
  if (def.kind === 'languages') return languageName(slug);
  if (def.kind === 'communes') return ctx.communes.find((c) => c.insee === slug)?.name ?? slug;
  if (def.kind === 'places') return ctx.places.find((p) => p.id === slug)?.name ?? slug;
  if (def.vocab) return vocabLabel(def.vocab, slug);
  const key = `mode.${slug}`;
  return isStaffKey(key) ? t(key) : slug;
}

/**
 * A group of checkboxes over a vocabulary. The chosen slugs keep their order (a new one goes
 * last), and a slug on the record that the vocabulary no longer has is still shown, so it
 * can be unticked.
 */
export function CheckboxGroup({ def, id, value, set, error, ctx }: {
  def: FieldDef; id: string; value: FormValue | undefined; set: (v: FormValue) => void; error?: string | undefined; ctx: FieldContext;
}) {
  const t = useStaffT();
  const all = def.kind === 'communes' && value === 'all';
  const chosen = Array.isArray(value) ? (value as string[]) : [];
  const base: readonly string[] = def.kind === 'languages' ? (def.options ?? LANGS)
    : def.kind === 'communes' ? ctx.communes.map((c) => c.insee)
      : def.kind === 'places' ? ctx.places.map((p) => p.id)
        : (def.options ?? []);
  const options = [...base, ...chosen.filter((c) => !base.includes(c))];
  return (
    <fieldset class="field check-group" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t(def.label)}{def.required ? ' *' : ''}</legend>
      {error && <p id={`${id}-error`} class="field-error">✗ {error}</p>}
      {def.kind === 'communes' && (
        <div class="field-check">
          <input type="checkbox" id={`${id}-all`} checked={all} onChange={(e) => set(e.currentTarget.checked ? 'all' : [])} />
          <label for={`${id}-all`}>{t('communes.all')}</label>
        </div>
      )}
      {!all && (
        <div class="check-grid">
          {options.map((o, i) => (
            <div class="field-check" key={o}>
              <input type="checkbox" id={`${id}-${i}`} value={o} checked={chosen.includes(o)} aria-invalid={error ? 'true' : undefined}
                onChange={(e) => set(e.currentTarget.checked ? [...chosen.filter((c) => c !== o), o] : chosen.filter((c) => c !== o))} />
              <label for={`${id}-${i}`}>{optionLabel(def, o, ctx, t)}</label>
            </div>
          ))}
        </div>
      )}
    </fieldset>
  );
}
