/**
 * Every machine code an API error can carry, with its HTTP status. Clients branch on these,
 * never on the French message, so a code never changes meaning once shipped. The codes of
 * a `rejected` mutation (inside a 200 push answer) are the sync protocol's:
 * src/shared/sync/rejectionCodes.ts.
 */
export const ERROR_CODES = {
  // 400
  malformed_json: 400,
  invalid_body: 400,
  invalid_query: 400,
  invalid_text: 400,
  cannot_disable_self: 400,
  // 401
  auth_required: 401,
  invalid_token: 401,
  token_expired: 401,
  invalid_credentials: 401,
  // 403
  forbidden: 403,
  device_revoked: 403,
  account_disabled: 403,
  client_mismatch: 403,
  wrong_territory: 403,
  // 404
  not_found: 404,
  unknown_territory: 404,
  // 409
  mutation_gap: 409,
  login_taken: 409,
  // 413, 415, 429
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_attempts: 429,
  // 5xx: never for bad input
  internal_error: 500,
  database_unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

