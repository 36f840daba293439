import { emailSchema, phoneSchema, urlSchema } from '../domain/common';
import { describeIssues, type SchemaIssue } from '../domain/formatIssues';
import { placeSchema, type KeptRecord, type Place } from '../domain/place';
import type { Commune } from '../domain/territory';
import { distanceKm } from '../geo/distanceKm';
import { normalizeSearch } from '../text/normalizeSearch';
import { hoursToVerify } from '../hours/hoursToVerify';
import type { FieldIssue } from './checkV1Record';
import type { DiService, DiStructure } from './dataInclusionSchema';
import { isGeneralServiceOf } from './generalService';
import { guessCategory } from './guessCategory';
import { escaleIdOf, fingerprints } from './keptRecord';
import { SERVICE_FIELDS, STRUCTURE_FIELDS } from './v1FieldMaps';

export interface StructureContext {
  territoryId: string;
  communesByInsee: ReadonlyMap<string, Commune>;
  /** Paris date of the import: a later date_maj cannot be a verification. */
  today: string;
  /** The place this structure would update, to keep what data·inclusion cannot carry. */
  existing?: Place;
}

/** A problem of one record: the structure's (`service` undefined) or one of its services'. */
export interface RecordIssue extends FieldIssue {
  /** The data·inclusion id of the record (the service's, when it is a service's). */
  recordId: string;
  kind: 'structure' | 'service';
}

export type StructureMapping =
  | { status: 'ok'; place: Place; issues: RecordIssue[] }
  | { status: 'invalid' | 'outside-territory'; issues: RecordIssue[] };

/**
 * A point further than this from its commune's centre is a mistake (swapped latitude and
 * longitude, another commune's code): the territory's largest commune is about 10 km across.
 */
const MAX_KM_FROM_COMMUNE = 20;
/** What an Escale text field holds (localizedTextSchema); the kept record holds the rest. */
const TEXT_MAX = 4000;

const union = <T>(lists: readonly (readonly T[])[]): T[] => [...new Set(lists.flat())];

interface Issues {
  warn(field: string, reason: string, recordId?: string): void;
  refuse(field: string, reason: string, recordId?: string): void;
  list: RecordIssue[];
}

function issuesOf(structureId: string): Issues {
  const list: RecordIssue[] = [];
  const add = (level: FieldIssue['level']) => (field: string, reason: string, recordId?: string) => {
    list.push({ recordId: recordId ?? structureId, kind: recordId === undefined ? 'structure' : 'service', field, reason, level });
  };
  return { warn: add('avertissement'), refuse: add('refus'), list };
}

/** The commune of the structure (by code, else by an unambiguous name), or why there is none. */
function communeOf(structure: DiStructure, ctx: StructureContext, issues: Issues): Commune | 'invalid' | 'outside-territory' {
  let insee = structure.code_insee;
  if (!insee) {
    const found = communeNamed(structure, ctx.communesByInsee);
    if (!found) {
      issues.refuse('code_insee', 'absent, et la commune n\'a pas été reconnue dans le territoire : Escale a besoin du code INSEE pour placer le lieu');
      return 'invalid';
    }
    insee = found.insee;
    issues.warn('code_insee', `absent, ${found.insee} déduit de la commune « ${structure.commune ?? ''} »`);
  }
  const commune = ctx.communesByInsee.get(insee);
  if (!commune) {
    issues.refuse('code_insee', `la commune ${insee}${structure.commune ? ` (${structure.commune})` : ''} n'est pas dans le territoire`);
    return 'outside-territory';
  }
  if (structure.commune && normalizeSearch(structure.commune) !== normalizeSearch(commune.name)) {
    issues.warn('commune', `« ${structure.commune} » ne correspond pas au code INSEE ${commune.insee} (${commune.name}) : ${commune.name} affiché, le fichier gardé tel quel`);
  }
  return commune;
}

/** lat/lon of the place: the file's point, or the commune centre (said) when it has none or a wrong one. */
function pointOf(structure: DiStructure, commune: Commune, issues: Issues): { lat: number; lon: number; approximateLocation?: true } {
  if (structure.latitude === undefined || structure.longitude === undefined) {
    issues.warn('latitude/longitude', 'absentes : le lieu est placé au centre de la commune');
    return { lat: commune.lat, lon: commune.lon, approximateLocation: true };
  }
  const point = { lat: structure.latitude, lon: structure.longitude };
  const km = distanceKm(point, commune);
  if (!(km <= MAX_KM_FROM_COMMUNE) || Math.abs(point.lat) > 90 || Math.abs(point.lon) > 180) {
    issues.warn('latitude/longitude', `le point est à ${Math.round(km)} km de ${commune.name} (inversées ?) : la carte montre le centre de la commune, « à vérifier » ; le fichier est gardé tel quel`);
    return { lat: commune.lat, lon: commune.lon, approximateLocation: true };
  }
  return point.lat === commune.lat && point.lon === commune.lon ? { ...point, approximateLocation: true } : point;
}

