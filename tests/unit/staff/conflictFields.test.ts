import { describe, expect, test } from 'vitest';
import '../../../src/app/i18n/screens';
import { label as vocabLabel } from '../../../src/app/i18n/i18n';
import type { ConflictRow } from '../../../src/app/services/staffServices';
import {
  conflictView, fieldLabel, mergeChoices, sameValue, showField, type Labels, type Shown,
} from '../../../src/app/staff/conflicts/conflictFields';
import { isStaffKey, staffT } from '../../../src/app/staff/i18n/staffMessages';
import { COLLECTION_SCHEMAS } from '../../../src/shared/sync/collections';
import { civraisienEnPoitouSeed as seed } from '../../../src/territories/civraisien-en-poitou/seed';

// The conflicts screen's pure core: which fields differ (objects by value, their parts one
// by one), what each side says in plain words, and the record a choice makes (parsed).

const labels: Labels = {
  t: staffT,
  vocab: vocabLabel,
  language: (code) => `lang:${code}`,
  commune: (insee) => seed.territory.communes.find((c) => c.insee === insee)?.name ?? insee,
  place: (id) => seed.places.find((p) => p.id === id)?.name ?? id,
  has: isStaffKey,
};

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const place = clone(seed.places[0]!);
const checklist = clone(seed.checklists[0]!);
const tour = clone(seed.tours[0]!);
const mobility = clone(seed.mobility[0]!);

function row(name: string, id: string, patch: Record<string, unknown>, theirs: unknown, version = 2): ConflictRow {
  return { mutationId: 9, name, args: { id, baseVersion: 1, patch }, collection: name.split('.')[0] as never, recordId: id, current: { version, record: theirs }, at: '2026-12-01T08:00:00Z' };
}

/** A shown value as one line of text, for assertions. */
function flat(s: Shown): string {
  switch (s.kind) {
    case 'empty': return '∅';
    case 'text': return s.text;
    case 'list': return `[${s.items.map(flat).join(' | ')}]`;
    case 'fields': return `${s.title ? `${s.title} ` : ''}{${s.entries.map((e) => `${e.label}: ${flat(e.value)}`).join('; ')}}`;
  }
}

describe('sameValue', () => {
  test('objects by value whatever the key order; absent, undefined and null are the same', () => {
    expect(sameValue({ wifi: true, printer: false }, { printer: false, wifi: true })).toBe(true);
    expect(sameValue({ wifi: true, visio: undefined }, { wifi: true })).toBe(true);
    expect(sameValue(null, undefined)).toBe(true);
    expect(sameValue({ wifi: true }, { wifi: false })).toBe(false);
    expect(sameValue({ a: { fr: 'x', en: 'y' } }, { a: { en: 'y', fr: 'x' } })).toBe(true);
    expect(sameValue({}, undefined)).toBe(false);
  });

  test('lists of words as sets, lists of items in order', () => {
    expect(sameValue(['sante', 'famille'], ['famille', 'sante'])).toBe(true);
    expect(sameValue(['sante'], ['sante', 'famille'])).toBe(false);
    expect(sameValue([{ id: 'a' }, { id: 'b' }], [{ id: 'b' }, { id: 'a' }])).toBe(false);
    expect(sameValue([{ id: 'a', label: { fr: 'x' } }], [{ label: { fr: 'x' }, id: 'a' }])).toBe(true);
  });
});

describe('conflictView: which fields differ', () => {
  test('an object field is split into the parts that differ; the same object in another key order is not a conflict', () => {
    const theirs = { ...place, digital: { wifi: true, printer: true }, accessibility: { parking: true, stepFree: true } };
    const view = conflictView(row('place.update@1', place.id, {
      digital: { wifi: false, printer: true, visio: true },
      accessibility: { stepFree: true, parking: true },
      phone: '05 49 00 00 01',
    }, theirs));
    expect(view.fields.map((f) => [f.field, f.top, f.mine, f.theirs, f.same])).toEqual([
      ['digital.wifi', 'digital', false, true, false],
      ['digital.visio', 'digital', true, undefined, false],
      ['accessibility', 'accessibility', { stepFree: true, parking: true }, { parking: true, stepFree: true }, true],
      ['phone', 'phone', '05 49 00 00 01', theirs.phone, false],
    ]);
  });

  test('lists are one field each; a removed optional object (null on the wire) is split against theirs', () => {
    const theirs = { ...place, thematiques: ['sante--acces-aux-soins'], internal: { notes: 'Demander Sylvie', directPhone: '05 49 00 00 09' } };
    const view = conflictView(row('place.update@1', place.id, { thematiques: ['famille--garde-denfants'], internal: null }, theirs));
    expect(view.fields.map((f) => [f.field, f.mine, f.theirs])).toEqual([
      ['thematiques', ['famille--garde-denfants'], ['sante--acces-aux-soins']],
      ['internal.notes', undefined, 'Demander Sylvie'],
      ['internal.directPhone', undefined, '05 49 00 00 09'],
    ]);
  });
});

