import type { Commune } from '../domain/territory';
import { describeIssues, type SchemaIssue } from '../domain/formatIssues';
import { placeSchema, type Place } from '../domain/place';
import { distanceKm } from '../geo/distanceKm';
import { parseCalendarDate } from '../hours/calendarDate';
import { normalizeSearch } from '../text/normalizeSearch';
import { validateHours } from '../hours/validateHours';
import type { DiService, DiStructure } from './dataInclusionSchema';
import { isGeneralServiceOf } from './generalService';
import { guessCategory } from './guessCategory';
import { readSlugs, type VocabularyName } from './slugAliases';

export interface StructureContext {
  territoryId: string;
  communesByInsee: ReadonlyMap<string, Commune>;
  /** Paris date of the import: a later date_maj cannot be a verification. */
  today: string;
  /** The place this structure would update, to keep what data·inclusion cannot carry. */
  existing?: Place;
}

export type StructureMapping =
  | { status: 'ok'; place: Place; problems: string[] }
  | { status: 'invalid' | 'outside-territory'; problems: string[] };

/**
 * A point further than this from its commune's centre is a mistake (swapped latitude and
 * longitude, another commune's code): the territory's largest commune is about 10 km across.
 */
const MAX_KM_FROM_COMMUNE = 20;

// Place field → data·inclusion field, so the report names the field of the person's file.
const DI_FIELD: Readonly<Record<string, string>> = {
  name: 'nom', description: 'description', address: 'adresse', insee: 'code_insee', postcode: 'code_postal',
  city: 'commune', lat: 'latitude', lon: 'longitude', phone: 'telephone', email: 'courriel', website: 'site_web',
  openingHours: 'horaires_accueil', reseauxPorteurs: 'reseaux_porteurs', thematiques: 'thematiques',
  publics: 'publics', frais: 'frais', modesAccueil: 'modes_accueil', verifiedAt: 'date_maj', source: 'source',
  id: 'id',
};

function toDiPath(path: readonly PropertyKey[]): PropertyKey[] {
  const [head, ...rest] = path;
  if (head === 'accessibility' && rest[0] === 'url') return ['accessibilite_lieu'];
  if (head === 'services') return ['services', ...rest.map((p) => (p === 'name' ? 'nom' : p))];
  if (head === 'description') return ['description'];
  return [typeof head === 'string' ? (DI_FIELD[head] ?? head) : (head ?? 'fiche'), ...rest];
}

function unknownSlugsLine(field: VocabularyName, values: readonly string[], where = ''): string {
  const list = values.map((v) => `« ${v} »`).join(', ');
  return values.length === 1
    ? `${field}${where} : valeur ${list} inconnue d'Escale, ignorée.`
    : `${field}${where} : valeurs ${list} inconnues d'Escale, ignorées.`;
}

const union = <T>(lists: readonly (readonly T[])[]): T[] => [...new Set(lists.flat())];

/**
 * One data·inclusion structure and its services → an Escale place, or the reasons it
 * cannot be one. All or nothing: any invalid field makes the whole structure invalid.
 * Problem lines of an `ok` record are warnings (a dropped unknown slug, a missing date).
 */
