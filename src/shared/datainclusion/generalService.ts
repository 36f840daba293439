// data·inclusion v1 puts thematiques, publics, frais and modes_accueil on services only,
// while an Escale place also carries them at its own level (often with no service listed).
// The export writes those place-level values on one extra service with this id suffix;
// the import folds such a service back into the place instead of listing it.

export const GENERAL_SERVICE_SUFFIX = '--accueil-general';

export function generalServiceId(structureId: string): string {
  return `${structureId}${GENERAL_SERVICE_SUFFIX}`;
}

export function isGeneralServiceOf(serviceId: string, structureId: string): boolean {
  return serviceId === generalServiceId(structureId);
}
