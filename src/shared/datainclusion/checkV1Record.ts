import { parseCalendarDate } from '../hours/calendarDate';
import { FRAIS, MODES_MOBILISATION, PERSONNES_MOBILISATRICES, TYPES_SERVICE } from '../domain/vocabularies';
import { readSlugs, type VocabularyName } from './slugAliases';

// The rules of the pinned data·inclusion v1 JSON Schema (schema-v1/structure.json and
// service.json), field by field, with a French reason for each refusal. What the schema
// accepts passes; what it refuses is named (field + reason), never corrected silently.
// tests/unit/datainclusion/checkV1Record.test.ts checks that the verdict of this code and
// the verdict of the published JSON Schema (ajv) agree on every record of its suites.
//
// Three things beyond the JSON Schema, each named:
// - `null` and blank strings mean "no value" (many exports write every field): they are
//   left out of the kept record, which means the same;
// - habits of earlier referentials are read with a WARNING naming the rewrite: an old slug
//   (slugAliases.ts) as its v1 counterpart, a v0 `frais` list of one value as that value,
//   a `date_maj` datetime as its date;
// - the schema's prose rule on `publics` (`tous-publics` "ne peut pas être utilisée avec
//   d'autres valeurs") is a refusal, as in data·inclusion's own validator.

export type RecordKind = 'structure' | 'service';

export interface FieldIssue {
  field: string;
  reason: string;
  /** `refus`: the record is not imported. `avertissement`: imported, and said. */
  level: 'refus' | 'avertissement';
}

export interface CheckedRecord {
  /** The record as it will be kept: blank fields left out, named rewrites applied. */
  record: Record<string, unknown>;
  issues: FieldIssue[];
}

type Rule = (value: unknown, out: RuleOutput) => void;
interface RuleOutput {
  refuse(reason: string): void;
  warn(reason: string): void;
  /** Replaces the kept value (a named rewrite: always with `warn`). */
  replace(value: unknown): void;
}

const show = (value: unknown): string => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `« ${text.length > 60 ? `${text.slice(0, 59)}…` : text} »`;
};

const string = (check?: (value: string, out: RuleOutput) => void): Rule => (value, out) => {
  if (typeof value !== 'string') return out.refuse(`doit être un texte, pas ${show(value)}`);
  check?.(value, out);
};

const bounded = (min: number, max: number) => string((value, out) => {
  if (value.length < min) out.refuse(`${value.length} caractère(s), il en faut au moins ${min}`);
  else if (value.length > max) out.refuse(`${value.length} caractères, au plus ${max} permis`);
});

const pattern = (re: RegExp, what: string) => string((value, out) => {
  if (!re.test(value)) out.refuse(`${show(value)} n'est pas ${what}`);
});

// ajv-formats' "uri" (full) and "email" (RFC 5322 subset) as the tests validate them.
const URI = /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;
const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

const uri = string((value, out) => {
  if (value.length > 2083) out.refuse(`${value.length} caractères, au plus 2083 permis`);
  else if (!URI.test(value)) out.refuse(`${show(value)} n'est pas une adresse web complète (https://…)`);
});
const email = pattern(EMAIL, 'une adresse de courriel');

const date: Rule = (value, out) => {
  if (typeof value !== 'string') return out.refuse(`doit être une date AAAA-MM-JJ, pas ${show(value)}`);
  const day = value.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !parseCalendarDate(day)) return out.refuse(`${show(value)} n'est pas une date AAAA-MM-JJ qui existe`);
  if (value.length === 10) return;
  if (/^[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?$/.test(value.slice(10))) {
    out.warn(`${show(value)} est une date et heure : seule la date ${day} est gardée (le schéma attend une date)`);
    out.replace(day);
  } else out.refuse(`${show(value)} n'est pas une date AAAA-MM-JJ`);
};