/** A value Escale shows only when its own field accepts it; else kept for the export, and said. */
function shown(value: string | undefined, schema: typeof phoneSchema, field: string, what: string, issues: Issues, recordId?: string): string | undefined {
  if (value === undefined) return undefined;
  if (schema.safeParse(value).success) return value;
  issues.warn(field, `« ${value.slice(0, 60)} » n'est pas ${what} : gardé tel quel pour l'export, pas affiché`, recordId);
  return undefined;
}

function hoursOf(value: string | undefined, field: string, issues: Issues, recordId?: string): string | undefined {
  if (value === undefined) return undefined;
  const check = hoursToVerify(value);
  if (check) issues.warn(field, `« ${value.slice(0, 60)} » n'est pas écrit au format OpenStreetMap (${check.slice(0, 160)}) : gardé tel quel, « à vérifier »`, recordId);
  return value.slice(0, 500);
}

function textOf(value: string | undefined, field: string, issues: Issues, recordId?: string): string | undefined {
  if (value === undefined) return undefined;
  if (value.length <= TEXT_MAX) return value;
  issues.warn(field, `${value.length} caractères : Escale en affiche ${TEXT_MAX}, le texte entier est gardé pour l'export`, recordId);
  return value.slice(0, TEXT_MAX);
}

function verifiedAtOf(structure: DiStructure, today: string, issues: Issues): string {
  // Escale's own export of an unverified record: date_maj is only the export date.
  if (structure.escale_a_confirmer === true) return '';
  if (structure.date_maj > today) {
    issues.warn('date_maj', `${structure.date_maj} est dans le futur : la fiche sera affichée « à confirmer »`);
    return '';
  }
  return structure.date_maj;
}

/** Keeps a record from a producer; Escale's own file keeps what the place already had. */
function kept<T>(record: { source: string }, item: T, fields: Parameters<typeof fingerprints<T>>[1], before: KeptRecord | undefined): { dataInclusion?: KeptRecord } {
  if (record.source === 'escale') return before ? { dataInclusion: before } : {};
  return { dataInclusion: { record: record as unknown as Record<string, unknown>, mapped: fingerprints(item, fields) } };
}

type Service = Place['services'][number];

function serviceOf(service: DiService, place: { publics: string[]; frais: string[]; modes: string[] }, existing: Service | undefined, issues: Issues): Service {
  const own = service.source !== 'escale';
  const description = service.description && !service.escale_description_generee ? textOf(service.description, 'description', issues, service.id) : undefined;
  // Escale's own file wrote the place's values on each service: only differing ones are the service's own.
  const sameAsPlace = (values: readonly string[] | undefined, placeValues: readonly string[]) =>
    values !== undefined && !own && values.length === placeValues.length && values.every((v) => placeValues.includes(v));
  const item: Service = {
    id: escaleIdOf(service.id),
    name: service.nom,
    ...(description ? { description: keepEnglish(description, existing?.description) } : {}),
    thematiques: (service.thematiques ?? []) as Service['thematiques'],
    ...(service.frais && !sameAsPlace([service.frais], place.frais) ? { frais: service.frais as NonNullable<Service['frais']> } : {}),
    ...(service.publics && !sameAsPlace(service.publics, place.publics) ? { publics: service.publics as NonNullable<Service['publics']> } : {}),
    ...(service.modes_accueil && !sameAsPlace(service.modes_accueil, place.modes) ? { modesAccueil: service.modes_accueil as NonNullable<Service['modesAccueil']> } : {}),
  };
  return { ...item, ...kept(service, item, SERVICE_FIELDS, existing?.dataInclusion) };
}

/**
 * One checked data·inclusion structure and its checked services → an Escale place, or the
 * named reasons it cannot be one. Warnings of an `ok` record say what Escale shows
 * differently from the file (the file itself is kept whole, see keptRecord.ts).
 */
