import { signal, type ReadonlySignal } from '@preact/signals';
import * as z from 'zod/mini';
import { instantSchema } from '../../shared/domain/common';
import { userSchema, type User } from '../../shared/domain/user';
import { apiErrorSchema } from '../../shared/sync/protocol';
import type { FetchLike } from './fetchLike';
import { META, type EscaleDb } from './db';
import { DataLayerError } from './errors';

// The signed-in account of this device (aidant, staff), kept in the `meta` table so a
// tablet offline for hours still knows who it is. The token is sent as
// `Authorization: Bearer …` by the sync engine; screens never see it.

const storedSessionSchema = z.object({ token: z.string().check(z.minLength(20), z.maxLength(200)), expiresAt: instantSchema, user: userSchema });
type StoredSession = z.infer<typeof storedSessionSchema>;
const loginAnswerSchema = storedSessionSchema;

/** Login refused or impossible; `message` is the server's French sentence when it gave one. */
export class LoginFailedError extends DataLayerError {}

export interface AccountSession {
  /** The signed-in account, undefined on a public device. */
  readonly user: ReadonlySignal<User | undefined>;
  token(): string | undefined;
  load(): Promise<void>;
  login(login: string, password: string, clientId: string): Promise<User>;
  /** Forget the session here; tells the server when it can (best effort). */
  forget(): Promise<void>;
  /** Forget it in memory only (the stored copy was cleared by a wipe, the server refuses it). */
  dropLocal(): void;
}

export function createAccountSession(db: EscaleDb, fetch: FetchLike, baseUrl: string): AccountSession {
  const user = signal<User | undefined>(undefined);
  let current: StoredSession | undefined;

  function set(session: StoredSession | undefined): void {
    current = session;
    user.value = session?.user;
  }

  return {
    user,
    token: () => current?.token,
    async load() {
      const raw = (await db.meta.get(META.session))?.value;
      if (raw === undefined) return set(undefined);
      const parsed = storedSessionSchema.safeParse(raw);
      if (!parsed.success) console.warn('[data] stored session does not parse, ignored');
      set(parsed.success ? parsed.data : undefined);
    },
    async login(login, password, clientId) {
      let res: Response;
      try {
        res = await fetch(`${baseUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ login, password, clientId }),
        });
      } catch (err) {
        throw new LoginFailedError('offline', 'No connection: signing in needs the network.', { cause: err });
      }
      const body: unknown = await res.json().catch(() => undefined);
      if (!res.ok) {
        const e = apiErrorSchema.safeParse(body);
        // The server's code is worded by the interface; its French sentence stays the message
        // for a code the interface has no words for.
        if (!e.success) throw new LoginFailedError('login_failed', `Sign-in failed (HTTP ${res.status}).`, { params: { status: res.status } });
        const details = e.data.details as { retryAfter?: unknown } | undefined;
        const minutes = typeof details?.retryAfter === 'number' ? Math.max(1, Math.ceil(details.retryAfter / 60)) : undefined;
        throw new LoginFailedError(e.data.code, e.data.message, minutes !== undefined ? { params: { minutes } } : undefined);
      }
      const parsed = loginAnswerSchema.safeParse(body);
      if (!parsed.success) throw new LoginFailedError('bad_answer', 'Unexpected answer from the server.');
      await db.meta.put({ key: META.session, value: parsed.data });
      set(parsed.data);
      return parsed.data.user;
    },
    async forget() {
      const token = current?.token;
      await db.meta.delete(META.session);
      set(undefined);
      if (token) {
        await fetch(`${baseUrl}/api/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } }).catch(() => undefined);
      }
    },
    dropLocal: () => set(undefined),
  };
}
