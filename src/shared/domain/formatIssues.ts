// Turns schema issues into short French sentences for people (API errors, import
// reports, forms). English is for logs and the English interface.

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

function fieldName(path: readonly PropertyKey[]): string {
  const parts = path.map((p) => (typeof p === 'number' ? `[${p + 1}]` : String(p)));
  return parts.length ? parts.join('.').replace(/\.\[/g, '[') : 'la valeur';
}

export function describeIssue(issue: SchemaIssue, lang: 'fr' | 'en' = 'fr'): string {
  const field = fieldName(issue.path);
  const fr = lang === 'fr';
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'undefined' || issue.path.length === 0
        ? fr ? `${field} : valeur inattendue` : `${field}: unexpected value`
        : fr ? `${field} : manquant ou du mauvais type (attendu : ${String(issue.expected)})` : `${field}: missing or wrong type (expected ${String(issue.expected)})`;
    case 'too_small':
      return fr ? `${field} : trop court ou trop petit (minimum ${String(issue.minimum)})` : `${field}: too short or too small (minimum ${String(issue.minimum)})`;
    case 'too_big':
      return fr ? `${field} : trop long ou trop grand (maximum ${String(issue.maximum)})` : `${field}: too long or too large (maximum ${String(issue.maximum)})`;
    case 'invalid_format':
      return fr ? `${field} : format invalide${issue.format ? ` (${issue.format})` : ''}` : `${field}: invalid format${issue.format ? ` (${issue.format})` : ''}`;
    case 'invalid_value':
      return fr
        ? `${field} : valeur non reconnue${issue.values ? ` (valeurs possibles : ${issue.values.slice(0, 8).join(', ')}${issue.values.length > 8 ? '…' : ''})` : ''}`
        : `${field}: unknown value`;
    case 'unrecognized_keys':
      return fr ? `${field} : champ inconnu` : `${field}: unknown field`;
    default:
      return fr ? `${field} : valeur invalide` : `${field}: invalid value`;
  }
}

/** At most `max` sentences, joined, for a message that stays readable. */
export function describeIssues(issues: readonly SchemaIssue[], lang: 'fr' | 'en' = 'fr', max = 5): string {
  const lines = issues.slice(0, max).map((i) => describeIssue(i, lang));
  if (issues.length > max) lines.push(lang === 'fr' ? `… et ${issues.length - max} autre(s) problème(s)` : `… and ${issues.length - max} more`);
  return lines.join(' ; ');
}