export function structureToPlace(structure: DiStructure, services: readonly DiService[], ctx: StructureContext): StructureMapping {
  const issues = issuesOf(structure.id);
  const { existing } = ctx;
  const commune = communeOf(structure, ctx, issues);
  if (typeof commune === 'string') return { status: commune, issues: issues.list };
  const postcode = structure.code_postal ?? commune.postcodes[0] ?? '';
  if (!structure.code_postal) issues.warn('code_postal', `absent : ${postcode} (code de la commune) affiché`);
  else if (!commune.postcodes.includes(structure.code_postal)) {
    issues.warn('code_postal', `${structure.code_postal} n'est pas un code postal de ${commune.name} (${commune.postcodes.join(', ')})`);
  }
  const point = pointOf(structure, commune, issues);

  // Place-level slugs: the union of the services', for display; a general service (see
  // generalService.ts) only contributes to that union.
  const listed = services.filter((s) => !isGeneralServiceOf(s.id, structure.id));
  const placeLevel = {
    thematiques: union(services.map((s) => s.thematiques ?? [])),
    publics: union(services.map((s) => s.publics ?? [])),
    frais: union(services.map((s) => (s.frais ? [s.frais] : []))),
    modes: union(services.map((s) => s.modes_accueil ?? [])),
  };
  const placeServices = listed.map((s) => serviceOf(s, placeLevel, existing?.services.find((e) => e.id === escaleIdOf(s.id)), issues));
  for (const s of listed) hoursOf(s.horaires_accueil as string | undefined, 'horaires_accueil', issues, s.id);

  const address = structure.adresse
    ? [structure.adresse, structure.complement_adresse, `${postcode} ${commune.name}`].filter(Boolean).join(', ').slice(0, 300)
    : undefined;
  const description = structure.description && !structure.escale_description_generee ? textOf(structure.description, 'description', issues) : undefined;
  const phone = shown(structure.telephone, phoneSchema, 'telephone', 'un numéro à composer', issues);
  const email = shown(structure.courriel, emailSchema, 'courriel', 'une adresse qu\'Escale sait écrire', issues);
  const website = shown(structure.site_web, urlSchema, 'site_web', 'une adresse web http(s)', issues);
  const accessUrl = shown(structure.accessibilite_lieu, urlSchema, 'accessibilite_lieu', 'une adresse web http(s)', issues);
  const openingHours = hoursOf(structure.horaires_accueil, 'horaires_accueil', issues);

  const candidate = {
    id: escaleIdOf(structure.id),
    territoryId: ctx.territoryId,
    name: structure.nom,
    category: existing?.category ?? guessCategory(structure.reseaux_porteurs ?? []),
    ...(description ? { description: keepEnglish(description, existing?.description) } : {}),
    ...(address ? { address } : {}),
    insee: commune.insee,
    postcode,
    city: commune.name,
    ...point,
    ...(phone ? { phone } : {}),
    ...(email ? { email } : {}),
    ...(website ? { website } : {}),
    ...(openingHours ? { openingHours } : {}),
    reseauxPorteurs: structure.reseaux_porteurs ?? [],
    thematiques: placeLevel.thematiques,
    publics: placeLevel.publics,
    frais: placeLevel.frais,
    modesAccueil: placeLevel.modes,
    services: placeServices,
    // What data·inclusion cannot carry is kept from the place being updated.
    digital: existing?.digital ?? {},
    accessibility: { ...withoutUrl(existing?.accessibility), ...(accessUrl ? { url: accessUrl } : {}) },
    languages: existing?.languages ?? [],
    itinerant: existing?.itinerant ?? false,
    verifiedAt: verifiedAtOf(structure, ctx.today, issues),
    ...sourceOf(structure, existing),
    ...(existing?.internal ? { internal: existing.internal } : {}),
  };
  const parsed = placeSchema.safeParse(candidate);
  if (!parsed.success) {
    issues.refuse('(fiche)', `Escale ne peut pas la garder : ${describeIssues(parsed.error.issues as readonly SchemaIssue[], 'fr', 8)}`);
    return { status: 'invalid', issues: issues.list };
  }
  const place = parsed.data;
  return { status: 'ok', place: { ...place, ...kept(structure, place, STRUCTURE_FIELDS, existing?.dataInclusion) }, issues: issues.list };
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
  if (structure.lien_source) return { source: structure.lien_source.slice(0, 1000) };
  if (structure.source === 'escale' && existing) return existing.source === undefined ? {} : { source: existing.source };
  return { source: structure.source.slice(0, 1000) };
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
