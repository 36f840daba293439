import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import service from '../../../../src/shared/datainclusion/schema-v1/service.json';
import structure from '../../../../src/shared/datainclusion/schema-v1/structure.json';

// The published data·inclusion v1 JSON Schemas (the pinned copy, unchanged), compiled by
// ajv with the standard formats: the yardstick of the tests, never a hand-made rule list.

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validators = { structure: ajv.compile(structure), service: ajv.compile(service) };

/** The published schema's errors for one record ([] when valid): `field: message`. */
export function publishedErrors(kind: 'structure' | 'service', record: unknown): string[] {
  const validate = validators[kind];
  if (validate(record)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '(record)'}: ${e.message ?? e.keyword}`);
}
