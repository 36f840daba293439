import { describe, expect, test } from 'vitest';
import type { Checklist } from '../../../src/shared/domain/checklist';
import type { Place } from '../../../src/shared/domain/place';
import type { Tour } from '../../../src/shared/domain/tour';
import { FRAIS, PUBLICS, THEMATIQUES } from '../../../src/shared/domain/vocabularies';
import type { EditableCollection, RecordOf } from '../../../src/shared/sync/collections';
import { FIELDS } from '../../../src/app/staff/directory/formFields';
import {
  fieldOfPath, fromForm, newItem, stopsToForm, toForm, validateForm, type FormValues,
} from '../../../src/app/staff/directory/formModel';
import { fr as staffFr } from '../../../src/app/staff/i18n/fr';
import { staffT } from '../../../src/app/staff/i18n/staffMessages';
import { civraisienEnPoitouSeed as seed } from '../../../src/territories/civraisien-en-poitou/seed';

const KINDS: Array<[EditableCollection, readonly RecordOf<EditableCollection>[]]> = [
  ['place', seed.places], ['mobility', seed.mobility], ['checklist', seed.checklists], ['tour', seed.tours],
];

const ctxOf = (record: RecordOf<EditableCollection>) => ({
  id: record.id, territoryId: record.territoryId, communes: seed.territory.communes,
  ...('stops' in record ? { stops: stopsToForm(record as Tour) } : {}),
});

describe('directory forms: record → form → record', () => {
  for (const [collection, records] of KINDS) {
    test(`is the identity for every seed ${collection} (${records.length}), editing it or from nothing`, () => {
      expect(records.length).toBeGreaterThan(0);
      for (const record of records) {
        const form = toForm(collection, record);
        // Editing: the record comes back whole.
        expect(fromForm(collection, form, record, ctxOf(record))).toEqual(record);
        // From no base at all: every field of the record is in the form (nothing kept aside).
        expect(fromForm(collection, form, undefined, ctxOf(record))).toEqual(record);
      }
    });
  }

  test('every field key of every form is unique and every label has French and English', () => {
    for (const defs of Object.values(FIELDS)) {
      const keys = defs.map((d) => d.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const d of [...defs, ...defs.flatMap((x) => x.item ?? [])]) expect(staffFr.ui[d.label]).toBeTruthy();
    }
  });
});

describe('directory forms: editing the fields that were not editable before', () => {
  const place = seed.places[0]! as Place;
  const ctx = ctxOf(place);

  test('thematiques, publics and frais are ticked from the shared vocabularies; languages; digital; accessibility; English texts', () => {
    const form = toForm('place', place);
    const extraTheme = THEMATIQUES.find((x) => !place.thematiques.includes(x))!;
    form.thematiques = [...(form.thematiques as string[]), extraTheme];
    form.publics = [PUBLICS[0]];
    form.frais = [FRAIS[0]];
    form.languages = ['fr', 'en'];
    form['digital.wifi'] = 'yes';
    form['digital.printer'] = 'no';
    form['accessibility.stepFree'] = 'yes';
    form['accessibility.url'] = 'https://example.fr/accessibilite';
    form['description.fr'] = 'Un accueil pour les démarches.';
    form['description.en'] = 'A desk for paperwork.';
    form['internal.directPhone'] = '05 49 00 00 01';
    const checked = validateForm('place', form, place, ctx, staffT);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const p = checked.record as Place;
    expect(p.thematiques.at(-1)).toBe(extraTheme);
    expect(p.publics).toEqual([PUBLICS[0]]);
    expect(p.frais).toEqual([FRAIS[0]]);
    expect(p.languages).toEqual(['fr', 'en']);
    expect(p.digital.wifi).toBe(true);
    expect(p.digital.printer).toBe(false);
    expect(p.accessibility).toMatchObject({ stepFree: true, url: 'https://example.fr/accessibilite' });
    expect(p.description).toEqual({ fr: 'Un accueil pour les démarches.', en: 'A desk for paperwork.' });
    expect(p.internal?.directPhone).toBe('05 49 00 00 01');
    // "Not known" removes the answer (absent, not false).
    form['digital.wifi'] = '';
    const again = validateForm('place', form, place, ctx, staffT);
    expect(again.ok && 'wifi' in (again.record as Place).digital).toBe(false);
  });

  test('a service is added with its own thematiques; a blank row is dropped', () => {
    const form = toForm('place', place);
    const def = FIELDS.place.find((d) => d.key === 'services')!;
    const item = newItem(def, () => 0.5);
    item.name = 'Aide CAF';
    item.thematiques = [THEMATIQUES[0]];
    form.services = [...(form.services as FormValues[]), item, newItem(def, () => 0.25)];
    const checked = validateForm('place', form, place, ctx, staffT);
    expect(checked.ok).toBe(true);
    if (checked.ok) expect((checked.record as Place).services.at(-1)).toEqual({ id: item.id, name: 'Aide CAF', thematiques: [THEMATIQUES[0]] });
  });

  test('a checklist: documents reordered, a step removed, a link added, English and review date kept', () => {
    const c = seed.checklists.find((x) => x.documents.length >= 2 && x.steps.length >= 2)! as Checklist;
    const form = toForm('checklist', c);
    const docs = form.documents as FormValues[];
    form.documents = [docs[1]!, docs[0]!, ...docs.slice(2)];
    form.steps = (form.steps as FormValues[]).slice(1);
    const linkDef = FIELDS.checklist.find((d) => d.key === 'links')!;
    form.links = [...(form.links as FormValues[]), { ...newItem(linkDef), label: 'Mes droits', url: 'https://www.mesdroitssociaux.gouv.fr' }];
    form.reviewedAt = '2026-11-30';
    const checked = validateForm('checklist', form, c, ctxOf(c), staffT);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const r = checked.record as Checklist;
    expect(r.documents.map((d) => d.id)).toEqual([c.documents[1]!.id, c.documents[0]!.id, ...c.documents.slice(2).map((d) => d.id)]);
    expect(r.documents[0]).toEqual(c.documents[1]);
    expect(r.steps).toEqual(c.steps.slice(1));
    expect(r.links.at(-1)).toEqual({ label: 'Mes droits', url: 'https://www.mesdroitssociaux.gouv.fr' });
    expect(r.reviewedAt).toBe('2026-11-30');
  });

  test('a mobility offer: all communes or some, eligibility, price, notice, location', () => {
    const m = seed.mobility[0]!;
    const form = toForm('mobility', m);
    form.communesServed = [seed.territory.communes[0]!.insee];
    form['eligibility.fr'] = 'Personnes de plus de 60 ans';
    form['price.fr'] = '2 € le trajet';
    form['booking.notice.fr'] = 'La veille avant midi';
    form['location.label'] = 'Gare de Civray';
    form['location.lat'] = '46,148';
    form['location.lon'] = '0.295';
    const checked = validateForm('mobility', form, m, ctxOf(m), staffT);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.record).toMatchObject({
      communesServed: [seed.territory.communes[0]!.insee], eligibility: { fr: 'Personnes de plus de 60 ans' }, price: { fr: '2 € le trajet' },
      booking: { notice: { fr: 'La veille avant midi' } }, location: { label: 'Gare de Civray', lat: 46.148, lon: 0.295 },
    });
    form.communesServed = 'all';
    const all = validateForm('mobility', form, m, ctxOf(m), staffT);
    expect(all.ok && (all.record as { communesServed: unknown }).communesServed).toBe('all');
  });
});

