import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import OpeningHours from 'opening_hours';
import { describe, expect, it } from 'vitest';
import { territorySeedSchema } from '../../../src/shared/domain/territorySeed';
import { pointInPolygon } from '../../../src/shared/geo/pointInPolygon';
import { CIVRAISIEN_LOCATION } from '../../../src/shared/hours/holidayLocation';
import { getTerritorySeed, territories } from '../../../src/territories';

const seed = getTerritorySeed('civraisien-en-poitou')!;
const { territory, places, tours, mobility, checklists } = seed;
const communeCodes = new Set(territory.communes.map((c) => c.insee));
const [west, south, east, north] = territory.bbox;
const inBbox = (p: { lat: number; lon: number }) => p.lon >= west && p.lon <= east && p.lat >= south && p.lat <= north;
const isVerified = (r: { verifiedAt: string }) => r.verifiedAt !== '';

/** The opening_hours library, with the territory's country and region for PH/SH. */
const parseOh = (value: string) => new OpeningHours(value, CIVRAISIEN_LOCATION as never);

function expectUniqueIds(records: readonly { id: string }[]) {
  const ids = records.map((r) => r.id);
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
}

describe('civraisien-en-poitou seed', () => {
  it('is registered and parses with territorySeedSchema', () => {
    expect(territories['civraisien-en-poitou']).toBe(seed);
    expect(getTerritorySeed('nowhere')).toBeUndefined();
    expect(getTerritorySeed('toString')).toBeUndefined();
    expect(territorySeedSchema.safeParse(seed).success).toBe(true);
    expect(territory.id).toBe('civraisien-en-poitou');
    expect(territory.epciCode).toBe('200070035');
    expect(territory.poles.map((p) => p.insee)).toEqual(['86078', '86082', '86103']);
  });

  it('has the 35 communes, each once, with a population total of 26 737', () => {
    expect(territory.communes).toHaveLength(35);
    expect(communeCodes.size).toBe(35);
    expect(territory.communes.reduce((sum, c) => sum + c.population, 0)).toBe(26737);
    for (const pole of territory.poles) expect(communeCodes.has(pole.insee)).toBe(true);
  });

  const sharedCommunes = fileURLToPath(new URL('../../../../shared/data/communes.json', import.meta.url));
  it.skipIf(!existsSync(sharedCommunes))('matches the shared communes file (when it is beside the repo)', () => {
    const shared = JSON.parse(readFileSync(sharedCommunes, 'utf8')) as {
      communes: { insee: string; name: string; postal_codes: string[]; population_municipale: number; latitude: number; longitude: number }[];
    };
    expect(
      territory.communes.map((c) => [c.insee, c.name, c.postcodes, c.population, c.lat, c.lon]),
    ).toEqual(shared.communes.map((c) => [c.insee, c.name, c.postal_codes, c.population_municipale, c.latitude, c.longitude]));
  });

  it('has one outline per commune, inside the bbox, and each commune point inside its own outline', () => {
    const outlines = new Map(territory.outlines.features.map((f) => [f.properties.code, f]));
    expect(outlines.size).toBe(35);
    expect(territory.outlines.features).toHaveLength(35);
    for (const commune of territory.communes) {
      const outline = outlines.get(commune.insee);
      expect(outline?.properties.nom, commune.insee).toBe(commune.name);
      expect(inBbox(commune), commune.name).toBe(true);
      expect(pointInPolygon(commune, outline!.geometry), commune.name).toBe(true);
      const rings = outline!.geometry.type === 'Polygon' ? outline!.geometry.coordinates : outline!.geometry.coordinates.flat();
      for (const ring of rings) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        for (const [lon, lat] of ring) expect(inBbox({ lat, lon }), `${commune.name} ${lon},${lat}`).toBe(true);
      }
    }
  });

  it('carries zone A school holidays from autumn 2025 to July 2027, sorted and not overlapping', () => {
    const holidays = territory.schoolHolidays;
    expect(holidays.length).toBeGreaterThanOrEqual(10);
    expect(holidays[0]!.from <= '2025-10-31').toBe(true);
    expect(holidays[holidays.length - 1]!.to >= '2027-07-03').toBe(true);
    for (const [i, h] of holidays.entries()) {
      expect(h.from <= h.to, h.name).toBe(true);
      if (i > 0) expect(holidays[i - 1]!.to < h.from, h.name).toBe(true);
    }
    // Spot checks against the library's bundled data (Nouvelle-Aquitaine).
    expect(holidays).toContainEqual({ name: 'Vacances de Noël', from: '2025-12-21', to: '2026-01-04' });
    expect(holidays).toContainEqual({ name: 'Vacances de la Toussaint', from: '2026-10-18', to: '2026-11-01' });
  });

  it('has unique ids in every collection, and unique stop and checklist item ids', () => {
    expectUniqueIds(places);
    expectUniqueIds(tours);
    expectUniqueIds(mobility);
    expectUniqueIds(checklists);
    expectUniqueIds(tours.flatMap((t) => t.stops));
    expectUniqueIds(places.flatMap((p) => p.services));
    for (const c of checklists) {
      expectUniqueIds(c.documents);
      expectUniqueIds(c.steps);
    }
  });

  it('puts every record in the territory', () => {
    for (const r of [...places, ...tours, ...mobility, ...checklists]) expect(r.territoryId).toBe(territory.id);
  });

  it('puts every place in a commune of the territory, inside the bbox and inside that commune', () => {
    const outlines = new Map(territory.outlines.features.map((f) => [f.properties.code, f.geometry]));
    for (const place of places) {
      expect(communeCodes.has(place.insee), place.id).toBe(true);
      expect(inBbox(place), place.id).toBe(true);
      expect(pointInPolygon(place, outlines.get(place.insee)!), place.id).toBe(true);
      const commune = territory.communes.find((c) => c.insee === place.insee)!;
      expect(commune.postcodes, place.id).toContain(place.postcode);
      expect(place.city, place.id).toBe(commune.name);
    }
    expect(places.find((p) => p.id === territory.headquartersPlaceId)?.category).toBe('intercommunalite');
  });

  it('has a mairie in every commune', () => {
    const mairies = places.filter((p) => p.category === 'mairie');
    expect(mairies).toHaveLength(35);
    expect(new Set(mairies.map((m) => m.insee))).toEqual(communeCodes);
    for (const m of mairies) expect(m.id).toBe(`place-mairie-${m.insee}`);
  });

  it('shows contact details and hours only for the three verified places', () => {
    const verified = places.filter(isVerified).map((p) => p.id).sort();
    expect(verified).toEqual(['place-cdc-civraisien-en-poitou', 'place-france-services-gencay', 'place-mairie-86103']);
    for (const place of places) {
      if (isVerified(place)) {
        expect(place.phone, place.id).toBeDefined();
        expect(place.openingHours, place.id).toBeDefined();
        expect(place.source, place.id).toBeTruthy();
      } else {
        expect(place.phone, place.id).toBeUndefined();
        expect(place.email, place.id).toBeUndefined();
        expect(place.website, place.id).toBeUndefined();
        expect(place.address, place.id).toBeUndefined();
        expect(place.openingHours, place.id).toBeUndefined();
        expect(place.internal, place.id).toBeUndefined();
        // Only what the category says: no thematiques or services claimed for an unconfirmed place.
        expect(place.thematiques, place.id).toEqual([]);
        expect(place.services, place.id).toEqual([]);
        // The point is the commune centre, and the interface must be able to say so.
        expect(place.approximateLocation, place.id).toBe(true);
        expect(place.source, place.id).toBeTruthy();
      }
    }
  });

  it('gives a source for every verified record and an ISO date no later than today', () => {
    const today = new Date().toISOString().slice(0, 10);
    const records = [...places, ...tours, ...mobility];
    for (const r of records.filter(isVerified)) {
      expect(r.source, r.id).toBeTruthy();
      expect(r.verifiedAt <= today, r.id).toBe(true);
    }
    for (const c of checklists) {
      expect(c.source, c.id).toBeTruthy();
      if (c.reviewedAt) expect(c.reviewedAt <= today, c.id).toBe(true);
    }
  });

  it('parses every opening_hours string of places and stops, without warnings', () => {
    const values = [
      ...places.flatMap((p) => (p.openingHours ? [[p.id, p.openingHours] as const] : [])),
      ...tours.flatMap((t) => t.stops.map((s) => [s.id, s.schedule] as const)),
      ...mobility.flatMap((m) => (m.schedule ? [[m.id, m.schedule] as const] : [])),
    ];
    expect(values.length).toBeGreaterThan(35);
    for (const [id, value] of values) {
      let oh: OpeningHours | undefined;
      expect(() => (oh = parseOh(value)), `${id}: ${value}`).not.toThrow();
      expect(oh!.getWarnings(), `${id}: ${value}`).toEqual([]);
    }
  });

  describe('example minibus tour', () => {
    const tour = tours.find((t) => t.vehicle === 'minibus' && t.isExample)!;

    it('is flagged and named as an example, and not verified', () => {
      expect(tour).toBeDefined();
      expect(tour.name).toMatch(/^Exemple de tournée/);
      expect(tour.verifiedAt).toBe('');
      // What is unknown is said once, in the tour's notes, not on each of the 35 stops.
      expect(tour.notes?.fr).toMatch(/lieu exact de chaque escale reste à définir/);
      for (const stop of tour.stops) expect(stop.meetingPoint, stop.id).not.toMatch(/exemple|à définir/i);
    });

    it('is run by the bus itself, an itinerant place of the directory', () => {
      const bus = places.find((p) => p.tourId === tour.id);
      expect(bus?.id).toBe('place-bus-des-services');
      expect(bus?.itinerant).toBe(true);
    });

    it('reaches all 35 communes, each stop at its commune centre', () => {
      expect(new Set(tour.stops.map((s) => s.insee))).toEqual(communeCodes);
      for (const stop of tour.stops) {
        const commune = territory.communes.find((c) => c.insee === stop.insee)!;
        expect([stop.lat, stop.lon], stop.id).toEqual([commune.lat, commune.lon]);
      }
      expect(tour.stops.map((s) => s.schedule)).toContain('Tu[1,3] 09:30-12:00; PH off');
    });

    // Evaluated in the process time zone: these checks only count days and overlaps, so
    // the zone does not matter as long as it is the same for every stop.
    const month = (year: number, m: number) => [new Date(year, m, 1), new Date(year, m + 1, 1)] as const;
    const months = Array.from({ length: 12 }, (_, i) => month(2027, i));

    it('visits every commune at least once every month, public holidays aside', () => {
      for (const stop of tour.stops) {
        const withoutPh = parseOh(stop.schedule.replace(/; PH off$/, ''));
        for (const [from, to] of months) {
          expect(withoutPh.getOpenIntervals(from, to).length, `${stop.id} ${from.toISOString()}`).toBeGreaterThanOrEqual(1);
        }
      }
    });

    it('never has two stops at the same time, and at most two stops a day', () => {
      for (const [from, to] of months) {
        const intervals = tour.stops
          .flatMap((s) => parseOh(s.schedule).getOpenIntervals(from, to).map(([a, b]) => [a.getTime(), b.getTime(), s.id] as const))
          .sort((x, y) => x[0] - y[0]);
        for (let i = 1; i < intervals.length; i++) {
          expect(intervals[i]![0] >= intervals[i - 1]![1], `${intervals[i - 1]![2]} / ${intervals[i]![2]}`).toBe(true);
        }
        const perDay = new Map<string, number>();
        for (const [a] of intervals) {
          const day = new Date(a).toDateString();
          perDay.set(day, (perDay.get(day) ?? 0) + 1);
        }
        expect(Math.max(...perDay.values())).toBeLessThanOrEqual(2);
      }
    });
  });

  it('keeps mobility offers honest: served communes in the territory, no fixed fares, no invented booking phone', () => {
    for (const offer of mobility) {
      if (offer.communesServed !== 'all') {
        for (const insee of offer.communesServed) expect(communeCodes.has(insee), offer.id).toBe(true);
      }
      // Tadi's and Cif-SP's lists of communes are unknown: never claim "all".
      expect(offer.communesServed, offer.id).not.toBe('all');
      expect(offer.price, offer.id).toBeUndefined();
      expect(offer.schedule, offer.id).toBeUndefined();
      expect(offer.booking.phone, offer.id).toBeUndefined();
      if (offer.location) expect(inBbox(offer.location), offer.id).toBe(true);
    }
    const kinds = new Set(mobility.map((m) => m.kind));
    for (const kind of ['transport-a-la-demande', 'transport-solidaire', 'location-solidaire', 'halte-ferroviaire', 'covoiturage', 'aide-permis']) {
      expect(kinds.has(kind as never), kind).toBe(true);
    }
  });

  it('has at least 12 checklists, each with documents, steps, a place to go and official links', () => {
    expect(checklists.length).toBeGreaterThanOrEqual(12);
    const placeIds = new Set(places.map((p) => p.id));
    for (const c of checklists) {
      expect(c.documents.length, c.id).toBeGreaterThanOrEqual(1);
      expect(c.steps.length, c.id).toBeGreaterThanOrEqual(1);
      expect(c.title.en, c.id).toBeTruthy();
      expect(c.forWhom.en, c.id).toBeTruthy();
      expect(c.whereToGo.placeCategories.length, c.id).toBeGreaterThanOrEqual(1);
      for (const id of c.whereToGo.placeIds) {
        expect(placeIds.has(id), `${c.id} → ${id}`).toBe(true);
        // Point people only at places whose details are confirmed.
        expect(isVerified(places.find((p) => p.id === id)!), `${c.id} → ${id}`).toBe(true);
      }
      expect(c.links.length, c.id).toBeGreaterThanOrEqual(1);
      for (const link of c.links) expect(new URL(link.url).protocol, `${c.id} ${link.url}`).toBe('https:');
      for (const item of [...c.documents, ...c.steps]) expect(item.label.en, `${c.id} ${item.id}`).toBeTruthy();
    }
  });

  it('writes every user-facing description in French and English', () => {
    for (const p of places) expect(p.description?.en, p.id).toBeTruthy();
    for (const m of mobility) expect(m.description.en, m.id).toBeTruthy();
    for (const t of tours) expect(t.notes?.en, t.id).toBeTruthy();
  });
});
