import type { Queryable } from '../db/Database';

/** Every admin action leaves a line: who, what, on what, when. */
export async function writeAudit(db: Queryable, entry: { actorId: string; action: string; target: string; details?: unknown; at: Date }): Promise<void> {
  await db.query('INSERT INTO audit_log (at, actor_id, action, target, details) VALUES ($1, $2, $3, $4, $5::jsonb)', [
    entry.at, entry.actorId, entry.action, entry.target, JSON.stringify(entry.details ?? {}),
  ]);
}
