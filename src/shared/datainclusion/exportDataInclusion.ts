import type { Place } from '../domain/place';
import type { Territory } from '../domain/territory';
import type { DataInclusionFile, DiServiceOut, DiStructureOut } from './dataInclusionSchema';
import { generalServiceId } from './generalService';

// Export of the directory as a data·inclusion v1 file ({ structures, services }).
//
// - Ids are the places' own ids (stable across exports) and `source` is "escale".
// - `internal` (staff-only notes and direct lines) is never written: the file is public.
// - v1 requires `date_maj` on every record. A verified place writes its verifiedAt; an
//   unverified one writes the export date AND `escale_a_confirmer: true`, so that reading
//   the file back never turns "à confirmer" into a verified fact.
// - v1 bounds: nom 3–150 characters without a final full stop, description 50–2000; the
//   export trims or completes texts to fit (see `fitName`, `fitDescription`).
// - v1 keeps thematiques/publics/frais/modes_accueil on services only: each service gets
//   the place's publics, frais and modes; place-level thematiques no service covers travel
//   on a general service (generalService.ts), which the import folds back into the place.
// - Vocabularies: Escale holds data·inclusion v1 slugs only (domain/vocabularies.ts), so
//   they are written as they are. v1 rule on `publics`: `tous-publics` stands alone, so a
//   place open to everyone writes just that value (see `v1Publics`).
// - Two extension fields, prefixed `escale_`, keep Escale's trust in its own data when a
//   file comes back: `escale_a_confirmer` and `escale_description_generee`. Other readers
//   ignore unknown fields.
//
// Not carried (data·inclusion has no field for them): category (the import guesses it
// from reseaux_porteurs), English texts, digital access, accessibility details other
// than the Accesslibre link, languages, itinerant, tourId, approximateLocation (the import
// infers it when the point is the commune centre), a `source` that is not a link,
// frais beyond the first (v1 allows one value per service) and publics listed beside
// `tous-publics` (v1 lets it stand alone only). The import keeps these from
// the existing place when it is given the directory (ImportContext.existingPlaces).

export interface ExportOptions {
  /** Paris date of the export, `YYYY-MM-DD`: the date_maj of unverified places. */
  today: string;
}

const NOM_MAX = 150;
const DESCRIPTION_MIN = 50;
const DESCRIPTION_MAX = 2000;

function fitName(name: string): string {
  const trimmed = name.length > NOM_MAX ? name.slice(0, NOM_MAX) : name;
  const withoutStop = trimmed.trimEnd().replace(/\.+$/, '').trimEnd();
  return withoutStop.length >= 3 ? withoutStop : `${withoutStop} (lieu)`;
}

function fitDescription(text: string | undefined, fallback: string): string {
  let out = text ?? fallback;
  if (out.length < DESCRIPTION_MIN) out = `${out} ${fallback}`;
  if (out.length < DESCRIPTION_MIN) out = out.padEnd(DESCRIPTION_MIN, '.');
  return out.length > DESCRIPTION_MAX ? `${out.slice(0, DESCRIPTION_MAX - 1)}…` : out;
}

/** The street part of an Escale address, which usually ends with ", <postcode> <city>". */
function streetOf(place: Place): string | undefined {
  if (!place.address) return undefined;
  const suffix = `, ${place.postcode} ${place.city}`;
  return place.address.endsWith(suffix) ? place.address.slice(0, -suffix.length) : place.address;
}

/** Marks a description written only to fill v1's required field (the import drops it). */
const GENERATED = { escale_description_generee: true as const };

const isLink = (value: string | undefined): value is string => value !== undefined && /^https?:\/\/\S+$/.test(value);

/** v1: `tous-publics` cannot be listed with other publics (it already includes them). */
function v1Publics(publics: Place['publics']): string[] {
  return publics.includes('tous-publics') ? ['tous-publics'] : [...publics];
}

const nonEmpty = <K extends string>(key: K, values: string[]): Partial<Record<K, string[]>> =>
  (values.length ? { [key]: values } : {}) as Partial<Record<K, string[]>>;

export function exportDataInclusion(places: readonly Place[], territory: Pick<Territory, 'id'>, options: ExportOptions): DataInclusionFile {
  const structures: DiStructureOut[] = [];
  const services: DiServiceOut[] = [];
  for (const place of places) {
    if (place.territoryId !== territory.id) continue;
    const dateMaj = place.verifiedAt || options.today;
    const street = streetOf(place);
    structures.push({
      source: 'escale',
      id: place.id,
      nom: fitName(place.name),
      description: fitDescription(place.description?.fr, `${place.name} : lieu ressource à ${place.city}, fiche tenue par Escale.`),
      date_maj: dateMaj,
      commune: place.city,
      code_postal: place.postcode,
      code_insee: place.insee,
      ...(street ? { adresse: street } : {}),
      longitude: place.lon,
      latitude: place.lat,
      ...(place.phone ? { telephone: place.phone } : {}),
      ...(place.email ? { courriel: place.email } : {}),
      ...(place.website ? { site_web: place.website } : {}),
      ...(place.openingHours ? { horaires_accueil: place.openingHours } : {}),
      ...(place.accessibility.url ? { accessibilite_lieu: place.accessibility.url } : {}),
      ...nonEmpty('reseaux_porteurs', [...place.reseauxPorteurs]),
      ...(isLink(place.source) ? { lien_source: place.source } : {}),
      ...(place.verifiedAt === '' ? { escale_a_confirmer: true as const } : {}),
      ...(place.description ? {} : GENERATED),
    });

    const shared = {
      ...nonEmpty('publics', v1Publics(place.publics)),
      ...(place.frais[0] ? { frais: place.frais[0] } : {}),
      ...nonEmpty('modes_accueil', [...place.modesAccueil]),
    };
    for (const service of place.services) {
      services.push({
        source: 'escale',
        id: service.id,
        structure_id: place.id,
        nom: fitName(service.name),
        description: fitDescription(service.description?.fr, `${service.name}, proposé par ${place.name} (${place.city}).`),
        date_maj: dateMaj,
        ...nonEmpty('thematiques', [...service.thematiques]),
        ...shared,
        ...(service.description ? {} : GENERATED),
      });
    }
    const covered = new Set(place.services.flatMap((s) => s.thematiques));
    const uncovered = place.thematiques.filter((t) => !covered.has(t));
    const hasPlaceLevelFacts = place.publics.length || place.frais.length || place.modesAccueil.length;
    if (uncovered.length || (place.services.length === 0 && hasPlaceLevelFacts)) {
      services.push({
        source: 'escale',
        id: generalServiceId(place.id),
        structure_id: place.id,
        nom: 'Accueil et accompagnement',
        description: fitDescription(undefined, `Accueil du public et accompagnement proposés par ${place.name} à ${place.city}.`),
        date_maj: dateMaj,
        ...nonEmpty('thematiques', uncovered),
        ...shared,
        ...GENERATED,
      });
    }
  }
  return { structures, services };
}
