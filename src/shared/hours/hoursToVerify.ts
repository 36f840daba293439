import { validateHours } from './validateHours';

// Opening hours that are not plain OSM `opening_hours` syntax: the library either cannot
// read them, or reads them only by correcting them (`Sun` for `Su`, `9h` for `09:00`,
// `Lu-Ve` for `Mo-Fr`…), which would be Escale guessing. Such text is kept as written and
// flagged « à vérifier » (import report, place editor); the public screens show it as
// text, never an open/closed answer computed from a correction.

/** undefined when `value` is OSM syntax as written; else why it is to be checked (French). */
export function hoursToVerify(value: string): string | undefined {
  const check = validateHours(value);
  if (!check.ok) return check.error;
  return check.warnings.length ? check.warnings.join(' ; ') : undefined;
}
