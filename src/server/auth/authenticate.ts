import type { Queryable } from '../db/Database';
import { AuthFailure } from './AuthFailure';
import type { SessionCache } from './SessionCache';
import { hashToken } from './sessionToken';
import type { SessionUser } from './SessionUser';

interface Row {
  user_id: string;
  login: string;
  display_name: string;
  role: SessionUser['role'];
  territory_id: string;
  disabled: boolean;
  client_id: string;
  expires_at: Date;
  token_revoked: Date | null;
  device_revoked: Date | null;
}

/**
 * Resolves `Authorization: Bearer <token>`: undefined when there is no header (public),
 * the session user when valid, and an AuthFailure otherwise (answered 401/403). A bad
 * token is never downgraded to public: the device must learn it has to sign in again.
 */
export async function authenticate(db: Queryable, header: string | undefined, now: Date, cache?: SessionCache): Promise<SessionUser | undefined> {
  if (header === undefined || header === '') return undefined;
  const m = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header);
  if (!m) throw new AuthFailure('invalid_token', 'Jeton de session invalide. Reconnectez-vous.');
  const tokenHash = hashToken(m[1]!);
  const kept = cache?.get(tokenHash, now.getTime());
  if (kept) return kept;
  const generation = cache?.generation ?? 0;
  const { rows } = await db.query<Row>(
    `SELECT t.user_id, a.login, a.display_name, a.role, a.territory_id, a.disabled, t.client_id::text AS client_id,
            t.expires_at, t.revoked_at AS token_revoked, c.revoked_at AS device_revoked
       FROM session_token t JOIN account a ON a.id = t.user_id
       LEFT JOIN sync_client c ON c.client_id = t.client_id
      WHERE t.token_hash = $1`,
    [tokenHash],
    { pagesUnchanged: true },
  );
  const row = rows[0];
  if (!row) throw new AuthFailure('invalid_token', 'Jeton de session inconnu. Reconnectez-vous.');
  if (row.device_revoked) throw new AuthFailure('device_revoked', 'Cet appareil a été révoqué par un administrateur.');
  if (row.token_revoked) throw new AuthFailure('invalid_token', 'Session terminée. Reconnectez-vous.');
  if (new Date(row.expires_at).getTime() <= now.getTime()) throw new AuthFailure('token_expired', 'Session expirée. Reconnectez-vous.');
  if (row.disabled) throw new AuthFailure('account_disabled', 'Ce compte est désactivé.');
  const user: SessionUser = {
    id: row.user_id, login: row.login, displayName: row.display_name, role: row.role,
    territoryId: row.territory_id, clientId: row.client_id, tokenHash,
  };
  cache?.set(tokenHash, user, new Date(row.expires_at).getTime(), generation, now.getTime());
  return user;
}
