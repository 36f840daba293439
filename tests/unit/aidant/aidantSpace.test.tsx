// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import type { Signal } from '@preact/signals';
import { afterEach, describe, expect, test } from 'vitest';
import { lang } from '../../../src/app/i18n/i18n';
import type { SyncStatus } from '../../../src/app/data/contracts';
import { controllerFor } from '../../../src/app/aidant/aidantController';
import { decryptNote } from '../../../src/app/aidant/crypto/noteBox';
import { WrongPinError } from '../../../src/app/aidant/crypto/errors';
import { deriveKey } from '../../../src/app/aidant/crypto/deriveKey';
import { fromBase64 } from '../../../src/app/crypto/base64';
import { visitLogSchema } from '../../../src/shared/domain/visitLog';
import { MARIE, PASSWORD, PIN, TUESDAY_MORNING, memoryAidant, renderAidant, seed, signInWith } from './support';

afterEach(cleanup);


async function typePin(id: string, pin: string) {
  fireEvent.input(await screen.findByLabelText('Code', { selector: `#${id}` }), { target: { value: pin } });
}

/** Sign in online as Marie and choose the PIN: the space opens on "Aujourd'hui". */
const signInAndChoosePin = (url = '/aidant') => signInWith(memoryAidant(), url);

describe('aidant space: sign-in, PIN, lock', () => {
  test('signs in online once, chooses a PIN, locks and unlocks offline with it', async () => {
    const { backend, controller } = await signInAndChoosePin();
    expect(screen.getByRole('heading', { level: 1, name: 'Aujourd’hui' })).toBeTruthy();
    // The profile keeps a salt and a verifier, never the PIN.
    const [profile] = await backend.profiles.list();
    expect(JSON.stringify(profile)).not.toContain(PIN);

    backend.online = false;
    fireEvent.click(screen.getByRole('button', { name: 'Verrouiller' }));
    await screen.findByRole('heading', { name: 'Bonjour Marie Aidante' });
    expect(controller.current.value).toBeUndefined();

    // A wrong PIN is refused and says how many tries are left.
    await typePin('pin-unlock', '9051');
    fireEvent.click(screen.getByRole('button', { name: 'Ouvrir' }));
    await screen.findByText(/Code incorrect\. Encore 9 essais/);
    await typePin('pin-unlock', PIN);
    fireEvent.click(screen.getByRole('button', { name: 'Ouvrir' }));
    await screen.findByText('Connecté : Marie Aidante');
  });

  test('the digit buttons enter the PIN (nothing to type)', async () => {
    await signInAndChoosePin();
    fireEvent.click(screen.getByRole('button', { name: 'Verrouiller' }));
    await screen.findByRole('heading', { name: 'Bonjour Marie Aidante' });
    for (const d of PIN) fireEvent.click(screen.getAllByRole('button', { name: d })[0]!);
    expect((document.getElementById('pin-unlock') as HTMLInputElement).value).toBe(PIN);
    fireEvent.click(screen.getByRole('button', { name: 'Ouvrir' }));
    await screen.findByText('Connecté : Marie Aidante');
  });

  test('"Changer d’aidant" lets a second aidant sign in under their own name', async () => {
    const { controller } = await signInAndChoosePin();
    fireEvent.click(screen.getByRole('button', { name: 'Changer d’aidant' }));
    await screen.findByRole('heading', { name: 'Qui utilise la tablette ?' });
    expect(controller.current.value).toBeUndefined();
    fireEvent.click(screen.getByRole('button', { name: 'Un autre aidant : se connecter' }));
    fireEvent.input(await screen.findByLabelText('Identifiant'), { target: { value: 'paul' } });
    fireEvent.input(screen.getByLabelText('Mot de passe'), { target: { value: PASSWORD } });
    fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    await screen.findByRole('heading', { name: 'Choisissez votre code' });
    fireEvent.input(document.getElementById('pin-new')!, { target: { value: '5938' } });
    fireEvent.input(document.getElementById('pin-confirm')!, { target: { value: '5938' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le code' }));
    await screen.findByText('Connecté : Paul Aidant');
    expect(controller.current.value?.userId).toBe('aidant-paul');
    expect((await controller.pinLock.profiles()).map((p) => p.displayName)).toEqual(['Marie Aidante', 'Paul Aidant']);
  });

  test('a forgotten PIN is replaced only after signing in again online', async () => {
    const { controller } = await signInAndChoosePin();
    fireEvent.click(screen.getByRole('button', { name: 'Verrouiller' }));
    await screen.findByRole('heading', { name: 'Bonjour Marie Aidante' });
    expect(screen.queryByRole('button', { name: 'Code oublié : en choisir un nouveau' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Changer d’aidant' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Un autre aidant : se connecter' }));
    fireEvent.input(await screen.findByLabelText('Identifiant'), { target: { value: 'marie' } });
    fireEvent.input(screen.getByLabelText('Mot de passe'), { target: { value: PASSWORD } });
    fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Code oublié : en choisir un nouveau' }));
    await screen.findByRole('heading', { name: 'Choisissez votre code' });
    fireEvent.input(document.getElementById('pin-new')!, { target: { value: '5938' } });
    fireEvent.input(document.getElementById('pin-confirm')!, { target: { value: '5938' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le code' }));
    await screen.findByText('Connecté : Marie Aidante');
    controller.lock();
    expect((await controller.pinLock.unlock(MARIE.id, '5938')).ok).toBe(true);
  });

  test('locks itself after inactivity', async () => {
    const backend = memoryAidant();
    const controller = controllerFor(backend, { iterations: 1_000, inactivityMs: 50 });
    renderAidant('/aidant', backend);
    const { user, token } = await backend.login('marie', PASSWORD);
    await controller.pinLock.signedIn({ userId: user.id, login: user.login, displayName: user.displayName, token });
    const set = await controller.pinLock.setPin(user.id, PIN);
    if (!set.ok) throw new Error(set.reason);
    await controller.opened(user.id, set.key);
    await screen.findByText('Connecté : Marie Aidante');
    await screen.findByRole('heading', { name: 'Bonjour Marie Aidante' }, { timeout: 3000 });
    expect(controller.current.value).toBeUndefined();
    controller.dispose();
  });
});

describe('aidant space in English', () => {
  test('the gate and the visit form speak English', async () => {
    lang.value = 'en';
    try {
      await signInWithEnglish();
    } finally {
      lang.value = 'fr';
    }
  });
});

async function signInWithEnglish() {
  const backend = memoryAidant();
  renderAidant('/aidant/visite', backend);
  await screen.findByRole('heading', { name: 'Helper sign-in' }, { timeout: 15_000 });
  fireEvent.input(screen.getByLabelText('Username'), { target: { value: 'marie' } });
  fireEvent.input(screen.getByLabelText('Password'), { target: { value: PASSWORD } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
  await screen.findByRole('heading', { name: 'Choose your code' });
  // The lock's refusal, worded in English on the gate.
  fireEvent.input(document.getElementById('pin-new')!, { target: { value: '1234' } });
  fireEvent.input(document.getElementById('pin-confirm')!, { target: { value: '1234' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save the code' }));
  expect((await screen.findByRole('alert')).textContent).toBe('This code is too easy to guess. Choose another one.');
  fireEvent.input(document.getElementById('pin-new')!, { target: { value: PIN } });
  fireEvent.input(document.getElementById('pin-confirm')!, { target: { value: PIN } });
  fireEvent.click(screen.getByRole('button', { name: 'Save the code' }));
  await screen.findByRole('heading', { name: 'Log a visit' }, { timeout: 5000 });
  fireEvent.click(screen.getByRole('button', { name: 'Online procedure' }));
  // The form's field errors, worded in English.
  fireEvent.click(screen.getByRole('button', { name: 'Save the visit' }));
  await screen.findByText('Choose how independent the person was.');
  fireEvent.click(screen.getByRole('button', { name: 'Done together' }));
  fireEvent.click(screen.getByRole('button', { name: 'Save the visit' }));
  await screen.findByText('Visit saved. Ready for the next one.');
  expect(backend.outbox.map((e) => e.name)).toEqual(['visit.create@1']);
}

describe('aidant space: an itinerant session', () => {
  // Issue 22: the seed's meeting points are each "Centre de <commune>"; the list of stops
  // says the commune once, not "Civray — Centre de Civray" on every line.
  test('each stop is named by its commune alone when its meeting point only repeats it', async () => {
    await signInAndChoosePin('/aidant/session');
    await screen.findByRole('heading', { name: 'Ouvrir une session' });
    const names = await waitFor(() => {
      const found = [...document.querySelectorAll<HTMLButtonElement>('.stop-button strong')].map((b) => b.textContent ?? '');
      expect(found.length).toBeGreaterThan(30);
      return found;
    }, { timeout: 10_000 });
    const communes = new Set(seed.territory.communes.map((c) => c.name));
    for (const name of names) expect(communes.has(name), name).toBe(true);
  });

  test('opens at one of today\'s stops, prefilled from the tour, with a coverage observation; closes with another', async () => {
    const { backend } = await signInAndChoosePin('/aidant/session');
    await screen.findByRole('heading', { name: 'Ouvrir une session' });
    // Tuesday 1 December 2026: the first Tuesday's stops, from the tours' schedules.
    const stops = await waitFor(() => {
      const found = document.querySelectorAll<HTMLButtonElement>('fieldset .stop-button');
      expect(found.length).toBeGreaterThan(0);
      return found;
    }, { timeout: 10_000 });
    fireEvent.click(stops[0]!);
    fireEvent.click(screen.getByRole('button', { name: 'Commencer la session' }));
    await screen.findByText(/Session en cours à/);
    const [open, coverage] = backend.outbox;
    expect(open?.name).toBe('session.open@1');
    const session = open!.args as { id: string; tourId?: string; stopId?: string; insee: string; vehicle: string; date: string; aidantIds: string[] };
    const tour = seed.tours.find((t) => t.id === session.tourId)!;
    const stop = tour.stops.find((s) => s.id === session.stopId)!;
    expect(session).toMatchObject({ insee: stop.insee, vehicle: tour.vehicle, date: '2026-12-01', aidantIds: [MARIE.id] });
    expect(coverage).toMatchObject({ name: 'coverage.record@1', args: { sessionId: session.id, stopId: stop.id, insee: stop.insee, online: expect.any(Boolean) } });

    fireEvent.click(screen.getByRole('button', { name: 'Fermer la session' }));
    await screen.findByText('Session fermée. Merci !');
    expect(backend.outbox.slice(2).map((e) => e.name)).toEqual(['coverage.record@1', 'session.close@1']);
  });
});

describe('aidant space: logging a visit', () => {
  test('a common visit is 3 taps (theme, autonomy, save) and a valid visit in the outbox', async () => {
    const { backend } = await signInAndChoosePin('/aidant/visite');
    await screen.findByRole('heading', { name: 'Noter une visite' });
    const before = backend.outbox.length;
    fireEvent.click(screen.getByRole('button', { name: 'Démarche en ligne' }));
    fireEvent.click(screen.getByRole('button', { name: 'Fait avec elle' }));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la visite' }));
    await screen.findByText('Visite enregistrée. Prête pour la suivante.');
    const added = backend.outbox.slice(before);
    expect(added.map((e) => e.name)).toEqual(['visit.create@1']);
    const visit = visitLogSchema.parse(added[0]!.args);
    expect(visit).toMatchObject({
      aidantId: MARIE.id, kind: 'individuel', participants: 1, durationMinutes: 30,
      themes: ['demarche-administrative'], autonomy: 'partiellement-autonome', referral: [], ageBand: 'non-communique',
    });
    expect(visit.residenceInsee).toBeUndefined();
    // The form is ready for the next person.
    expect(screen.getByRole('button', { name: 'Démarche en ligne' }).getAttribute('aria-pressed')).toBe('false');
  });

  test('a missing answer is said beside its group and nothing is stored', async () => {
    const { backend } = await signInAndChoosePin('/aidant/visite');
    await screen.findByRole('heading', { name: 'Noter une visite' });
    const before = backend.outbox.length;
    fireEvent.click(screen.getByRole('button', { name: 'Démarche en ligne' }));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la visite' }));
    await screen.findByText('Choisissez le niveau d’autonomie de la personne.');
    expect(backend.outbox.length).toBe(before);
  });

  test('a checklist run done with the person is attached to the visit', async () => {
    const { backend } = await signInAndChoosePin('/aidant/demarche');
    await screen.findByRole('heading', { name: 'Démarche avec une personne' });
    const buttons = document.querySelectorAll<HTMLButtonElement>('.checklist-picker button');
    fireEvent.click(buttons[0]!);
    const boxes = await waitFor(() => {
      const found = document.querySelectorAll<HTMLInputElement>('.checklist-docs input[type=checkbox]');
      expect(found.length).toBeGreaterThan(1);
      return found;
    });
    fireEvent.click(boxes[0]!);
    fireEvent.input(screen.getByLabelText('Ce qui manque (facultatif)'), { target: { value: 'Avis d’imposition' } });
    expect(document.querySelector('.summary-text')?.textContent).toContain('Avis d’imposition');
    fireEvent.click(screen.getByRole('button', { name: 'Joindre à la visite' }));
    await screen.findByText('Démarches faites avec la personne : 1');
    fireEvent.click(screen.getByRole('button', { name: 'Démarche en ligne' }));
    fireEvent.click(screen.getByRole('button', { name: 'Fait pour elle' }));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la visite' }));
    await screen.findByText('Visite enregistrée. Prête pour la suivante.');
    const visit = visitLogSchema.parse(backend.outbox.at(-1)!.args);
    expect(visit.checklistRuns).toHaveLength(1);
    expect(visit.checklistRuns[0]).toMatchObject({ documentsChecked: [expect.any(String)], missingNote: 'Avis d’imposition' });
  });

  test('a follow-up note is never written in clear; only its author can open it', async () => {
    const { backend, controller } = await signInAndChoosePin('/aidant/visite');
    await screen.findByRole('heading', { name: 'Noter une visite' });
    const secret = 'Rappeler Mme Dupont au 05 49 00 00 00 pour la CAF';
    fireEvent.click(screen.getByRole('button', { name: 'Démarche en ligne' }));
    fireEvent.click(screen.getByRole('button', { name: 'Fait avec elle' }));
    fireEvent.input(screen.getByLabelText('Note de suivi (facultative)'), { target: { value: secret } });
    // The minimisation warning shows; it does not block.
    await screen.findByText(/numéro de téléphone/);
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la visite' }));
    await screen.findByText('Visite enregistrée. Prête pour la suivante.');

    // Everything written at rest: outbox, notes store, profiles. No plaintext anywhere.
    const written = JSON.stringify({ outbox: backend.outbox, notes: [...backend.notes.dump()], profiles: [...backend.profiles.dump()], visits: await backend.visits() });
    expect(written).not.toContain('Dupont');
    expect(written).not.toContain('05 49');
    const visit = visitLogSchema.parse(backend.outbox.at(-1)!.args);
    expect(visit.notes).toBeUndefined();

    const stored = await controller.notes.get(visit.id);
    expect(stored?.authorId).toBe(MARIE.id);
    expect(await decryptNote(controller.current.value!.key, stored!.box, visit.id)).toBe(secret);
    // Another PIN (another aidant, or a guess) cannot read it.
    const profile = (await backend.profiles.list())[0] as { pinSalt: string; pinIterations: number };
    const wrong = await deriveKey('5938', fromBase64(profile.pinSalt)!, profile.pinIterations);
    await expect(decryptNote(wrong, stored!.box, visit.id)).rejects.toBeInstanceOf(WrongPinError);

    // The author reads it back from the day's list.
    fireEvent.click(screen.getByRole('link', { name: 'Aujourd’hui' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Voir ma note' }));
    await screen.findByText(secret);
  });

  test('a queued visit is corrected in place; once a push took it, the correction goes to the office', async () => {
    const { backend, controller } = await signInAndChoosePin('/aidant/visite');
    fireEvent.click(await screen.findByRole('button', { name: 'Démarche en ligne' }));
    fireEvent.click(screen.getByRole('button', { name: 'Fait avec elle' }));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la visite' }));
    await screen.findByText('Visite enregistrée. Prête pour la suivante.');
    const [created] = backend.outbox;
    expect(backend.outbox.map((e) => e.authorId)).toEqual([MARIE.id]);

    fireEvent.click(screen.getByRole('link', { name: 'Aujourd’hui' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Corriger' }));
    await screen.findByRole('heading', { name: 'Corriger la visite' });
    expect(screen.getByRole('button', { name: 'Démarche en ligne' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: '60 min' }));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la correction' }));
    await screen.findByRole('heading', { level: 1, name: 'Aujourd’hui' });
    expect(backend.outbox).toHaveLength(1);
    const corrected = visitLogSchema.parse(backend.outbox[0]!.args);
    expect(backend.outbox[0]!.id).toBe(created!.id);
    expect(corrected).toMatchObject({ id: (created!.args as { id: string }).id, durationMinutes: 60 });

    // The push has taken it: no edit in place any more, a proposal to the office instead.
    backend.takeAll();
    controller.changed.value++;
    fireEvent.click(await screen.findByRole('button', { name: 'Signaler une erreur' }));
    expect(screen.queryByRole('button', { name: 'Corriger' })).toBeNull();
    fireEvent.input(screen.getByLabelText('Signaler une erreur sur cette visite'), { target: { value: 'Durée : 45 minutes, pas 60.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer au bureau' }));
    await screen.findByText(/la correction partira vers le bureau/);
    expect(backend.outbox.at(-1)).toMatchObject({
      name: 'correction.propose@1',
      args: { collection: 'visit', recordId: corrected.id, proposedBy: MARIE.id, status: 'pending', message: 'Durée : 45 minutes, pas 60.' },
    });
  });

  test('a revoked tablet says so, then, wiped, locks out the aidant and says what was erased', async () => {
    const { backend, view, controller } = await signInAndChoosePin('/aidant/visite');
    fireEvent.click(await screen.findByRole('button', { name: 'Démarche en ligne' }));
    fireEvent.click(screen.getByRole('button', { name: 'Fait avec elle' }));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la visite' }));
    await screen.findByText('Visite enregistrée. Prête pour la suivante.');
    (view.services.syncStatus as Signal<SyncStatus | undefined>).value = { kind: 'actionNeeded', reason: 'deviceRevoked', count: 1 };
    await screen.findByText(/Cette tablette a été retirée par le bureau : le serveur la refuse \(1 visite à envoyer\)\. Ses données vont être effacées\./);
    await backend.wipe(TUESDAY_MORNING);
    const notice = await screen.findByRole('alert', { name: 'Tablette retirée par le bureau' });
    expect(notice.textContent).toContain('1 changement(s) pas encore envoyé(s) ont été effacés');
    await waitFor(() => expect(controller.current.value).toBeUndefined());
    await screen.findByRole('heading', { name: 'Connexion de l’aidant' });
    expect(screen.queryByText('Connecté : Marie Aidante')).toBeNull();
  });

  test('an expired session says so plainly and keeps what was not sent', async () => {
    const { backend, view } = await signInAndChoosePin('/aidant/visite');
    fireEvent.click(await screen.findByRole('button', { name: 'Démarche en ligne' }));
    fireEvent.click(screen.getByRole('button', { name: 'Fait avec elle' }));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la visite' }));
    await screen.findByText('Visite enregistrée. Prête pour la suivante.');
    expect(backend.outbox).toHaveLength(1);
    (view.services.syncStatus as Signal<SyncStatus | undefined>).value = { kind: 'actionNeeded', reason: 'sessionExpired', count: 1 };
    await screen.findByText(/La connexion au serveur a expiré/);
    fireEvent.click(screen.getByRole('button', { name: 'Se reconnecter' }));
    await screen.findByRole('heading', { name: 'Connexion de l’aidant' });
    expect(backend.outbox).toHaveLength(1);
  });

  test('logout is refused while changes wait, and nothing is wiped', async () => {
    const { backend } = await signInAndChoosePin('/aidant/visite');
    fireEvent.click(await screen.findByRole('button', { name: 'Démarche en ligne' }));
    fireEvent.click(screen.getByRole('button', { name: 'Fait avec elle' }));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la visite' }));
    await screen.findByText('Visite enregistrée. Prête pour la suivante.');
    fireEvent.click(screen.getByRole('link', { name: /À envoyer/ }));
    await screen.findByText('1 visite à envoyer', { selector: '.waiting-count' });
    fireEvent.click(screen.getByRole('button', { name: 'Déconnecter ce compte de la tablette' }));
    await screen.findByText('Déconnexion impossible : 1 élément pas encore envoyé. Connectez la tablette à internet et synchronisez d’abord.');
    expect(backend.outbox).toHaveLength(1);
    expect(await backend.profiles.list()).toHaveLength(1);
  });
});
