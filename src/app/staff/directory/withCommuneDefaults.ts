import type { Commune } from '../../../shared/domain/territory';
import type { FormValue, FormValues } from './formModel';

/** The form's values with one field set; choosing a commune also fills what follows from it
 *  (postcode, town, position) when still empty. */
export function withCommuneDefaults(values: FormValues, key: string, value: FormValue, communes: readonly Commune[]): FormValues {
  const next = { ...values, [key]: value };
  if (key === 'insee' && typeof value === 'string') {
    const c = communes.find((x) => x.insee === value);
    if (c) {
      if (!next.postcode) next.postcode = c.postcodes[0] ?? '';
      if (!next.city) next.city = c.name;
      if (!next.lat && !next.lon) Object.assign(next, { lat: String(c.lat), lon: String(c.lon) });
    }
  }
  return next;
}
