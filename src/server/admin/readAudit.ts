import type { Queryable } from '../db/Database';

export interface AuditEntry {
  id: number;
  at: string;
  action: string;
  actor: { id: string; login: string | null; displayName: string | null };
  target: string;
  /**
   * What the target is called: an account, a device's account, or a directory record's name
   * (its current name, also after a deletion: the row stays as a tombstone).
   */
  targetLabel: string | null;
  details: unknown;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `before` for the next (older) page; null when there is none. */
  nextBefore: number | null;
}

/**
 * The audit log of one territory, newest first, `limit` lines older than `before` (an
 * entry id: ids only grow, so a page never repeats or skips a line while others write).
 * The log has no territory column: a line belongs to its actor's territory, and admin
 * routes only ever act inside the admin's own territory.
 */
export async function readAudit(db: Queryable, q: { territoryId: string; before?: number | undefined; limit: number }): Promise<AuditPage> {
  const params: unknown[] = [q.territoryId, q.limit + 1];
  let older = '';
  if (q.before !== undefined) {
    params.push(q.before);
    older = 'AND l.id < $3';
  }
  const { rows } = await db.query<{
    id: unknown; at: Date | string; action: string; actor_id: string; actor_login: string | null; actor_name: string | null;
    target: string; target_login: string | null; target_name: string | null; record_name: string | null; details: unknown;
  }>(
    `SELECT l.id, l.at, l.action, l.actor_id, a.login AS actor_login, a.display_name AS actor_name, l.target, l.details,
            COALESCE(ta.login, da.login) AS target_login, COALESCE(ta.display_name, da.display_name) AS target_name,
            COALESCE(r.data->>'name', r.data->'title'->>'fr') AS record_name
       FROM audit_log l
       JOIN account a ON a.id = l.actor_id
       LEFT JOIN account ta ON l.action LIKE 'account.%' AND ta.id = l.target
       LEFT JOIN sync_client c ON l.action LIKE 'device.%' AND c.client_id::text = l.target
       LEFT JOIN account da ON da.id = c.user_id
       LEFT JOIN record r ON l.action ~ '^(place|tour|mobility|checklist)[.]'
                         AND r.collection = split_part(l.action, '.', 1) AND r.id = l.target
      WHERE a.territory_id = $1 ${older}
      ORDER BY l.id DESC
      LIMIT $2`,
    params,
  );
  const page = rows.slice(0, q.limit);
  return {
    entries: page.map((r) => ({
      id: Number(r.id),
      at: new Date(r.at).toISOString(),
      action: r.action,
      actor: { id: r.actor_id, login: r.actor_login, displayName: r.actor_name },
      target: r.target,
      targetLabel: r.target_name ? `${r.target_name} (${r.target_login ?? ''})` : r.record_name,
      details: typeof r.details === 'string' ? (JSON.parse(r.details) as unknown) : r.details,
    })),
    nextBefore: rows.length > q.limit ? Number(page[page.length - 1]!.id) : null,
  };
}
