// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { AdminApiError, createAdminApi } from '../../../src/app/data/adminApi';
import { lang } from '../../../src/app/i18n/i18n';
import { createMemoryStaff, renderStaff, STAFF_USER } from './memoryStaff';

afterEach(() => {
  cleanup();
  lang.value = 'fr';
});

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('admin API client', () => {
  test('sends the session token and parses the answers', async () => {
    const seen: Array<[string, string | null]> = [];
    const api = createAdminApi(async (url, init) => {
      seen.push([String(url), new Headers(init?.headers).get('authorization')]);
      return json(200, { devices: [{ clientId: 'c1', userId: 'u1', login: 'marie', displayName: 'Marie', lastSeen: null, lastMutationId: 4, revokedAt: null }] });
    }, '', () => 'token-token-token-token');
    const devices = await api.devices();
    expect(devices[0]).toMatchObject({ clientId: 'c1', lastMutationId: 4 });
    expect(seen).toEqual([['/api/admin/devices', 'Bearer token-token-token-token']]);
  });

  test('no network, a refusal, an odd answer: each a French message', async () => {
    const offline = createAdminApi(async () => { throw new TypeError('Failed to fetch'); }, '', () => 'token-token-token-token');
    await expect(offline.accounts()).rejects.toMatchObject({ code: 'offline', message: expect.stringMatching(/Pas de connexion/) });
    const refused = createAdminApi(async () => json(409, { code: 'login_taken', message: 'Cet identifiant est déjà utilisé.' }), '', () => 'token-token-token-token');
    await expect(refused.createAccount({ login: 'x', displayName: 'X', role: 'aidant', password: '0123456789' })).rejects.toMatchObject({ code: 'login_taken', message: 'Cet identifiant est déjà utilisé.' });
    const odd = createAdminApi(async () => json(200, { nope: true }), '', () => 'token-token-token-token');
    await expect(odd.devices()).rejects.toBeInstanceOf(AdminApiError);
    const signedOut = createAdminApi(async () => json(200, {}), '', () => undefined);
    await expect(signedOut.devices()).rejects.toMatchObject({ code: 'not_signed_in' });
  });
});

describe('devices and accounts screen', () => {
  test('says plainly that it needs the network', async () => {
    const { staff } = createMemoryStaff();
    staff.admin.devices = async () => { throw new AdminApiError('offline', 'Pas de connexion'); };
    renderStaff('/bureau/comptes', staff);
    await screen.findByText('Cette page demande internet : les appareils et les comptes sont sur le serveur.');
  });

  test('revoking a device asks first', async () => {
    const { staff } = createMemoryStaff();
    const revoked: string[] = [];
    staff.admin.devices = async () => [{ clientId: 'abcdef12-0000-4000-8000-000000000001', userId: 'u1', login: 'marie', displayName: 'Marie', lastSeen: '2026-11-30T10:00:00Z', lastMutationId: 12, revokedAt: null, pending: 3 }];
    staff.admin.revokeDevice = async (id) => void revoked.push(id);
    renderStaff('/bureau/comptes', staff);
    const table = (await screen.findByText('Appareils du territoire', { selector: 'caption' })).closest('table')!;
    expect(within(table).getByText('3')).toBeTruthy();
    fireEvent.click(within(table).getByRole('button', { name: /Révoquer Marie/ }));
    expect(revoked).toEqual([]);
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Confirmer' }));
    await waitFor(() => expect(revoked).toEqual(['abcdef12-0000-4000-8000-000000000001']));
    await screen.findByText('Appareil révoqué.');
  });

  test('a staff (not admin) account is told the page is for administrators; the menu speaks English', async () => {
    const { staff } = createMemoryStaff({ user: { ...STAFF_USER, role: 'staff' } });
    lang.value = 'en';
    renderStaff('/bureau/comptes', staff);
    await screen.findByText('This page is for administrators.');
    expect(screen.getByRole('navigation', { name: 'Office menu' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Devices and accounts' })).toBeNull();
  });
});