describe('showing each side in plain words', () => {
  test('yes / no / not known for booleans, with the form’s labels and the section first', () => {
    expect(flat(showField('place', 'digital.wifi', true, labels))).toBe('Oui');
    expect(flat(showField('place', 'digital.wifi', false, labels))).toBe('Non');
    expect(flat(showField('place', 'digital.visio', undefined, labels))).toBe('Non renseigné');
    expect(fieldLabel('place', 'digital.wifi', staffT)).toBe('Accès au numérique — Wifi public');
    expect(fieldLabel('place', 'accessibility.parking', staffT)).toBe('Accessibilité — Stationnement adapté');
    expect(fieldLabel('place', 'digital', staffT)).toBe('Accès au numérique');
    expect(fieldLabel('mobility', 'booking.phone', staffT)).toBe('Réserver — Téléphone pour réserver');
    expect(fieldLabel('tour', 'stops', staffT)).toBe('Escales');
    expect(fieldLabel('place', 'phone', staffT)).toBe('Téléphone');
    // A whole object: each part with its label, an unknown yes/no said so.
    expect(flat(showField('place', 'digital', { wifi: true, printer: false }, labels)))
      .toBe('{Wifi public: Oui; Ordinateur en libre accès: Non renseigné; Imprimante: Non; Visio-guichet: Non renseigné}');
  });

  test('vocabularies by their labels, lists as lists, never JSON', () => {
    expect(flat(showField('place', 'thematiques', ['famille--garde-denfants', 'slug-perdu'], labels))).toBe('[Faire garder vos enfants | slug-perdu]');
    expect(flat(showField('place', 'publics', ['familles'], labels))).toBe('[Familles et enfants]');
    expect(flat(showField('place', 'publics', [], labels))).toBe('aucun');
    expect(flat(showField('place', 'languages', ['fr', 'en'], labels))).toBe('[lang:fr | lang:en]');
    expect(flat(showField('place', 'modesAccueil', ['en-presentiel'], labels))).toBe('[Sur place]');
    expect(flat(showField('tour', 'services', ['aide-numerique', 'imprimante'], labels))).toBe('[Aide pour internet | Imprimante]');
    expect(flat(showField('mobility', 'communesServed', 'all', labels))).toBe('Toutes les communes du territoire');
    expect(flat(showField('checklist', 'whereToGo.placeIds', [seed.places[1]!.id], labels))).toBe(`[${seed.places[1]!.name}]`);
    expect(flat(showField('checklist', 'whereToGo.placeCategories', ['france-services'], labels))).toBe('[France Services]');
    expect(flat(showField('place', 'verifiedAt', '', labels))).toBe('à confirmer (pas de date)');
    expect(flat(showField('place', 'description', { fr: 'Accueil', en: 'Welcome' }, labels))).toBe('{En français: Accueil; En anglais: Welcome}');
    expect(flat(showField('place', 'description', undefined, labels))).toBe('∅');
  });

  test('list items with their numbered titles and labelled parts; tour stops with their commune', () => {
    expect(flat(showField('checklist', 'documents', checklist.documents.slice(0, 1), labels)))
      .toBe(`[Papier 1 {Intitulé: {En français: ${checklist.documents[0]!.label.fr}; En anglais: ${checklist.documents[0]!.label.en}}}]`);
    expect(flat(showField('checklist', 'links', [{ label: 'caf.fr', url: 'https://www.caf.fr' }], labels)))
      .toBe('[Lien 1 {Texte du lien: caf.fr; Adresse du lien (https://…): https://www.caf.fr}]');
    const stop = tour.stops[0]!;
    expect(flat(showField('tour', 'stops', [stop], labels)))
      .toBe(`[Escale 1 {Lieu de rendez-vous: ${stop.meetingPoint}; Commune: Civray; Passages: ${stop.schedule}; Latitude: ${stop.lat}; Longitude: ${stop.lon}}]`);
    expect(flat(showField('place', 'services', [{ id: 's1', name: 'Aide CAF', thematiques: ['famille--garde-denfants'] }], labels)))
      .toBe('[Service 1 {Intitulé du service: Aide CAF; Thématiques: [Faire garder vos enfants]}]');
    // A field this app does not know (a newer app's): still words, not JSON.
    expect(flat(showField('place', 'nouveau', { actif: true, n: 2 }, labels))).toBe('{actif: Oui; n: 2}');
  });
});

