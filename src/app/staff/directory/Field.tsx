import type { Commune } from '../../../shared/domain/territory';
import { label as vocabLabel, lang } from '../../i18n/i18n';
// The vocabularies' French labels (thematiques, publics, services…) live with the screens' catalogue:
// registered here, so the staff chunk never shows a bare slug when opened first.
import '../../i18n/screens';
import { isStaffKey, useStaffT } from '../i18n/staffMessages';
import { LANGUAGE_CODES as LANGS, type FieldDef } from './formFields';
import { enKey, frKey, type FormValue, type FormValues } from './formModel';
import { FormField } from './FormField';
import { ListEditor } from './ListEditor';

export interface FieldContext {
  communes: readonly Commune[];
  /** The places a checklist may point to (id and name). */
  places: ReadonlyArray<{ id: string; name: string }>;
  errors: Record<string, string>;
}

interface Props {
  def: FieldDef;
  /** `documents.0.` inside a list item, '' at the top. */
  prefix: string;
  values: FormValues;
  set: (key: string, value: FormValue) => void;
  ctx: FieldContext;
}

export const fieldId = (path: string) => `f-${path.replace(/\./g, '-')}`;

/** One field of a directory form, whatever its kind; errors are read out with it. */
export function Field({ def, prefix, values, set, ctx }: Props) {
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
      body = (
        <div class="field">
          <label for={id}>{t(def.label)}</label>
          <select id={id} value={String(values[def.key] ?? '')} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => set(def.key, e.currentTarget.value)}>
            <option value="">{t('tri.unknown')}</option>
            <option value="yes">{t('tri.yes')}</option>
            <option value="no">{t('tri.no')}</option>
          </select>
          {error && <p id={`${id}-error`} class="field-error">✗ {error}</p>}
        </div>
      );
      break;
    case 'checkboxes': case 'languages': case 'places': case 'communes':
      body = <CheckboxGroup def={def} id={id} value={values[def.key]} set={(v) => set(def.key, v)} error={error} ctx={ctx} />;
      break;
    case 'list':
      body = <ListEditor def={def} id={id} path={path} items={(values[def.key] as FormValues[] | undefined) ?? []} set={(v) => set(def.key, v)} ctx={ctx} />;
      break;
    default:
      body = <FormField def={def} id={id} value={values[def.key] as string | boolean | undefined} error={error} communes={ctx.communes}
        onChange={(v) => set(def.key, v)} />;
  }
  return heading ? <>{heading}{body}</> : body;
}

/** French then English, side by side on wide screens; an error on the French one. */
function LocalizedField({ def, id, values, set, error }: { def: FieldDef; id: string; values: FormValues; set: Props['set']; error?: string | undefined }) {
  const t = useStaffT();
  const name = t(def.label);
  const input = (key: string, suffix: 'fr' | 'en', label: string, invalid: boolean) => {
    const inputId = `${id}-${suffix}`;
    const common = {
      id: inputId, lang: suffix, value: String(values[key] ?? ''),
      'aria-invalid': invalid ? ('true' as const) : undefined,
      'aria-describedby': invalid ? `${id}-error` : undefined,
      'aria-required': def.required && suffix === 'fr' ? ('true' as const) : undefined,
      onInput: (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => set(key, e.currentTarget.value),
    };
    return (
      <div class="field">
        <label for={inputId}>{label}{def.required && suffix === 'fr' ? ' *' : ''}</label>
        {def.multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
      </div>
    );
  };
  return (
    <div class="field-pair localized">
      {input(frKey(def.key), 'fr', t('loc.fr', { label: name }), Boolean(error))}
      {input(enKey(def.key), 'en', t('loc.en', { label: name }), false)}
      {error && <p id={`${id}-error`} class="field-error">✗ {error}</p>}
    </div>
  );
}

/** "Français (fr)": the language's name in the interface language, the code when unknown. */
export const languageName = (code: string) => {
  try {
    const name = new Intl.DisplayNames([lang.value], { type: 'language' }).of(code) ?? code;
    return `${name.charAt(0).toUpperCase()}${name.slice(1)} (${code})`;
  } catch {
    return code;
  }
};

function optionLabel(def: FieldDef, slug: string, ctx: FieldContext, t: ReturnType<typeof useStaffT>): string {
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
function CheckboxGroup({ def, id, value, set, error, ctx }: {
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
