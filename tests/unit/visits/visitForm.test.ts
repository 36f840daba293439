import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import territory from '../../../src/territories/civraisien-en-poitou/territory.json';
import { visitLogSchema } from '../../../src/shared/domain/visitLog';
import { EQUIPMENT, REFERRAL_PARTNERS, VISIT_THEMES } from '../../../src/shared/domain/vocabularies';
import { DURATION_PRESETS, newVisitDraft, type VisitDraft } from '../../../src/shared/visits/visitDraft';
import {
  draftFromVisit, hasNoReferral, setAutonomy, setDuration, setKind, setNoReferral, setNotes, setParticipants,
  setResidence, toggleEquipment, toggleReferral, toggleTheme, visitFormReducer, type VisitFormAction,
} from '../../../src/shared/visits/visitFormReducer';
import { validateDraft, type VisitContext, type VisitError } from '../../../src/shared/visits/validateDraft';
import { visitErrorText, visitErrorTexts } from '../../../src/app/aidant/i18n/visitErrorText';
import { applyLanguage } from '../../../src/app/i18n/lang';

const ctx: VisitContext = {
  id: '0b6c2a3e-6f1d-4c8a-9a57-3f4e2d1c0b9a',
  territoryId: 'civraisien-en-poitou',
  aidantId: 'aidant-marie',
  createdAt: '2026-11-22T10:15:00+01:00',
  sessionId: '5d1f0e2c-8b3a-4f6e-9c2d-1a0b9c8d7e6f',
  territoryInsee: new Set(territory.communes.map((c) => c.insee)),
};
const CIVRAY = '86078';

/** The two taps every visit needs on top of the defaults. */
const minimal = (): VisitDraft => setAutonomy(toggleTheme(newVisitDraft(), 'demarche-administrative'), 'partiellement-autonome');

