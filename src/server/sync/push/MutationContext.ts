import type { MutationResult, Rejection } from '../../../shared/sync/protocol';
import type { RejectionCode } from '../../../shared/sync/rejectionCodes';
import type { SessionUser } from '../../auth/SessionUser';
import type { Queryable } from '../../db/Database';
import type { NoteCipher } from '../store/NoteCipher';

export interface MutationContext {
  tx: Queryable;
  user: SessionUser;
  clientId: string;
  mutationId: number;
  now: Date;
  /** Seals the notes of visits before they rest (visit_note). */
  notes: NoteCipher;
}

/** What a handler decides; the id is added by the caller. */
export type Outcome =
  | { status: 'applied' }
  | { status: 'conflict'; current?: { version: number; record: unknown } }
  | { status: 'rejected'; reason: Rejection };

export function reject(code: RejectionCode, message: string): Outcome {
  return { status: 'rejected', reason: { code, message } };
}

export const APPLIED: Outcome = { status: 'applied' };

export function withId(id: number, outcome: Outcome): MutationResult {
  return { id, ...outcome } as MutationResult;
}