export function structureToPlace(structure: DiStructure, services: readonly DiService[], ctx: StructureContext): StructureMapping {
  const problems: string[] = [];
  const invalid: string[] = [];
  const { existing } = ctx;

  let insee = structure.code_insee;
  if (!insee) {
    const found = communeNamed(structure, ctx.communesByInsee);
    if (!found) {
      return { status: 'invalid', problems: ['code_insee : manquant, et la commune n\'a pas été reconnue dans le territoire (le code INSEE est nécessaire pour placer le lieu).'] };
    }
    insee = found.insee;
    problems.push(`code_insee : absent, ${found.insee} déduit de la commune « ${structure.commune ?? ''} ».`);
  }
  const commune = ctx.communesByInsee.get(insee);
  if (!commune) {
    const named = structure.commune ? ` (${structure.commune})` : '';
    return { status: 'outside-territory', problems: [`code_insee : la commune ${insee}${named} n'est pas dans le territoire.`] };
  }
  if (structure.commune && normalizeSearch(structure.commune) !== normalizeSearch(commune.name)) {
    problems.push(`commune : « ${structure.commune} » ne correspond pas au code INSEE ${commune.insee} (${commune.name}) ; ${commune.name} retenu.`);
  }

  const postcode = structure.code_postal ?? commune.postcodes[0] ?? '';
  if (!structure.code_postal) problems.push(`code_postal : absent, ${postcode} (code de la commune) retenu.`);
  else if (!commune.postcodes.includes(structure.code_postal)) {
    problems.push(`code_postal : ${structure.code_postal} n'est pas un code postal de ${commune.name} (${commune.postcodes.join(', ')}).`);
  }

  // A point exactly on the commune centre is the centre, not the building: say so, as the
  // seed does. Without coordinates, the centre stands in and the map says "approximate".
  let lat = commune.lat;
  let lon = commune.lon;
  let approximateLocation: boolean | undefined = true;
  if (structure.latitude !== undefined && structure.longitude !== undefined) {
    lat = structure.latitude;
    lon = structure.longitude;
    approximateLocation = lat === commune.lat && lon === commune.lon ? true : undefined;
    const km = distanceKm({ lat, lon }, commune);
    if (!(km <= MAX_KM_FROM_COMMUNE)) {
      invalid.push(`latitude/longitude : le point est à ${Math.round(km)} km de ${commune.name} (latitude et longitude inversées ?).`);
    }
  } else {
    problems.push('latitude/longitude : absentes, le lieu est placé au centre de la commune.');
  }

  if (structure.horaires_accueil !== undefined) {
    const hours = validateHours(structure.horaires_accueil);
    if (!hours.ok) invalid.push(`horaires_accueil : horaires illisibles au format OpenStreetMap (${hours.error}).`);
  }

  let verifiedAt = '';
  if (structure.escale_a_confirmer === true) {
    // Escale's own export of an unverified record: date_maj is only the export date.
  } else if (structure.date_maj === undefined) problems.push('date_maj : absente, la fiche sera affichée « à confirmer ».');
  else if (!parseCalendarDate(structure.date_maj.slice(0, 10))) invalid.push(`date_maj : la date ${structure.date_maj} n'existe pas.`);
  else if (structure.date_maj.slice(0, 10) > ctx.today) {
    problems.push(`date_maj : ${structure.date_maj.slice(0, 10)} est dans le futur, la fiche sera affichée « à confirmer ».`);
  } else verifiedAt = structure.date_maj.slice(0, 10);

  const reseaux = readSlugs<Place['reseauxPorteurs'][number]>('reseaux_porteurs', structure.reseaux_porteurs ?? []);
  if (reseaux.unknown.length) problems.push(unknownSlugsLine('reseaux_porteurs', reseaux.unknown));

  // Services: slugs are gathered at place level (the union); a general service (see
  // generalService.ts) only contributes to that union.
  const thematiques: Place['thematiques'][] = [];
  const publics: Place['publics'][] = [];
  const frais: Place['frais'][] = [];
  const modes: Place['modesAccueil'][] = [];
  const placeServices: Place['services'] = [];
  services.forEach((service, i) => {
    const where = ` (service ${i + 1} « ${service.nom} »)`;
    const read = <T extends string>(field: VocabularyName, values: readonly string[]): T[] => {
      const { kept, unknown } = readSlugs<T>(field, values);
      if (unknown.length) problems.push(unknownSlugsLine(field, unknown, where));
      return kept;
    };
    const serviceThematiques = read<Place['thematiques'][number]>('thematiques', service.thematiques ?? []);
    thematiques.push(serviceThematiques);
    publics.push(read('publics', service.publics ?? []));
    const serviceFrais = service.frais === undefined ? [] : typeof service.frais === 'string' ? [service.frais] : service.frais;
    frais.push(read('frais', serviceFrais));
    modes.push(read('modes_accueil', service.modes_accueil ?? []));
    if (isGeneralServiceOf(service.id, structure.id)) return;
    placeServices.push({
      id: service.id,
      name: service.nom,
      ...(service.description && !service.escale_description_generee ? { description: keepEnglish(service.description, existing?.services.find((s) => s.id === service.id)?.description) } : {}),
      thematiques: serviceThematiques,
    });
  });

  const address = structure.adresse
    ? [structure.adresse, structure.complement_adresse, `${postcode} ${commune.name}`].filter(Boolean).join(', ')
    : undefined;

  const candidate = {
    id: structure.id,
    territoryId: ctx.territoryId,
    name: structure.nom,
    category: existing?.category ?? guessCategory(structure.reseaux_porteurs ?? []),
    ...(structure.description && !structure.escale_description_generee ? { description: keepEnglish(structure.description, existing?.description) } : {}),
    ...(address ? { address } : {}),
    insee: commune.insee,
    postcode,
    city: commune.name,
    lat,
    lon,
    ...(approximateLocation ? { approximateLocation } : {}),
    ...(structure.telephone ? { phone: structure.telephone } : {}),
    ...(structure.courriel ? { email: structure.courriel } : {}),
    ...(structure.site_web ? { website: structure.site_web } : {}),
    ...(structure.horaires_accueil ? { openingHours: structure.horaires_accueil } : {}),
    reseauxPorteurs: reseaux.kept,
    thematiques: union(thematiques),
    publics: union(publics),
    frais: union(frais),
    modesAccueil: union(modes),
    services: placeServices,
    // What data·inclusion cannot carry is kept from the place being updated.
    digital: existing?.digital ?? {},
    accessibility: {
      ...withoutUrl(existing?.accessibility),
      ...(structure.accessibilite_lieu ? { url: structure.accessibilite_lieu } : {}),
    },
    languages: existing?.languages ?? [],
    itinerant: existing?.itinerant ?? false,
    ...(existing?.tourId ? { tourId: existing.tourId } : {}),
    verifiedAt,
    ...sourceOf(structure, existing),
    ...(existing?.internal ? { internal: existing.internal } : {}),
  };

  const parsed = placeSchema.safeParse(candidate);
  if (!parsed.success) {
    const issues: SchemaIssue[] = parsed.error.issues.map((issue) => ({ ...issue, path: toDiPath(issue.path) }));
    invalid.push(describeIssues(issues, 'fr', 8));
  }
  if (invalid.length || !parsed.success) return { status: 'invalid', problems: [...invalid, ...problems] };
  return { status: 'ok', place: parsed.data, problems };
}

