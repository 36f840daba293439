import * as z from 'zod/mini';
import { userSchema, type User } from '../../shared/domain/user';
import type { Role } from '../../shared/domain/vocabularies';
import { apiErrorSchema } from '../../shared/sync/protocol';
import type { FetchLike } from './fetchLike';
import { DataLayerError } from './errors';

// The admin endpoints (src/server/http/adminRoutes.ts) for the staff screens: accounts and
// devices of the admin's territory. They need the network: a failure is an AdminApiError
// with a plain French message, never a silent empty list. Answers are parsed (docs/sync.md:
// nothing crosses a boundary unparsed). The token is the data layer's session token;
// screens never see it.

export class AdminApiError extends DataLayerError {}

export const deviceSchema = z.object({
  clientId: z.string(),
  userId: z.nullable(z.string()),
  login: z.nullable(z.string()),
  displayName: z.nullable(z.string()),
  lastSeen: z.nullable(z.string()),
  lastMutationId: z.number(),
  revokedAt: z.nullable(z.string()),
  /** What the device said it still held at its last sync, when the server knows it. */
  pending: z.optional(z.nullable(z.number())),
  pendingReportedAt: z.optional(z.nullable(z.string())),
});
export type Device = z.infer<typeof deviceSchema>;

/** One line of the admin audit log (GET /api/admin/audit). */
export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  action: z.string(),
  actor: z.object({ id: z.string(), login: z.nullable(z.string()), displayName: z.nullable(z.string()) }),
  target: z.string(),
  targetLabel: z.nullable(z.string()),
  details: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
const auditPageSchema = z.object({ entries: z.array(auditEntrySchema), nextBefore: z.nullable(z.number()) });
export type AuditPage = z.infer<typeof auditPageSchema>;

export interface NewAccount {
  login: string;
  displayName: string;
  role: Role;
  password: string;
}

export interface AdminApi {
  accounts(): Promise<User[]>;
  createAccount(account: NewAccount): Promise<User>;
  setDisabled(userId: string, disabled: boolean): Promise<User>;
  devices(): Promise<Device[]>;
  revokeDevice(clientId: string): Promise<void>;
  /** The territory's audit log, newest first; `before` is the previous page's `nextBefore`. */
  audit(page?: { before?: number; limit?: number }): Promise<AuditPage>;
  /**
   * One visit's note, read online (GET /api/notes/:visitId; the server writes an audit
   * line). The caller keeps it in memory only: no note is ever written to this browser.
   */
  readNote(visitId: string): Promise<VisitNote>;
  /** Erases one visit's note on the server (admins; every replica learns of it). */
  eraseNote(visitId: string): Promise<void>;
}

export const visitNoteSchema = z.object({ visitId: z.string(), aidantId: z.string(), receivedAt: z.string(), note: z.string() });
export type VisitNote = z.infer<typeof visitNoteSchema>;

export function createAdminApi(fetch: FetchLike, baseUrl: string, token: () => string | undefined): AdminApi {
  async function call<T>(path: string, schema: z.ZodMiniType<T>, init: { method?: string; body?: unknown } = {}): Promise<T> {
    const auth = token();
    if (!auth) throw new AdminApiError('not_signed_in', 'Not signed in with an admin account.');
    let res: Response;
    try {
      res = await fetch(`${baseUrl}/api${path.startsWith('/notes/') ? '' : '/admin'}${path}`, {
        method: init.method ?? 'GET',
        headers: {
          authorization: `Bearer ${auth}`, accept: 'application/json',
          ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      });
    } catch (error) {
      throw new AdminApiError('offline', 'No connection: this page needs the network.', { cause: error });
    }
    const body: unknown = await res.json().catch(() => undefined);
    if (!res.ok) {
      const e = apiErrorSchema.safeParse(body);
      // The server's code is worded by the interface; its French sentence stays the message
      // for a code the interface has no words for.
      if (!e.success) throw new AdminApiError('request_failed', `The server refused the request (HTTP ${res.status}).`, { params: { status: res.status } });
      throw new AdminApiError(e.data.code, e.data.message);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new AdminApiError('bad_answer', 'Unexpected answer from the server.');
    return parsed.data;
  }

  return {
    accounts: async () => (await call('/accounts', z.object({ accounts: z.array(userSchema) }))).accounts,
    createAccount: async (account) => (await call('/accounts', z.object({ user: userSchema }), { method: 'POST', body: account })).user,
    setDisabled: async (id, disabled) =>
      (await call(`/accounts/${encodeURIComponent(id)}/${disabled ? 'disable' : 'enable'}`, z.object({ user: userSchema }), { method: 'POST' })).user,
    devices: async () => (await call('/devices', z.object({ devices: z.array(deviceSchema) }))).devices,
    audit: async (page = {}) => {
      const q = new URLSearchParams();
      if (page.before !== undefined) q.set('before', String(page.before));
      if (page.limit !== undefined) q.set('limit', String(page.limit));
      const query = q.toString();
      return call(`/audit${query ? `?${query}` : ''}`, auditPageSchema);
    },
    readNote: (visitId) => call(`/notes/${encodeURIComponent(visitId)}`, visitNoteSchema),
    eraseNote: async (visitId) => void (await call(`/notes/${encodeURIComponent(visitId)}`, z.object({ ok: z.boolean() }), { method: 'DELETE' })),
    revokeDevice: async (clientId) => void (await call(`/devices/${encodeURIComponent(clientId)}/revoke`, z.object({ ok: z.boolean() }), { method: 'POST' })),
  };
}
