import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AuthFailure } from '../auth/AuthFailure';
import { ApiFailure } from './ApiFailure';

/** Connection-level failures (database down, restarting): the client retries later. */
function isTransient(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && (/^(08|57P0|53)/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT'].includes(code));
}

/**
 * Turns anything thrown into `{code, message, details?}`; never leaks a stack. The layers
 * below http throw their own errors (auth's AuthFailure) and the status is chosen here.
 */
export function errorResponse(thrown: unknown, c: Context): Response {
  const error = thrown instanceof AuthFailure ? new ApiFailure(thrown.code, thrown.message) : thrown;
  if (error instanceof ApiFailure) {
    const body = error.details === undefined ? { code: error.code, message: error.message } : { code: error.code, message: error.message, details: error.details };
    return c.json(body, error.status as ContentfulStatusCode, error.headers);
  }
  if (error instanceof HTTPException) {
    return c.json({ code: 'malformed_json', message: 'Requête invalide.' }, error.status as ContentfulStatusCode);
  }
  if (isTransient(error)) {
    return c.json({ code: 'database_unavailable', message: 'Service momentanément indisponible. Réessayez dans un instant.' }, 503);
  }
  console.error('[escale] unexpected error', error);
  return c.json({ code: 'internal_error', message: 'Erreur interne du serveur.' }, 500);
}