const number = (min?: number, integer = false): Rule => (value, out) => {
  if (typeof value !== 'number' || !Number.isFinite(value)) return out.refuse(`doit être un nombre, pas ${show(value)}`);
  if (integer && !Number.isInteger(value)) out.refuse(`${value} n'est pas un nombre entier`);
  else if (min !== undefined && value < min) out.refuse(`${value} est inférieur au minimum ${min}`);
};

/** A list of slugs of `vocabulary` (unique, `minItems`), old spellings read with a warning. */
const slugList = (vocabulary: VocabularyName | readonly string[], minItems = 0): Rule => (value, out) => {
  if (!Array.isArray(value)) return out.refuse(`doit être une liste, pas ${show(value)}`);
  if (value.length < minItems) return out.refuse(`la liste est vide (au moins ${minItems} valeur)`);
  const notText = value.filter((v) => typeof v !== 'string');
  if (notText.length) return out.refuse(`${show(notText[0])} n'est pas une valeur du référentiel`);
  const values = value as string[];
  const repeated = values.find((v, i) => values.indexOf(v) !== i);
  if (repeated !== undefined) return out.refuse(`la valeur ${show(repeated)} figure deux fois`);
  if (typeof vocabulary !== 'string') {
    const unknown = values.filter((v) => !vocabulary.includes(v));
    if (unknown.length) out.refuse(`valeur(s) hors du référentiel v1 : ${unknown.map(show).join(', ')}`);
    return;
  }
  const { kept, unknown } = readSlugs(vocabulary, values);
  if (unknown.length) return out.refuse(`valeur(s) hors du référentiel v1 : ${unknown.map(show).join(', ')}`);
  const renamed = values.filter((v) => !kept.includes(v));
  if (renamed.length) {
    out.warn(`ancienne(s) valeur(s) ${renamed.map(show).join(', ')} lue(s) comme ${kept.filter((k) => !values.includes(k)).map(show).join(', ')} (référentiel v1)`);
    out.replace(kept);
  }
};

const publics: Rule = (value, out) => {
  let refused = false;
  const inner: RuleOutput = { ...out, refuse: (reason) => { refused = true; out.refuse(reason); } };
  let kept = value;
  slugList('publics', 1)(value, { ...inner, replace: (v) => { kept = v; out.replace(v); } });
  if (!refused && Array.isArray(kept) && kept.includes('tous-publics') && kept.length > 1) {
    out.refuse('« tous-publics » ne peut pas être listé avec d’autres publics (règle du schéma v1)');
  }
};

const frais: Rule = (value, out) => {
  if (Array.isArray(value)) {
    // v0 wrote a list. One value (after the v0 → v1 mapping) is read as it; two are refused.
    const { kept, unknown } = readSlugs('frais', value.filter((v): v is string => typeof v === 'string'));
    if (unknown.length || kept.length !== 1 || value.length === 0) {
      return out.refuse(`${show(value)} : le schéma v1 attend une seule valeur parmi ${FRAIS.join(', ')}`);
    }
    out.warn(`${show(value)} (liste, forme v0) lu comme « ${kept[0]} »`);
    return out.replace(kept[0]);
  }
  if (typeof value !== 'string') return out.refuse(`doit être une valeur parmi ${FRAIS.join(', ')}`);
  const { kept, unknown } = readSlugs('frais', [value]);
  if (unknown.length) return out.refuse(`${show(value)} n'est pas une valeur du référentiel v1 (${FRAIS.join(', ')})`);
  if (kept[0] !== value) {
    out.warn(`ancienne valeur ${show(value)} lue comme « ${kept[0]} » (référentiel v1)`);
    out.replace(kept[0]);
  }
};

const oneOf = (values: readonly string[]): Rule => (value, out) => {
  if (typeof value !== 'string' || !values.includes(value)) out.refuse(`${show(value)} n'est pas une valeur du référentiel v1 (${values.join(', ')})`);
};