const okVisit = (draft: VisitDraft) => {
  const r = validateDraft(draft, ctx);
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.errors)}`);
  return r.visit;
};
const errorsOf = (draft: VisitDraft) => {
  const r = validateDraft(draft, ctx);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
};
/** The error's words, as the form shows them (the aidant catalogue, French unless switched). */
const said = (error: VisitError | undefined) => {
  if (!error) throw new Error('expected an error');
  return visitErrorText(error);
};

describe('newVisitDraft (defaults for the common case)', () => {
  it('is an anonymous individual visit of 30 minutes, with no referral', () => {
    const d = newVisitDraft();
    expect(d).toMatchObject({ kind: 'individuel', participants: 1, durationMinutes: 30, ageBand: 'non-communique', referral: [], equipment: [], notes: '' });
    expect(d.residence).toEqual({ kind: 'non-dit' });
    expect(d.firstVisit).toBeUndefined();
    expect(hasNoReferral(d)).toBe(true);
  });

  it('needs only a theme and an autonomy level to be valid, and says so in French otherwise', () => {
    const errors = errorsOf(newVisitDraft());
    expect(errors).toEqual({ themes: { code: 'themes_required' }, autonomy: { code: 'autonomy_required' } });
    expect(visitErrorTexts(errors)).toEqual({
      themes: 'Choisissez au moins un thème.',
      autonomy: 'Choisissez le niveau d’autonomie de la personne.',
    });
    const visit = okVisit(minimal());
    expect(visitLogSchema.safeParse(visit).success).toBe(true);
  });

  it('produces an anonymous record: no commune, first visit, notes, only what the context gives', () => {
    const visit = okVisit(minimal());
    expect(visit).toEqual({
      id: ctx.id, territoryId: ctx.territoryId, sessionId: ctx.sessionId, aidantId: ctx.aidantId, createdAt: ctx.createdAt,
      kind: 'individuel', participants: 1, durationMinutes: 30, themes: ['demarche-administrative'], procedures: [],
      autonomy: 'partiellement-autonome', referral: [], ageBand: 'non-communique', equipment: [], checklistRuns: [],
    });
    expect('residenceInsee' in visit || 'firstVisit' in visit || 'notes' in visit).toBe(false);
  });
});

describe('kind and participants', () => {
  it('collective starts at 2 participants and keeps a larger count', () => {
    const c = setKind(minimal(), 'collectif');
    expect(c.participants).toBe(2);
    expect(setKind(setParticipants(c, 8), 'collectif').participants).toBe(8);
    expect(okVisit(setParticipants(c, 8))).toMatchObject({ kind: 'collectif', participants: 8 });
  });

  it('individual forces 1, and a count typed on an individual visit is ignored', () => {
    const back = setKind(setParticipants(setKind(minimal(), 'collectif'), 12), 'individuel');
    expect(back.participants).toBe(1);
    expect(setParticipants(back, 5).participants).toBe(1);
  });

  it('refuses a collective visit of fewer than 2 or more than 200 people, or a fraction', () => {
    const c = setKind(minimal(), 'collectif');
    const fewest = { code: 'collective_min', params: { min: 2 } };
    expect(errorsOf(setParticipants(c, 1)).participants).toEqual(fewest);
    expect(errorsOf(setParticipants(c, 2.5)).participants).toEqual(fewest);
    expect(said(errorsOf(setParticipants(c, 1)).participants)).toBe('Un atelier collectif compte au moins 2 personnes.');
    expect(errorsOf(setParticipants(c, 201)).participants).toEqual({ code: 'collective_max', params: { max: 200 } });
    expect(said(errorsOf(setParticipants(c, 201)).participants)).toBe('Un atelier collectif compte au plus 200 personnes.');
    expect(okVisit(setParticipants(c, 200)).participants).toBe(200);
  });
});

describe('duration', () => {
  it('accepts every preset', () => {
    for (const m of DURATION_PRESETS) expect(okVisit(setDuration(minimal(), m)).durationMinutes).toBe(m);
  });

  it('accepts custom whole minutes from 1 to 480 and refuses the rest with a French message', () => {
    expect(okVisit(setDuration(minimal(), 1)).durationMinutes).toBe(1);
    expect(okVisit(setDuration(minimal(), 480)).durationMinutes).toBe(480);
    for (const bad of [0, -5, 481, 12.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      const error = errorsOf(setDuration(minimal(), bad)).durationMinutes;
      expect(error).toEqual({ code: 'duration_range', params: { min: 1, max: 480 } });
      expect(said(error)).toBe('La durée doit être un nombre entier de minutes, entre 1 et 480 (8 heures).');
    }
  });
});

describe('exclusive options', () => {
  it('"aucune orientation" is the empty list: choosing it clears the partners', () => {
    const d = toggleReferral(toggleReferral(minimal(), 'caf'), 'msa');
    expect(d.referral).toEqual(['caf', 'msa']);
    expect(hasNoReferral(d)).toBe(false);
    const none = setNoReferral(d);
    expect(none.referral).toEqual([]);
    expect(hasNoReferral(none)).toBe(true);
    expect(toggleReferral(toggleReferral(none, 'cpam'), 'cpam').referral).toEqual([]);
  });

  it('"aucun" equipment clears the others, and another choice clears "aucun"', () => {
    const d = toggleEquipment(toggleEquipment(minimal(), 'smartphone'), 'ordinateur');
    expect(d.equipment).toEqual(['smartphone', 'ordinateur']);
    const none = toggleEquipment(d, 'aucun');
    expect(none.equipment).toEqual(['aucun']);
    expect(toggleEquipment(none, 'tablette').equipment).toEqual(['tablette']);
    expect(toggleEquipment(none, 'aucun').equipment).toEqual([]);
  });

  it('refuses "aucun" with another equipment if a draft was built by hand', () => {
    const d: VisitDraft = { ...minimal(), equipment: ['aucun', 'smartphone'] };
    expect(errorsOf(d).equipment).toEqual({ code: 'equipment_none_exclusive' });
    expect(said(errorsOf(d).equipment)).toBe('« Aucun équipement » ne peut pas être choisi avec un autre équipement.');
  });

  it('themes toggle on and off', () => {
    const d = toggleTheme(minimal(), 'sante');
    expect(d.themes).toEqual(['demarche-administrative', 'sante']);
    expect(toggleTheme(d, 'demarche-administrative').themes).toEqual(['sante']);
  });

  it('keeps the invariants whatever the sequence of taps (property)', () => {
    const action: fc.Arbitrary<VisitFormAction> = fc.oneof(
      fc.constantFrom(...VISIT_THEMES).map((theme) => ({ type: 'toggleTheme', theme }) as const),
      fc.constantFrom('individuel', 'collectif').map((kind) => ({ type: 'setKind', kind }) as const),
      fc.integer({ min: -3, max: 300 }).map((participants) => ({ type: 'setParticipants', participants }) as const),
      fc.constantFrom(...REFERRAL_PARTNERS).map((partner) => ({ type: 'toggleReferral', partner }) as const),
      fc.constant({ type: 'setNoReferral' } as const),
      fc.constantFrom(...EQUIPMENT).map((item) => ({ type: 'toggleEquipment', item }) as const),
      fc.constantFrom(...DURATION_PRESETS).map((minutes) => ({ type: 'setDuration', minutes }) as const),
    );
    fc.assert(fc.property(fc.array(action, { maxLength: 40 }), (actions) => {
      const d = actions.reduce(visitFormReducer, minimal());
      if (d.kind === 'individuel') expect(d.participants).toBe(1);
      expect(!d.equipment.includes('aucun') || d.equipment.length === 1).toBe(true);
      expect(new Set(d.themes).size).toBe(d.themes.length);
      expect(new Set(d.referral).size).toBe(d.referral.length);
      const r = validateDraft(d, ctx);
      // Whenever the rules accept, the schema does too.
      if (r.ok) expect(visitLogSchema.safeParse(r.visit).success).toBe(true);
      else if (d.themes.length > 0 && (d.kind === 'individuel' || (d.participants >= 2 && d.participants <= 200))) {
        throw new Error(`unexpected errors ${JSON.stringify(r.errors)}`);
      }
    }));
  });
});

describe('residence, first visit, notes', () => {
  it('keeps a commune of the territory, drops "hors territoire" and "non dit"', () => {
    expect(okVisit(setResidence(minimal(), { kind: 'commune', insee: CIVRAY })).residenceInsee).toBe(CIVRAY);
    expect(okVisit(setResidence(minimal(), { kind: 'hors-territoire' })).residenceInsee).toBeUndefined();
    const outside = errorsOf(setResidence(minimal(), { kind: 'commune', insee: '75056' })).residence;
    expect(outside).toEqual({ code: 'residence_outside' });
    expect(said(outside)).toBe('Cette commune n’est pas sur le territoire : choisissez « Hors territoire ».');
  });

  it('records first visit yes and no, and nothing when not said', () => {
    const reduce = (firstVisit: boolean | undefined) => okVisit(visitFormReducer(minimal(), { type: 'setFirstVisit', firstVisit }));
    expect(reduce(true).firstVisit).toBe(true);
    expect(reduce(false).firstVisit).toBe(false);
    expect('firstVisit' in reduce(undefined)).toBe(false);
  });

  it('trims notes, omits a blank one, refuses over 1000 characters', () => {
    expect(okVisit(setNotes(minimal(), '  rappeler pour la CSS  ')).notes).toBe('rappeler pour la CSS');
    expect('notes' in okVisit(setNotes(minimal(), '   \n '))).toBe(false);
    expect(okVisit(setNotes(minimal(), `  ${'a'.repeat(1000)}  `)).notes).toHaveLength(1000);
    const long = errorsOf(setNotes(minimal(), 'a'.repeat(1001))).notes;
    expect(long).toEqual({ code: 'notes_too_long', params: { length: 1001, max: 1000 } });
    expect(said(long)).toBe('La note fait 1001 caractères ; le maximum est 1000. Gardez l’essentiel pour le suivi.');
  });

  it('reports a bad context under "record", never throws', () => {
    const r = validateDraft(minimal(), { ...ctx, id: 'not-a-uuid' });
    expect(r).toEqual({ ok: false, errors: { record: { code: 'record_invalid' } } });
    if (!r.ok) expect(said(r.errors.record)).toBe('La visite n’a pas pu être enregistrée : une donnée de la session ou du compte est invalide.');
  });
});

describe('the errors in words (the aidant catalogue)', () => {
  afterEach(() => applyLanguage('fr'));
  const EVERY: Array<{ error: VisitError; fr: string; en: string }> = [
    { error: { code: 'collective_min', params: { min: 2 } }, fr: 'Un atelier collectif compte au moins 2 personnes.', en: 'A group workshop has at least 2 people.' },
    { error: { code: 'collective_max', params: { max: 200 } }, fr: 'Un atelier collectif compte au plus 200 personnes.', en: 'A group workshop has at most 200 people.' },
    { error: { code: 'individual_one' }, fr: 'Une visite individuelle concerne une seule personne.', en: 'An individual visit is for one person only.' },
    {
      error: { code: 'duration_range', params: { min: 1, max: 480 } },
      fr: 'La durée doit être un nombre entier de minutes, entre 1 et 480 (8 heures).',
      en: 'The duration must be a whole number of minutes, between 1 and 480 (8 hours).',
    },
    { error: { code: 'themes_required' }, fr: 'Choisissez au moins un thème.', en: 'Choose at least one theme.' },
    { error: { code: 'autonomy_required' }, fr: 'Choisissez le niveau d’autonomie de la personne.', en: 'Choose how independent the person was.' },
    {
      error: { code: 'equipment_none_exclusive' },
      fr: '« Aucun équipement » ne peut pas être choisi avec un autre équipement.',
      en: '“None” cannot be chosen together with other equipment.',
    },
    {
      error: { code: 'residence_outside' },
      fr: 'Cette commune n’est pas sur le territoire : choisissez « Hors territoire ».',
      en: 'This commune is not in the area: choose “Outside the area”.',
    },
    {
      error: { code: 'notes_too_long', params: { length: 1001, max: 1000 } },
      fr: 'La note fait 1001 caractères ; le maximum est 1000. Gardez l’essentiel pour le suivi.',
      en: 'The note has 1001 characters; the maximum is 1000. Keep what the follow-up needs.',
    },
    { error: { code: 'answer_invalid' }, fr: 'Cette réponse n’est pas valide. Choisissez-la de nouveau.', en: 'This answer is not valid. Choose it again.' },
    {
      error: { code: 'record_invalid' },
      fr: 'La visite n’a pas pu être enregistrée : une donnée de la session ou du compte est invalide.',
      en: 'The visit could not be saved: some data of the session or the account is invalid.',
    },
  ];

  it('words every code in French, and in English once the language is English', async () => {
    for (const { error, fr } of EVERY) expect(visitErrorText(error), error.code).toBe(fr);
    await applyLanguage('en');
    for (const { error, en } of EVERY) expect(visitErrorText(error), error.code).toBe(en);
  });

  it('a draft refused for its kind is said in English too', async () => {
    await applyLanguage('en');
    expect(said(errorsOf(setParticipants(setKind(minimal(), 'collectif'), 1)).participants)).toBe('A group workshop has at least 2 people.');
    expect(said(errorsOf({ ...minimal(), participants: 3 }).participants)).toBe('An individual visit is for one person only.');
  });
});

describe('draftFromVisit (correcting a queued visit)', () => {
  it('round-trips a visit through a draft', () => {
    let d = setKind(minimal(), 'collectif');
    d = setParticipants(d, 6);
    d = toggleEquipment(d, 'smartphone');
    d = toggleReferral(d, 'caf');
    d = setResidence(d, { kind: 'commune', insee: CIVRAY });
    d = visitFormReducer(d, { type: 'setFirstVisit', firstVisit: true });
    const visit = okVisit(setNotes(d, 'suivi CAF'));
    expect(okVisit(draftFromVisit(visit, visit.notes))).toEqual(visit);
  });
});
