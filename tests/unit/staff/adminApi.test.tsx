// @vitest-environment happy-dom
import { errorText } from '../../../src/app/i18n/errors/errorText';
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


const CAPTION = 'Journal des actions d’administration et des modifications de l’annuaire';
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

  test('no network, a refusal, an odd answer: each a coded error the interface words in French', async () => {
    const offline = createAdminApi(async () => { throw new TypeError('Failed to fetch'); }, '', () => 'token-token-token-token');
    const cut = await offline.accounts().catch((e: unknown) => e);
    expect(cut).toMatchObject({ code: 'offline' });
    expect(errorText(cut)).toMatch(/Pas de connexion/);
    const failing = createAdminApi(async () => new Response('<html>bad gateway</html>', { status: 502 }), '', () => 'token-token-token-token');
    expect(errorText(await failing.accounts().catch((e: unknown) => e))).toBe('Le serveur a refusé la demande (erreur 502). Réessayez.');
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

  test('the action log lists who did what, on what, newest first; a revoke shows at once; older lines on demand', async () => {
    const { staff } = createMemoryStaff();
    const device = 'abcdef12-0000-4000-8000-000000000001';
    const line = (id: number, action: string, target: string, targetLabel: string | null, details: unknown = {}) => ({
      id, at: `2026-11-30T1${id % 10}:00:00Z`, action, actor: { id: 'staff-1', login: 'bureau', displayName: 'Bureau Civray' }, target, targetLabel, details,
    });
    let log = [line(2, 'account.disable', 'u2', 'Paul (paul)'), line(1, 'account.create', 'u2', 'Paul (paul)', { login: 'paul', role: 'aidant' })];
    const asked: Array<number | undefined> = [];
    staff.admin.audit = async (page = {}) => {
      asked.push(page.before);
      return page.before === undefined ? { entries: log.slice(0, 2), nextBefore: log.length > 2 ? log[1]!.id : null } : { entries: log.slice(2), nextBefore: null };
    };
    staff.admin.devices = async () => [{ clientId: device, userId: 'u1', login: 'marie', displayName: 'Marie', lastSeen: null, lastMutationId: 1, revokedAt: null }];
    staff.admin.revokeDevice = async () => void (log = [line(3, 'device.revoke', device, 'Marie (marie)'), ...log]);
    renderStaff('/bureau/comptes', staff);
    await screen.findByRole('heading', { level: 2, name: 'Journal des actions' });
    const table = (await screen.findByText(CAPTION, { selector: 'caption' })).closest('table')!;
    expect(within(table).getAllByRole('rowheader').map((c) => c.textContent)).toEqual(['Compte désactivé', 'Compte créé — Aidant']);
    expect(within(table).getAllByText('Bureau Civray (bureau)')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: /Révoquer Marie/ }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Confirmer' }));
    await waitFor(() => expect(within(screen.getByText(CAPTION, { selector: 'caption' }).closest('table')!).getAllByRole('rowheader')[0]!.textContent).toBe('Appareil révoqué'));
    expect(screen.getByText(/abcdef12/, { selector: '.audit-log td span' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Afficher les actions plus anciennes' }));
    await waitFor(() => expect(within(screen.getByText(CAPTION, { selector: 'caption' }).closest('table')!).getAllByRole('rowheader')).toHaveLength(3));
    expect(asked.at(-1)).toBe(2);
  });

  test('directory edits pushed by staff show in the log: what, which version, the record’s name as a link', async () => {
    const { staff } = createMemoryStaff();
    const entry = (id: number, action: string, target: string, targetLabel: string | null, version: number) => ({
      id, at: '2026-11-30T10:00:00Z', action, actor: { id: 'staff-2', login: 'paulette', displayName: 'Paulette R.' }, target, targetLabel, details: { version },
    });
    staff.admin.audit = async () => ({
      entries: [
        entry(3, 'tour.delete', 'tournee-sud', null, 4),
        entry(2, 'place.update', 'mfs-civray', 'Maison France Services de Civray', 3),
        entry(1, 'checklist.create', 'demarche-rsa', 'Demander le RSA', 1),
      ],
      nextBefore: null,
    });
    renderStaff('/bureau/comptes', staff);
    const table = (await screen.findByText(CAPTION, { selector: 'caption' })).closest('table')!;
    expect(within(table).getAllByRole('rowheader').map((c) => c.textContent)).toEqual([
      'Tournée supprimée — version 4', 'Lieu modifié — version 3', 'Démarche ajoutée — version 1',
    ]);
    expect(within(table).getByRole('link', { name: 'Maison France Services de Civray' }).getAttribute('href')).toBe('/bureau/lieux/mfs-civray');
    expect(within(table).getByRole('link', { name: 'Demander le RSA' })).toBeTruthy();
    // A deleted record: its id, no link.
    expect(within(table).getByText('tournee-sud').closest('a')).toBeNull();
    expect(within(table).getAllByText('Paulette R. (paulette)')).toHaveLength(3);
  });

  test('the client asks /audit with before and limit and parses the page', async () => {
    const seen: string[] = [];
    const api = createAdminApi(async (url) => {
      seen.push(String(url));
      return json(200, { entries: [], nextBefore: null });
    }, '', () => 'token-token-token-token');
    expect(await api.audit({ before: 40, limit: 20 })).toEqual({ entries: [], nextBefore: null });
    await api.audit();
    expect(seen).toEqual(['/api/admin/audit?before=40&limit=20', '/api/admin/audit']);
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
