import { createHash } from 'node:crypto';
import type { SessionUser } from '../../auth/SessionUser';

/**
 * What a caller may pull, decided only from its session (never from the request):
 * - public: the territory's directory, places without their `internal` field;
 * - aidant: the directory with `internal`, plus their own recent device records;
 * - territory (staff, admin): everything of the territory.
 */
export type PullScope =
  | { kind: 'public'; territoryId: string }
  | { kind: 'aidant'; territoryId: string; userId: string }
  | { kind: 'territory'; territoryId: string };

export function scopeOf(user: SessionUser | undefined, publicTerritory: string): PullScope {
  if (!user) return { kind: 'public', territoryId: publicTerritory };
  if (user.role === 'aidant') return { kind: 'aidant', territoryId: user.territoryId, userId: user.id };
  return { kind: 'territory', territoryId: user.territoryId };
}

/**
 * A short digest of the scope, carried in the cursor: a cursor made under another scope
 * (a device that changed account or territory) is answered with a reset. The aidant's
 * time window is left out on purpose: records ageing out of it are not deletions.
 */
export function scopeKey(scope: PullScope): string {
  const text = scope.kind === 'aidant' ? `aidant:${scope.territoryId}:${scope.userId}` : `${scope.kind}:${scope.territoryId}`;
  return createHash('sha256').update(text).digest('base64url').slice(0, 12);
}
