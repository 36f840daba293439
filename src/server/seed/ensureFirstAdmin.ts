import { randomBytes } from 'node:crypto';
import type { Database } from '../db/Database';
import { createAccount } from '../auth/accounts';
import type { User } from '../../shared/domain/user';

/**
 * On a database with no admin for the territory, creates one, so a fresh install can be
 * administered at once. With no password given, one is generated and returned so the
 * caller prints it once; it is never stored in clear.
 */
export async function ensureFirstAdmin(
  db: Database, options: { territoryId: string; login: string; password?: string },
): Promise<{ user: User; password: string; generated: boolean } | undefined> {
  const { rows } = await db.query("SELECT 1 FROM account WHERE role = 'admin' AND territory_id = $1 LIMIT 1", [options.territoryId]);
  if (rows.length) return undefined;
  const generated = options.password === undefined;
  const password = options.password ?? randomBytes(12).toString('base64url');
  const user = await createAccount(db, {
    login: options.login, displayName: 'Administrateur', role: 'admin', territoryId: options.territoryId, password,
  });
  return { user, password, generated };
}
