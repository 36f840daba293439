import { afterEach, describe, expect, test } from 'vitest';
import { AdminApiError } from '../../../src/app/data/adminApi';
import { LoginFailedError } from '../../../src/app/data/accountSession';
import {
  DataLayerError, InvalidInputError, LogoutRefusedError, RecordNotFoundError, ReloadNeededError, StorageFullError, VisitAlreadySentError,
} from '../../../src/app/data/errors';
import { BatchWriteError } from '../../../src/app/data/localWrites';
import { errorText } from '../../../src/app/i18n/errors/errorText';
import { applyLanguage } from '../../../src/app/i18n/i18n';

// The data layer throws codes and facts; the interface words them in the person's language.
// The French is word for word what the data layer used to put in `message`.

afterEach(() => applyLanguage('fr'));

const NAME_MISSING = { code: 'too_small', path: ['name'], minimum: 1 };

describe('errorText', () => {
  test('each data-layer error in French, as before', () => {
    expect(errorText(new StorageFullError())).toBe(
      "L'appareil n'a plus assez de place pour enregistrer. Rien n'a été perdu de ce qui était déjà gardé. Libérez de la place (photos, applications), puis recommencez.",
    );
    expect(errorText(new LogoutRefusedError(1))).toBe(
      "Impossible de se déconnecter pour l'instant : 1 changement attend d'être envoyé au serveur. Connectez l'appareil à internet et attendez la fin de l'envoi, puis réessayez.",
    );
    expect(errorText(new LogoutRefusedError(3))).toMatch(/^Impossible de se déconnecter pour l'instant : 3 changements attendent d'être envoyé/);
    expect(errorText(new RecordNotFoundError('place', 'p1'))).toBe("Cette fiche n'existe plus sur l'appareil (place p1). Synchronisez puis réessayez.");
    expect(errorText(new ReloadNeededError())).toMatch(/^Une nouvelle version de l'application est ouverte dans un autre onglet\./);
    expect(errorText(new VisitAlreadySentError())).toBe('Cette visite est déjà partie vers le serveur : proposez la correction au bureau.');
    expect(errorText(new InvalidInputError({ problem: 'issues', issues: [NAME_MISSING] }))).toBe(
      'Ces informations ne peuvent pas être enregistrées : name : trop court ou trop petit (minimum 1).',
    );
    expect(errorText(new InvalidInputError({ problem: 'duplicate_id', id: 'p1' }))).toBe(
      "Ces informations ne peuvent pas être enregistrées : une fiche porte déjà l'identifiant p1.",
    );
    // A throw site that still passes a sentence: said as before.
    expect(errorText(new InvalidInputError('action inconnue (x.y@1)'))).toBe('Ces informations ne peuvent pas être enregistrées : action inconnue (x.y@1).');
  });

  test('the same errors in English, never the developer message', async () => {
    await applyLanguage('en');
    const errors = [
      new StorageFullError(), new LogoutRefusedError(2), new RecordNotFoundError('place', 'p1'), new ReloadNeededError(), new VisitAlreadySentError(),
      new InvalidInputError({ problem: 'issues', issues: [NAME_MISSING] }), new InvalidInputError({ problem: 'not_editable', collection: 'visit' }),
    ];
    for (const error of errors) expect(errorText(error), error.code).not.toBe(error.message);
    expect(errorText(new LogoutRefusedError(2))).toMatch(/^You cannot sign out yet: 2 changes are waiting/);
    expect(errorText(new RecordNotFoundError('place', 'p1'))).toBe('This record is no longer on the device (place p1). Sync, then try again.');
    expect(errorText(new InvalidInputError({ problem: 'issues', issues: [NAME_MISSING] }))).toBe(
      'This information cannot be saved: name: too short or too small (minimum 1).',
    );
    expect(errorText(new InvalidInputError({ problem: 'not_editable', collection: 'visit' }))).toBe(
      'This information cannot be saved: this collection cannot be edited (visit).',
    );
  });

  test('server codes relayed by the login and the admin API', async () => {
    expect(errorText(new LoginFailedError('invalid_credentials', 'Identifiant ou mot de passe incorrect.'))).toBe('Identifiant ou mot de passe incorrect.');
    await applyLanguage('en');
    expect(errorText(new LoginFailedError('invalid_credentials', 'Identifiant ou mot de passe incorrect.'))).toBe('Wrong username or password.');
    expect(errorText(new LoginFailedError('offline', 'Pas de connexion.'))).toBe('No connection: signing in needs the internet. Try again when the device has a signal.');
    expect(errorText(new LoginFailedError('too_many_attempts', 'x', { params: { minutes: 2 } }))).toBe('Too many tries. Try again in 2 minute(s).');
  });

  test('a code it cannot word shows the thrown message: unknown, or without the facts its words need', () => {
    expect(errorText(new AdminApiError('invalid_query', 'Paramètres invalides.'))).toBe('Paramètres invalides.');
    expect(errorText(new AdminApiError('not_found', 'Compte introuvable.'))).toBe('Compte introuvable.');
    expect(errorText(new LoginFailedError('too_many_attempts', 'Trop de tentatives. Réessayez dans 2 minute(s).'))).toBe('Trop de tentatives. Réessayez dans 2 minute(s).');
    expect(errorText(new Error('boom'))).toBe('boom');
    expect(errorText('plain')).toBe('plain');
  });

  test('a wrapper takes the words of the error it wraps (a batch write)', () => {
    const inner = new InvalidInputError({ problem: 'issues', issues: [NAME_MISSING] });
    expect(errorText(new BatchWriteError(1, inner))).toBe(errorText(inner));
    expect(errorText(new DataLayerError('storage_full', 'full', { cause: new Error('quota') }))).toMatch(/^L'appareil n'a plus assez de place/);
  });
});
