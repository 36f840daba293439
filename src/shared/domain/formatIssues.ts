// Turns schema issues into short sentences for people, in French (API errors, import
// reports, forms) or English (the English interface, logs). The app words a data-layer
// InvalidInputError with these, in the interface language (src/app/i18n/errors/).

export interface SchemaIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message?: string;
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly expected?: unknown;
  readonly format?: string;
  readonly values?: readonly unknown[];
}

export type IssueLanguage = 'fr' | 'en';

/** The words of each sentence, per language: `f` is the field, the rest the issue's facts. */
const WORDS = {
  fr: {
    theValue: 'la valeur',
    unexpected: (f: string) => `${f} : valeur inattendue`,
    wrongType: (f: string, expected: string) => `${f} : manquant ou du mauvais type (attendu : ${expected})`,
    tooSmall: (f: string, min: string) => `${f} : trop court ou trop petit (minimum ${min})`,
    tooBig: (f: string, max: string) => `${f} : trop long ou trop grand (maximum ${max})`,
    format: (f: string, format: string) => `${f} : format invalide${format ? ` (${format})` : ''}`,
    unknownValue: (f: string, values: string) => `${f} : valeur non reconnue${values ? ` (valeurs possibles : ${values})` : ''}`,
    unknownField: (f: string) => `${f} : champ inconnu`,
    invalid: (f: string) => `${f} : valeur invalide`,
    more: (n: number) => `… et ${n} autre(s) problème(s)`,
    separator: ' ; ',
  },
  en: {
    theValue: 'the value',
    unexpected: (f: string) => `${f}: unexpected value`,
    wrongType: (f: string, expected: string) => `${f}: missing or wrong type (expected ${expected})`,
    tooSmall: (f: string, min: string) => `${f}: too short or too small (minimum ${min})`,
    tooBig: (f: string, max: string) => `${f}: too long or too large (maximum ${max})`,
    format: (f: string, format: string) => `${f}: invalid format${format ? ` (${format})` : ''}`,
    unknownValue: (f: string, values: string) => `${f}: unknown value${values ? ` (possible values: ${values})` : ''}`,
    unknownField: (f: string) => `${f}: unknown field`,
    invalid: (f: string) => `${f}: invalid value`,
    more: (n: number) => `… and ${n} more`,
    separator: '; ',
  },
} as const;

function fieldName(path: readonly PropertyKey[], lang: IssueLanguage): string {
  const parts = path.map((p) => (typeof p === 'number' ? `[${p + 1}]` : String(p)));
  return parts.length ? parts.join('.').replace(/\.\[/g, '[') : WORDS[lang].theValue;
}

/** At most 8 of the allowed values, an ellipsis when there are more. */
function someValues(values: readonly unknown[] | undefined): string {
  if (!values) return '';
  return `${values.slice(0, 8).join(', ')}${values.length > 8 ? '…' : ''}`;
}

export function describeIssue(issue: SchemaIssue, lang: IssueLanguage = 'fr'): string {
  const field = fieldName(issue.path, lang);
  const w = WORDS[lang];
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'undefined' || issue.path.length === 0 ? w.unexpected(field) : w.wrongType(field, String(issue.expected));
    case 'too_small':
      return w.tooSmall(field, String(issue.minimum));
    case 'too_big':
      return w.tooBig(field, String(issue.maximum));
    case 'invalid_format':
      return w.format(field, issue.format ?? '');
    case 'invalid_value':
      return w.unknownValue(field, someValues(issue.values));
    case 'unrecognized_keys':
      return w.unknownField(field);
    default:
      return w.invalid(field);
  }
}

/** At most `max` sentences, joined, for a message that stays readable. */
export function describeIssues(issues: readonly SchemaIssue[], lang: IssueLanguage = 'fr', max = 5): string {
  const lines = issues.slice(0, max).map((i) => describeIssue(i, lang));
  if (issues.length > max) lines.push(WORDS[lang].more(issues.length - max));
  return lines.join(WORDS[lang].separator);
}
