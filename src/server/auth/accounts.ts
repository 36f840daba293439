import { randomUUID } from 'node:crypto';
import type { User } from '../../shared/domain/user';
import type { Role } from '../../shared/domain/vocabularies';
import type { Queryable } from '../db/Database';
import { hashPassword } from './password';

export interface AccountRow {
  id: string;
  login: string;
  display_name: string;
  role: Role;
  territory_id: string;
  disabled: boolean;
}

export const ACCOUNT_COLUMNS = 'id, login, display_name, role, territory_id, disabled';

export function toUser(row: AccountRow): User {
  return { id: row.id, login: row.login, displayName: row.display_name, role: row.role, territoryId: row.territory_id, disabled: row.disabled };
}

export interface NewAccount {
  login: string;
  displayName: string;
  role: Role;
  territoryId: string;
  password: string;
}

export class LoginTakenError extends Error {}

/** Inserts an account; the id is a fresh UUID (it is a valid `idSchema` value). */
export async function createAccount(db: Queryable, account: NewAccount): Promise<User> {
  const passwordHash = await hashPassword(account.password);
  const { rows } = await db.query<AccountRow>(
    `INSERT INTO account (id, login, display_name, role, territory_id, password_hash)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (login) DO NOTHING RETURNING ${ACCOUNT_COLUMNS}`,
    [randomUUID(), account.login, account.displayName, account.role, account.territoryId, passwordHash],
  );
  if (!rows[0]) throw new LoginTakenError(`login "${account.login}" already exists`);
  return toUser(rows[0]);
}
