// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { openSealedNote } from '../../../src/server/sync/push/openSealedNote';
import { visitCreateV2Schema } from '../../../src/shared/sync/mutations';
import { memoryAidant, signInWith } from './support';

afterEach(cleanup);

describe('aidant space: notes sealed for the server', () => {
  test('with the server\'s key, the note travels sealed for the server (visit.create@2), never in clear', async () => {
    const backend = memoryAidant();
    const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
    const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
    backend.serverKey = { kid: 'k1', publicKey: { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y! } };
    const secret = 'Revenir avec le courrier de la CAF';
    await signInWith(backend, '/aidant/visite');
    fireEvent.click(await screen.findByRole('button', { name: 'Démarche en ligne' }));
    fireEvent.click(screen.getByRole('button', { name: 'Fait avec elle' }));
    fireEvent.input(screen.getByLabelText('Note de suivi (facultative)'), { target: { value: secret } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la visite' }));
    await screen.findByText('Visite enregistrée. Prête pour la suivante.');
    const entry = backend.outbox.at(-1)!;
    expect(entry.name).toBe('visit.create@2');
    const args = visitCreateV2Schema.parse(entry.args);
    expect(JSON.stringify(backend.outbox)).not.toContain('courrier');
    expect(args.sealedNotes?.kid).toBe('k1');
    expect(await openSealedNote(pair.privateKey, args.sealedNotes!, args.id)).toBe(secret);
    // Bound to its visit: the box moved onto another visit does not open.
    await expect(openSealedNote(pair.privateKey, args.sealedNotes!, crypto.randomUUID())).rejects.toThrow();
  });

});
