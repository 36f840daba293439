import { Hono } from 'hono';
import * as z from 'zod/mini';
import { nonEmptyText, uuidSchema } from '../../shared/domain/common';
import { loginSchema } from '../../shared/domain/user';
import { ROLES } from '../../shared/domain/vocabularies';
import { readAudit } from '../admin/readAudit';
import { writeAudit } from '../admin/writeAudit';
import { ACCOUNT_COLUMNS, createAccount, LoginTakenError, toUser, type AccountRow } from '../auth/accounts';
import { ApiFailure } from './ApiFailure';
import { requireUser, type AppContext } from './AppContext';
import { readJsonBody } from './readJsonBody';

const ADMIN = ['admin'] as const;

const newAccountSchema = z.object({
  login: loginSchema,
  displayName: nonEmptyText(100),
  role: z.enum(ROLES),
  password: z.string().check(z.minLength(10), z.maxLength(200)),
});

/** `?before=&limit=` of the audit log: positive integers, limit 1–200 (50 when absent). */
const auditQuerySchema = z.object({
  before: z.optional(z.string().check(z.regex(/^[1-9][0-9]{0,17}$/))),
  limit: z.optional(z.string().check(z.regex(/^(?:[1-9][0-9]?|1[0-9][0-9]|200)$/))),
});

const accountIdSchema = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/));

/** Accounts and devices of the admin's own territory; every change is audited. */
export function adminRoutes(app: AppContext): Hono {
  const r = new Hono();

  r.get('/accounts', async (c) => {
    const admin = await requireUser(app, c, ADMIN);
    const { rows } = await app.db.query<AccountRow>(
      `SELECT ${ACCOUNT_COLUMNS} FROM account WHERE territory_id = $1 ORDER BY login`, [admin.territoryId],
    );
    return c.json({ accounts: rows.map(toUser) });
  });

  r.post('/accounts', async (c) => {
    const admin = await requireUser(app, c, ADMIN);
    const body = await readJsonBody(c, newAccountSchema);
    try {
      const user = await app.db.transaction(async (tx) => {
        const created = await createAccount(tx, { ...body, territoryId: admin.territoryId });
        await writeAudit(tx, { actorId: admin.id, action: 'account.create', target: created.id, details: { login: created.login, role: created.role }, at: app.now() });
        return created;
      });
      return c.json({ user }, 201);
    } catch (error) {
      if (error instanceof LoginTakenError) throw new ApiFailure('login_taken', 'Cet identifiant est déjà utilisé.');
      throw error;
    }
  });

  for (const action of ['disable', 'enable'] as const) {
    r.post(`/accounts/:id/${action}`, async (c) => {
      const admin = await requireUser(app, c, ADMIN);
      const id = c.req.param('id');
      if (!z.safeParse(accountIdSchema, id).success) throw new ApiFailure('not_found', 'Compte introuvable.');
      if (action === 'disable' && id === admin.id) throw new ApiFailure('cannot_disable_self', 'Vous ne pouvez pas désactiver votre propre compte.');
      const user = await app.db.transaction(async (tx) => {
        const { rows } = await tx.query<AccountRow>(
          `UPDATE account SET disabled = $3 WHERE id = $1 AND territory_id = $2 RETURNING ${ACCOUNT_COLUMNS}`,
          [id, admin.territoryId, action === 'disable'],
        );
        if (!rows[0]) throw new ApiFailure('not_found', 'Compte introuvable.');
        // Disabling ends the account's sessions now; enabling does not revive them.
        if (action === 'disable') await tx.query('UPDATE session_token SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL', [id, app.now()]);
        await writeAudit(tx, { actorId: admin.id, action: `account.${action}`, target: id, at: app.now() });
        return toUser(rows[0]);
      });
      app.sessions.forget();
      return c.json({ user });
    });
  }

  r.get('/devices', async (c) => {
    const admin = await requireUser(app, c, ADMIN);
    const { rows } = await app.db.query<{
      client_id: string; user_id: string | null; login: string | null; display_name: string | null;
      last_seen: Date | null; last_mutation_id: unknown; revoked_at: Date | null;
      pending_count: number | null; pending_reported_at: Date | null;
    }>(
      `SELECT c.client_id::text AS client_id, c.user_id, a.login, a.display_name, c.last_seen, c.last_mutation_id, c.revoked_at,
              c.pending_count, c.pending_reported_at
         FROM sync_client c JOIN account a ON a.id = c.user_id
        WHERE a.territory_id = $1 ORDER BY c.last_seen DESC NULLS LAST`,
      [admin.territoryId],
    );
    return c.json({
      devices: rows.map((d) => ({
        clientId: d.client_id, userId: d.user_id, login: d.login, displayName: d.display_name,
        lastSeen: d.last_seen ? new Date(d.last_seen).toISOString() : null,
        lastMutationId: Number(d.last_mutation_id), revokedAt: d.revoked_at ? new Date(d.revoked_at).toISOString() : null,
        // What the device said it still held at its last pull (null: it has not said).
        pending: d.pending_count === null ? null : Number(d.pending_count),
        pendingReportedAt: d.pending_reported_at ? new Date(d.pending_reported_at).toISOString() : null,
      })),
    });
  });

  r.post('/devices/:clientId/revoke', async (c) => {
    const admin = await requireUser(app, c, ADMIN);
    const clientId = c.req.param('clientId');
    if (!z.safeParse(uuidSchema, clientId).success) throw new ApiFailure('not_found', 'Appareil introuvable.');
    await app.db.transaction(async (tx) => {
      const { rows } = await tx.query(
        `UPDATE sync_client c SET revoked_at = COALESCE(c.revoked_at, $3) FROM account a
          WHERE c.client_id = $1 AND a.id = c.user_id AND a.territory_id = $2 RETURNING 1`,
        [clientId, admin.territoryId, app.now()],
      );
      if (!rows[0]) throw new ApiFailure('not_found', 'Appareil introuvable.');
      await tx.query('UPDATE session_token SET revoked_at = $2 WHERE client_id = $1 AND revoked_at IS NULL', [clientId, app.now()]);
      await writeAudit(tx, { actorId: admin.id, action: 'device.revoke', target: clientId, at: app.now() });
    });
    app.sessions.forget();
    return c.json({ ok: true });
  });

  // The audit log, newest first; reading it is not itself an action worth a line.
  r.get('/audit', async (c) => {
    const admin = await requireUser(app, c, ADMIN);
    const query = z.safeParse(auditQuerySchema, { before: c.req.query('before'), limit: c.req.query('limit') });
    if (!query.success) throw new ApiFailure('invalid_query', 'Paramètres invalides : before est un numéro de ligne, limit va de 1 à 200.');
    const page = await readAudit(app.db, {
      territoryId: admin.territoryId, limit: query.data.limit ? Number(query.data.limit) : 50,
      before: query.data.before ? Number(query.data.before) : undefined,
    });
    return c.json(page);
  });

  return r;
}