/** The French text from the file, with the English kept only while it still translates it. */
function keepEnglish(fr: string, before: Place['description'] | undefined): NonNullable<Place['description']> {
  return before?.en !== undefined && before.fr === fr ? { fr, en: before.en } : { fr };
}

function withoutUrl(accessibility: Place['accessibility'] | undefined): Omit<Place['accessibility'], 'url'> {
  if (!accessibility) return {};
  const { url: _url, ...rest } = accessibility;
  return rest;
}

/**
 * A date from the file is that producer's claim, so the place cites the producer (its
 * link, else its name). Escale's own export cites Escale: the place being updated then
 * keeps the provenance it already had, which the file could not carry.
 */
function sourceOf(structure: DiStructure, existing: Place | undefined): { source?: string } {
  if (structure.lien_source) return { source: structure.lien_source };
  if (structure.source === 'escale' && existing) return existing.source === undefined ? {} : { source: existing.source };
  return structure.source ? { source: structure.source } : {};
}

/** The commune a structure without code_insee names, when exactly one matches. */
function communeNamed(structure: DiStructure, communes: ReadonlyMap<string, Commune>): Commune | undefined {
  if (!structure.commune) return undefined;
  const name = normalizeSearch(structure.commune);
  const matches = [...communes.values()].filter(
    (c) => normalizeSearch(c.name) === name && (!structure.code_postal || c.postcodes.includes(structure.code_postal)),
  );
  return matches.length === 1 ? matches[0] : undefined;
}
