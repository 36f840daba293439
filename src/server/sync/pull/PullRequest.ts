import type { EncodedPage } from './EncodedPage';
import type { PullCaches } from './PullCaches';
import type { PullCursor } from './pullCursor';
import type { PullScope } from './PullScope';

export interface PullRequest {
  scope: PullScope;
  cursor?: PullCursor;
  limit: number;
  /** The caller's device, for lastMutationId; absent for public pulls. */
  clientId?: string;
  /** Own device records created after this instant (aidant scope). */
  ownSince: Date;
  /** Public pulls: answer `unknown_territory` unless the scope's territory exists. */
  checkTerritory?: boolean;
  /** Pages and directory rows already read, shared by every device (see PullCaches). */
  caches?: PullCaches;
}

/**
 * What a pull answers. A page is already encoded as JSON text (the PullResponse of
 * shared/sync/protocol.ts): record bodies are spliced in as the database prints them,
 * never parsed and re-serialised by Node.
 */
export type PullOutcome =
  /** `kept`: the page is shared with other devices (PullCaches), so worth compressing well once. */
  | { kind: 'page'; page: EncodedPage; kept?: boolean }
  | { kind: 'reset' }
  | { kind: 'unknown_territory' };
