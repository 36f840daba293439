import type { Place } from '../domain/place';
import type { Territory } from '../domain/territory';
import type { DataInclusionFile, DiServiceOut, DiStructureOut } from './dataInclusionSchema';
import { generalServiceId } from './generalService';
import { diIdOf, writeRecord, type WriteContext } from './keptRecord';
import { SERVICE_FIELDS, STRUCTURE_FIELDS } from './v1FieldMaps';

// Export of the directory as a data·inclusion v1 file ({ structures, services }), valid
// against the pinned JSON Schema (tests validate it with the published files).
//
// - A place or service read from a file is written back from its kept record
//   (keptRecord.ts): every field as it came (source, ids, dates, descriptions, fields
//   Escale has no screen for, a producer's own fields), except the fields of the Escale
//   fields someone edited since, written from their current value (v1FieldMaps.ts).
// - A place Escale made is written from its values with `source: "escale"` and its own id.
// - `internal` (staff-only notes and direct lines) is never written: the file is public.
// - v1 requires `date_maj`. A verified place writes its verifiedAt; an unverified one the
//   export date AND `escale_a_confirmer: true`, so reading the file back never turns
//   "à confirmer" into a verified fact.
// - Each service carries its own frais, publics and modes; a service with none of its own
//   is written with the place's. Place-level thematiques no service covers, and the
//   place-level facts of a place without services, travel on a general service
//   (generalService.ts), which the import folds back into the place.
// - v1 rule on `publics`: `tous-publics` stands alone (v1FieldMaps.ts, `v1Publics`).
// - Two extension fields, prefixed `escale_`, keep Escale's trust in its own data when a
//   file comes back: `escale_a_confirmer` and `escale_description_generee` (a service
//   description written only because v1 requires one). Other readers ignore them.
//
// Not carried for a place Escale made (data·inclusion has no field for them): category
// (the import guesses it from reseaux_porteurs), English texts, digital access,
// accessibility details other than the Accesslibre link, languages, itinerant,
// approximateLocation, a `source` that is not a link, frais beyond the first. The import
// keeps these from the existing place when it is given the directory.

export interface ExportOptions {
  /** Paris date of the export, `YYYY-MM-DD`: the date_maj of unverified places. */
  today: string;
}

export function exportDataInclusion(places: readonly Place[], territory: Pick<Territory, 'id'>, options: ExportOptions): DataInclusionFile {
  const structures: DiStructureOut[] = [];
  const services: DiServiceOut[] = [];
  for (const place of places) {
    if (place.territoryId !== territory.id) continue;
    const ctx: WriteContext = { today: options.today, place };
    structures.push(writeRecord(place, place.dataInclusion, { source: 'escale', id: place.id }, STRUCTURE_FIELDS, ctx) as DiStructureOut);
    const structureId = diIdOf(place);
    const dateMaj = place.verifiedAt || options.today;
    for (const service of place.services) {
      const base = { source: 'escale', id: service.id, structure_id: structureId, date_maj: dateMaj };
      services.push(writeRecord(service, service.dataInclusion, base, SERVICE_FIELDS, ctx) as DiServiceOut);
    }
    const general = generalService(place, structureId, dateMaj, ctx);
    if (general) services.push(general);
  }
  return { structures, services };
}

/** The service carrying place-level facts no listed service carries, if any. */
function generalService(place: Place, structureId: string, dateMaj: string, ctx: WriteContext): DiServiceOut | undefined {
  const covered = new Set(place.services.flatMap((s) => s.thematiques));
  const uncovered = place.thematiques.filter((t) => !covered.has(t));
  const hasPlaceLevelFacts = place.publics.length || place.frais.length || place.modesAccueil.length;
  if (!uncovered.length && !(place.services.length === 0 && hasPlaceLevelFacts)) return undefined;
  const service = { id: generalServiceId(place.id), name: 'Accueil et accompagnement', thematiques: uncovered };
  const base = { source: 'escale', id: service.id, structure_id: structureId, date_maj: dateMaj };
  const out = writeRecord(service, undefined, base, SERVICE_FIELDS, ctx);
  out.description = `Accueil du public et accompagnement proposés par ${place.name} à ${place.city}.`;
  out.escale_description_generee = true;
  return out as DiServiceOut;
}
