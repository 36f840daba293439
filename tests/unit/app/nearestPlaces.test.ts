import { describe, expect, test } from 'vitest';
import { nearestPlaces } from '../../../src/app/public/home/nearestPlaces';
import { placeNeeds } from '../../../src/app/public/common/placeNeeds';
import { civraisienEnPoitouSeed as seed } from '../../../src/territories/civraisien-en-poitou/seed';
import { placeLike } from './support';

// The home list: ranking by straight-line distance and the need filter, on plain data.
const GENCAY = { lat: 46.370527, lon: 0.413253 };

const near = placeLike({ id: 'near', name: 'Zèbre, tout près', lat: 46.371, lon: 0.414, thematiques: ['numerique--acceder-a-des-services-en-ligne'], services: [] });
const middle = placeLike({
  id: 'middle', name: 'Maison du milieu', lat: 46.3, lon: 0.35, thematiques: [],
  // Only one of its services helps with jobs: the place answers "jobs" through it.
  services: [{ id: 'svc', name: 'Atelier CV', thematiques: ['preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation'] }],
});
const far = placeLike({ id: 'far', name: 'Au loin', lat: 46.1, lon: 0.2, thematiques: ['sante--constituer-un-dossier-mdph-invalidite'], services: [] });
const places = [far, near, middle];

describe('nearest places', () => {
  test('nearest first, with the distance in kilometres as the crow flies', () => {
    const listed = nearestPlaces(places, GENCAY, undefined);
    expect(listed.map((l) => l.place.id)).toEqual(['near', 'middle', 'far']);
    expect(listed[0]?.distanceKm).toBeLessThan(0.2);
    const distances = listed.map((l) => l.distanceKm ?? -1);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    // Gençay to (46.1, 0.2): about 34 km.
    expect(listed[2]?.distanceKm).toBeGreaterThan(30);
    expect(listed[2]?.distanceKm).toBeLessThan(40);
  });

  test('a need keeps only the places answering it, from their own or their services\' thematiques', () => {
    expect(nearestPlaces(places, GENCAY, 'digital').map((l) => l.place.id)).toEqual(['near']);
    expect(nearestPlaces(places, GENCAY, 'jobs').map((l) => l.place.id)).toEqual(['middle']);
    // A disability file answers both health and papers.
    expect(placeNeeds(far).sort()).toEqual(['health', 'papers']);
    expect(nearestPlaces(places, GENCAY, 'papers').map((l) => l.place.id)).toEqual(['far']);
    expect(nearestPlaces(places, GENCAY, 'mobility')).toEqual([]);
  });

  test('without a commune or position: alphabetical, no distance; and the limit holds', () => {
    const listed = nearestPlaces(places, undefined, undefined);
    expect(listed.map((l) => l.place.name)).toEqual(['Au loin', 'Maison du milieu', 'Zèbre, tout près']);
    expect(listed.every((l) => l.distanceKm === undefined)).toBe(true);
    expect(nearestPlaces(places, GENCAY, undefined, 2).map((l) => l.place.id)).toEqual(['near', 'middle']);
  });

  test('the bus (a vehicle with a tour) ranks at its stop nearest the origin, once, with that stop\'s schedule', () => {
    const tour = seed.tours.find((candidate) => candidate.id === 'tour-exemple-minibus');
    const bus = seed.places.find((place) => place.id === 'place-bus-des-services');
    expect(tour && bus?.tourId).toBe(tour?.id);
    const gencayStop = tour!.stops.find((stop) => stop.insee === '86103')!;
    const listed = nearestPlaces([far, bus!, middle], GENCAY, undefined, 100, seed.tours);
    expect(listed.map((l) => l.place.id)).toEqual(['place-bus-des-services', 'middle', 'far']);
    expect(listed[0]?.stop?.id).toBe(gencayStop.id);
    expect(listed[0]?.place.openingHours).toBe(gencayStop.schedule);
    expect(listed[0]?.distanceKm).toBeLessThan(0.1);
    // Without its tours, the bus is at its depot (Civray), about 30 km from Gençay.
    const atDepot = nearestPlaces([bus!], GENCAY, undefined);
    expect(atDepot[0]?.stop).toBeUndefined();
    expect(atDepot[0]?.distanceKm).toBeGreaterThan(20);
  });
});
