import { Hono } from 'hono';
import * as z from 'zod/mini';
import { uuidSchema } from '../../shared/domain/common';
import { ACCOUNT_COLUMNS, toUser, type AccountRow } from '../auth/accounts';
import { dummyPasswordHash, verifyPassword } from '../auth/password';
import { hashToken, newSessionToken } from '../auth/sessionToken';
import { ApiFailure } from './ApiFailure';
import { checkTerritory, clientIp, requireUser, type AppContext } from './AppContext';
import { readJsonBody } from './readJsonBody';

const loginBodySchema = z.object({
  login: z.string().check(z.minLength(1), z.maxLength(100)),
  password: z.string().check(z.minLength(1), z.maxLength(200)),
  clientId: uuidSchema,
});

export function authRoutes(app: AppContext): Hono {
  const r = new Hono();

  r.post('/login', async (c) => {
    const body = await readJsonBody(c, loginBodySchema);
    const login = body.login.trim().toLowerCase();
    const ip = clientIp(c, app.config.trustedProxies);
    const now = app.now();
    const wait = app.limiter.retryAfter(login, ip, now.getTime());
    if (wait > 0) {
      throw new ApiFailure('too_many_attempts', `Trop de tentatives. Réessayez dans ${Math.ceil(wait / 60)} minute(s).`, { retryAfter: wait }, { 'Retry-After': String(wait) });
    }
    const { rows } = await app.db.query<AccountRow & { password_hash: string }>(
      `SELECT ${ACCOUNT_COLUMNS}, password_hash FROM account WHERE login = $1`, [login],
    );
    const account = rows[0];
    // Same work whether the login exists or not, so timing does not reveal accounts.
    const ok = await verifyPassword(body.password, account?.password_hash ?? (await dummyPasswordHash()));
    if (!account || !ok) {
      app.limiter.recordFailure(login, ip, now.getTime());
      throw new ApiFailure('invalid_credentials', 'Identifiant ou mot de passe incorrect.');
    }
    app.limiter.recordSuccess(login);
    if (account.disabled) throw new ApiFailure('account_disabled', 'Ce compte est désactivé.');
    checkTerritory(app, c, account.territory_id);
    const token = newSessionToken();
    const expiresAt = new Date(now.getTime() + app.config.sessionDays * 86_400_000);
    await app.db.transaction(async (tx) => {
      const device = await tx.query<{ revoked_at: Date | null; territory_id: string | null }>(
        `SELECT c.revoked_at, a.territory_id FROM sync_client c LEFT JOIN account a ON a.id = c.user_id
          WHERE c.client_id = $1 FOR UPDATE OF c`, [body.clientId],
      );
      const d = device.rows[0];
      if (d?.revoked_at) throw new ApiFailure('device_revoked', 'Cet appareil a été révoqué par un administrateur.');
      // A device id is bound to one territory: its outbox and mutation ids belong there.
      if (d?.territory_id && d.territory_id !== account.territory_id) {
        throw new ApiFailure('client_mismatch', 'Cet appareil est enregistré pour un autre territoire.');
      }
      await tx.query(
        `INSERT INTO sync_client (client_id, user_id, last_seen) VALUES ($1, $2, $3)
         ON CONFLICT (client_id) DO UPDATE SET user_id = EXCLUDED.user_id, last_seen = EXCLUDED.last_seen`,
        [body.clientId, account.id, now],
      );
      await tx.query(
        'INSERT INTO session_token (token_hash, user_id, client_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
        [hashToken(token), account.id, body.clientId, now, expiresAt],
      );
    });
    return c.json({ token, expiresAt: expiresAt.toISOString(), user: toUser(account) });
  });

  r.post('/logout', async (c) => {
    const user = await requireUser(app, c);
    await app.db.query('UPDATE session_token SET revoked_at = $2 WHERE token_hash = $1', [user.tokenHash, app.now()]);
    app.sessions.forget();
    return c.json({ ok: true });
  });

  r.get('/me', async (c) => {
    const user = await requireUser(app, c);
    return c.json({
      user: { id: user.id, login: user.login, displayName: user.displayName, role: user.role, territoryId: user.territoryId, disabled: false },
      clientId: user.clientId,
    });
  });

  return r;
}