const ZONE_CODE = [/^\w{5}$/, /^\w{2,3}$/, /^\d{9}$/, /^99[0-5]\d{2}$/, /^france$/];
const zone: Rule = (value, out) => {
  if (!Array.isArray(value)) return out.refuse(`doit être une liste de codes, pas ${show(value)}`);
  if (value.length === 0) return out.refuse('la liste est vide (au moins un code)');
  const bad = value.filter((code) => typeof code !== 'string' || !ZONE_CODE.some((re) => re.test(code)));
  if (bad.length) out.refuse(`${bad.map(show).join(', ')} : ni code commune, département, EPCI, pays, ni « france »`);
};

const text = string();
const insee = pattern(/^\w{5}$/, 'un code INSEE de 5 caractères');
const postcode = pattern(/^\d{5}$/, 'un code postal de 5 chiffres');

/** Fields common to a structure and a service, as both JSON Schemas define them. */
const COMMON: Record<string, Rule> = {
  id: text,
  source: text,
  nom: bounded(3, 150),
  date_maj: date,
  adresse: text,
  complement_adresse: text,
  commune: text,
  code_postal: postcode,
  code_insee: insee,
  latitude: number(),
  longitude: number(),
  telephone: text,
  courriel: email,
  horaires_accueil: text,
  lien_source: uri,
};

export const V1_FIELDS: Record<RecordKind, Record<string, Rule>> = {
  structure: {
    ...COMMON,
    siret: pattern(/^\d{14}$/, 'un numéro SIRET de 14 chiffres'),
    description: bounded(5, 10000),
    site_web: uri,
    accessibilite_lieu: uri,
    reseaux_porteurs: slugList('reseaux_porteurs'),
  },
  service: {
    ...COMMON,
    structure_id: text,
    description: bounded(5, 10000),
    type: oneOf(TYPES_SERVICE),
    thematiques: slugList('thematiques'),
    publics,
    publics_precisions: text,
    frais,
    frais_precisions: text,
    modes_accueil: slugList('modes_accueil'),
    modes_mobilisation: slugList(MODES_MOBILISATION, 1),
    mobilisable_par: slugList(PERSONNES_MOBILISATRICES, 1),
    mobilisation_precisions: text,
    lien_mobilisation: uri,
    conditions_acces: text,
    contact_nom_prenom: text,
    zone_eligibilite: zone,
    volume_horaire_hebdomadaire: number(0),
    nombre_semaines: number(1, true),
  },
};

export const V1_REQUIRED: Record<RecordKind, readonly string[]> = {
  structure: ['source', 'id', 'nom', 'date_maj'],
  service: ['source', 'structure_id', 'id', 'nom', 'description', 'date_maj'],
};

const isBlank = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/**
 * Checks one raw structure or service against the pinned v1 rules. Unknown fields (a
 * producer's own) are kept as they came: the schema allows them.
 */
export function checkV1Record(kind: RecordKind, raw: unknown): CheckedRecord {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { record: {}, issues: [{ field: '(fiche)', reason: `une ${kind} doit être un objet JSON, pas ${show(raw)}`, level: 'refus' }] };
  }
  const record: Record<string, unknown> = {};
  const issues: FieldIssue[] = [];
  const rules = V1_FIELDS[kind];
  for (const [field, value] of Object.entries(raw)) {
    if (isBlank(value)) continue;
    record[field] = value;
    const rule = Object.hasOwn(rules, field) ? rules[field] : undefined;
    rule?.(value, {
      refuse: (reason) => issues.push({ field, reason, level: 'refus' }),
      warn: (reason) => issues.push({ field, reason, level: 'avertissement' }),
      replace: (next) => { record[field] = next; },
    });
  }
  for (const field of V1_REQUIRED[kind]) {
    if (!Object.hasOwn(record, field)) issues.push({ field, reason: 'champ obligatoire absent', level: 'refus' });
  }
  return { record, issues };
}

/** Refusals first, then warnings, as one line each: `field : reason`. */
export const issueLine = (issue: FieldIssue): string => `${issue.field} : ${issue.reason}`;
