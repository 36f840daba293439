/** The ways a bearer token can fail to establish a session. */
export type AuthFailureCode = 'invalid_token' | 'device_revoked' | 'token_expired' | 'account_disabled';

/**
 * Why a bearer token was refused, with the French sentence the device shows. Thrown by
 * authenticate(); auth knows nothing of HTTP, and http/errorResponse.ts answers it with
 * the code's status (401 or 403, http/errorCodes.ts) like any ApiFailure. A domain error
 * rather than ApiFailure moved down, because a status is HTTP's to choose: this way the
 * layers below http (auth, sync, db) never import it, as LoginTakenError (accounts.ts)
 * already did for a taken login.
 */
export class AuthFailure extends Error {
  constructor(readonly code: AuthFailureCode, message: string) {
    super(message);
  }
}