describe('mergeChoices: the record a choice makes', () => {
  const parses = (collection: 'place' | 'checklist' | 'tour' | 'mobility', record: unknown) => COLLECTION_SCHEMAS[collection].safeParse(record).success;

  test('parts of an object chosen one by one; the patch carries the whole top-level field; the record parses', () => {
    const theirs = { ...place, digital: { wifi: true, printer: true }, phone: '05 49 11 11 11' };
    const view = conflictView(row('place.update@1', place.id, { digital: { wifi: false, printer: false }, phone: '05 49 22 22 22' }, theirs));
    const merged = mergeChoices(view, theirs, { 'digital.wifi': 'mine', 'digital.printer': 'theirs', phone: 'theirs' });
    expect(merged.ok).toBe(true);
    if (!merged.ok) return;
    expect(merged.patch).toEqual({ digital: { wifi: false, printer: true } });
    expect(merged.record).toMatchObject({ digital: { wifi: false, printer: true }, phone: '05 49 11 11 11' });
    expect(parses('place', merged.record)).toBe(true);
  });

  test('lists and objects of each collection: every combination of choices parses', () => {
    const cases = [
      { c: 'place' as const, base: place, theirs: { ...place, thematiques: ['sante--acces-aux-soins'], languages: ['fr'], internal: { notes: 'Sylvie' } },
        patch: { thematiques: ['famille--garde-denfants'], languages: ['fr', 'en'], internal: { directPhone: '05 49 00 00 09' } } },
      { c: 'checklist' as const, base: checklist, theirs: { ...checklist, steps: checklist.steps.slice(0, 1), whereToGo: { ...checklist.whereToGo, placeIds: [] } },
        patch: { documents: checklist.documents.slice(1), links: [], whereToGo: { placeCategories: ['mairie'], placeIds: [seed.places[1]!.id] } } },
      { c: 'tour' as const, base: tour, theirs: { ...tour, stops: tour.stops.slice(1), services: ['wifi'] },
        patch: { stops: tour.stops.slice(0, 1), services: ['imprimante', 'wifi'] } },
      { c: 'mobility' as const, base: mobility, theirs: { ...mobility, booking: { phone: '05 49 00 00 07' } },
        patch: { booking: { phone: '05 49 00 00 08', url: 'https://reservation.example.fr' }, communesServed: 'all' } },
    ];
    for (const { c, theirs, patch } of cases) {
      const view = conflictView(row(`${c}.update@1`, theirs.id, patch, theirs));
      const open = view.fields.filter((f) => !f.same);
      expect(open.length, c).toBeGreaterThan(0);
      for (let mask = 0; mask < 1 << open.length; mask++) {
        const choice = Object.fromEntries(open.map((f, i) => [f.field, mask & (1 << i) ? 'mine' : 'theirs'] as const));
        const merged = mergeChoices(view, theirs, choice);
        expect(merged.ok, `${c} ${JSON.stringify(choice)}`).toBe(true);
        if (merged.ok) expect(parses(c, merged.record)).toBe(true);
        if (mask === 0 && merged.ok) expect(merged.patch).toEqual({});
      }
    }
  });

  test('a removed optional object stays removed when every part is mine; the patch says undefined', () => {
    const theirs = { ...place, internal: { notes: 'Sylvie' } };
    const view = conflictView(row('place.update@1', place.id, { internal: null }, theirs));
    const merged = mergeChoices(view, theirs, { 'internal.notes': 'mine' });
    expect(merged.ok && merged.patch).toEqual({ internal: undefined });
    expect(merged.ok && 'internal' in merged.record).toBe(false);
  });

  test('an invalid choice gives the schema’s issues, not a record', () => {
    // A mobility location without coordinates on my side: the meeting point alone is not a location.
    const theirs = { ...mobility };
    delete (theirs as { location?: unknown }).location;
    const view = conflictView(row('mobility.update@1', mobility.id, { location: { label: 'Gare de Civray' } }, theirs));
    const merged = mergeChoices(view, theirs, { 'location.label': 'mine' });
    expect(merged.ok).toBe(false);
    if (!merged.ok) expect(merged.issues.map((i) => i.path.join('.'))).toContain('location.lat');
  });
});
