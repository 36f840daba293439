/**
 * Codes of a `rejected` mutation result (the push itself succeeded: HTTP 200). Part of the
 * sync protocol, like the result they travel in (protocol.ts): devices branch on them,
 * never on the French message, so a code never changes meaning once shipped.
 */
export const REJECTION_CODES = [
  'unknown_mutation', 'invalid_args', 'invalid_text', 'forbidden', 'not_found', 'already_exists', 'immutable_field',
  // 2026-12-07 (protocol 2): a sealed mutation whose box this server cannot open (sealedMutation.ts).
  'sealed_unopened',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];