describe('directory forms: bad input gives French messages and no record', () => {
  test('url, phone, e-mail, number, date, empty lists and a missing French text are refused field by field', () => {
    const place = seed.places[0]!;
    const form = toForm('place', place);
    form.website = 'www.sans-protocole';
    form.phone = 'appelez-moi';
    form.email = 'pas un courriel';
    form.lat = 'quarante-six';
    form.verifiedAt = '30/11/2026';
    form['accessibility.url'] = 'ftp://example.fr';
    form['internal.directPhone'] = 'x';
    form['description.fr'] = '';
    form['description.en'] = 'Only English';
    const checked = validateForm('place', form, place, ctxOf(place), staffT);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors).toEqual({
      website: staffFr.ui['form.badUrl'], phone: staffFr.ui['form.badPhone'], email: staffFr.ui['form.badEmail'], lat: staffFr.ui['form.badNumber'],
      verifiedAt: staffFr.ui['form.badDate'], 'accessibility.url': staffFr.ui['form.badUrl'], 'internal.directPhone': staffFr.ui['form.badPhone'],
      description: staffFr.ui['form.required'],
    });
  });

  test('a checklist without documents, with a link to a bad address and an item without French', () => {
    const c = seed.checklists[0]!;
    const form = toForm('checklist', c);
    form.documents = [];
    const steps = form.steps as FormValues[];
    form.steps = [{ ...steps[0]!, 'label.fr': '', 'label.en': 'English only' }, ...steps.slice(1)];
    form.links = [{ _key: 'x', label: 'Un lien', url: 'caf.fr' }];
    const checked = validateForm('checklist', form, c, ctxOf(c), staffT);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors).toMatchObject({
      documents: staffFr.ui['form.listEmpty'], 'steps.0.label': staffFr.ui['form.required'], 'links.0.url': staffFr.ui['form.badUrl'],
    });
  });

  test('issue paths map to the form fields that show them', () => {
    expect(fieldOfPath('mobility', ['booking', 'notice', 'fr'])).toBe('booking.notice');
    expect(fieldOfPath('place', ['services', 2, 'description', 'fr'])).toBe('services.2.description');
    expect(fieldOfPath('tour', ['stops', 1, 'schedule'])).toBe('stops.1.schedule');
    expect(fieldOfPath('checklist', ['whereToGo', 'placeIds', 0])).toBe('whereToGo.placeIds');
  });
});
