import { needsOf } from '../../../shared/domain/needsOfThematique';
import type { Place } from '../../../shared/domain/place';
import type { Need } from '../../../shared/domain/vocabularies';

/** Every need a place answers, from its own thematiques and its services'. */
export function placeNeeds(place: Place): Need[] {
  return needsOf([...place.thematiques, ...place.services.flatMap((service) => service.thematiques)]);
}

export function placeAnswers(place: Place, need: Need | undefined): boolean {
  return need === undefined || placeNeeds(place).includes(need);
}
