import type { Place } from '../domain/place';
import type { FieldMapping, V1Fields } from './keptRecord';

// Which v1 fields each Escale field of a place or service is written to. The export
// writes them all for a record Escale made, and only those of the fields edited since
// the import for a record read from a file (keptRecord.ts). The import stores the
// fingerprints of the same `read` values, so both sides agree on what "edited" means.

type Service = Place['services'][number];

const NOM_MAX = 150;
const DESCRIPTION_MIN = 5;
const DESCRIPTION_MAX = 10000;

/** v1 `nom`: 3–150 characters, not ending with a full stop. */
export function fitName(name: string): string {
  const trimmed = name.length > NOM_MAX ? name.slice(0, NOM_MAX) : name;
  const withoutStop = trimmed.trimEnd().replace(/\.+$/, '').trimEnd();
  return withoutStop.length >= 3 ? withoutStop : `${withoutStop} (lieu)`;
}

/** A description v1 can hold as it is (5–10 000 characters), else undefined. */
export function v1Description(text: string | undefined): string | undefined {
  return text !== undefined && text.length >= DESCRIPTION_MIN && text.length <= DESCRIPTION_MAX ? text : undefined;
}

/** The street part of an Escale address, which usually ends with ", <postcode> <city>". */
function streetOf(place: Place): string | undefined {
  if (!place.address) return undefined;
  const suffix = `, ${place.postcode} ${place.city}`;
  return place.address.endsWith(suffix) ? place.address.slice(0, -suffix.length) : place.address;
}

const isLink = (value: string | undefined): value is string => value !== undefined && /^https?:\/\/\S+$/.test(value);

/** v1: `tous-publics` cannot be listed with other publics (it already includes them). */
export function v1Publics(publics: readonly string[]): string[] {
  return publics.includes('tous-publics') ? ['tous-publics'] : [...publics];
}

const list = (values: readonly string[]): string[] | undefined => (values.length ? [...values] : undefined);

const one = <T>(read: (item: T) => unknown, write: (item: T) => V1Fields): FieldMapping<T> => ({ read, write: (item) => write(item) });

export const STRUCTURE_FIELDS: Readonly<Record<string, FieldMapping<Place>>> = {
  name: one((p) => p.name, (p) => ({ nom: fitName(p.name) })),
  description: one((p) => p.description?.fr, (p) => ({ description: v1Description(p.description?.fr), escale_description_generee: undefined })),
  address: one((p) => [p.address, p.postcode, p.city], (p) => ({ adresse: streetOf(p), complement_adresse: undefined })),
  commune: one((p) => [p.insee, p.postcode, p.city], (p) => ({ commune: p.city, code_postal: p.postcode, code_insee: p.insee })),
  point: one((p) => [p.lat, p.lon], (p) => ({ latitude: p.lat, longitude: p.lon })),
  phone: one((p) => p.phone, (p) => ({ telephone: p.phone })),
  email: one((p) => p.email, (p) => ({ courriel: p.email })),
  website: one((p) => p.website, (p) => ({ site_web: p.website })),
  openingHours: one((p) => p.openingHours, (p) => ({ horaires_accueil: p.openingHours })),
  accessibility: one((p) => p.accessibility.url, (p) => ({ accessibilite_lieu: p.accessibility.url })),
  reseauxPorteurs: one((p) => p.reseauxPorteurs, (p) => ({ reseaux_porteurs: list(p.reseauxPorteurs) })),
  source: one((p) => p.source, (p) => ({ lien_source: isLink(p.source) ? p.source : undefined })),
  verifiedAt: {
    read: (p) => p.verifiedAt,
    // An unverified place writes the export date AND `escale_a_confirmer`, so reading the
    // file back never turns "à confirmer" into a verified fact.
    write: (p, ctx) => ({ date_maj: p.verifiedAt || ctx.today, escale_a_confirmer: p.verifiedAt === '' ? true : undefined }),
  },
};

export const SERVICE_FIELDS: Readonly<Record<string, FieldMapping<Service>>> = {
  name: one((s) => s.name, (s) => ({ nom: fitName(s.name) })),
  description: {
    read: (s) => s.description?.fr,
    // v1 requires a description: one is written when the service has none, and flagged
    // so that the import ignores it.
    write: (s, { place }) => {
      const own = v1Description(s.description?.fr);
      return own !== undefined
        ? { description: own, escale_description_generee: undefined }
        : { description: `${s.name}, proposé par ${place.name} (${place.city}).`, escale_description_generee: true };
    },
  },
  thematiques: one((s) => s.thematiques, (s) => ({ thematiques: list(s.thematiques) })),
  // A service without its own frais, publics or modes is written with the place's.
  frais: { read: (s) => s.frais, write: (s, { place }) => ({ frais: s.frais ?? place.frais[0] }) },
  publics: { read: (s) => s.publics, write: (s, { place }) => ({ publics: list(v1Publics(s.publics ?? place.publics)) }) },
  modesAccueil: { read: (s) => s.modesAccueil, write: (s, { place }) => ({ modes_accueil: list(s.modesAccueil ?? place.modesAccueil) }) },
};
