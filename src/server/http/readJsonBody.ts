import type { Context } from 'hono';
import * as z from 'zod/mini';
import { describeIssues } from '../../shared/domain/formatIssues';
import { findForbiddenKey, findUnstorableText } from '../../shared/text/findUnstorableText';
import { ApiFailure } from './ApiFailure';

/** Default body limit of every JSON endpoint but push. */
export const DEFAULT_BODY_BYTES = 16 * 1024;

/**
 * Reads at most `limit` bytes, then parses JSON and the schema. Every way a body can be
 * wrong ends in a 4xx with a French sentence: too big (413, checked while streaming, so a
 * lying or absent Content-Length does not help), not JSON (415/400), not UTF-8 (400),
 * wrong shape (400 with the issues).
 */
export async function readJsonBody<S extends z.ZodMiniType>(
  c: Context, schema: S, options: { limit?: number; checkText?: boolean } = {},
): Promise<z.infer<S>> {
  const limit = options.limit ?? DEFAULT_BODY_BYTES;
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new ApiFailure('unsupported_media_type', 'Le corps de la requête doit être du JSON (Content-Type: application/json).');
  }
  const declared = Number(c.req.header('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const bytes = await readLimited(c.req.raw.body, limit);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ApiFailure('malformed_json', 'Le corps de la requête n’est pas un texte UTF-8 valide.');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiFailure('malformed_json', 'Le corps de la requête n’est pas du JSON valide.');
  }
  // Push checks this per mutation instead: one bad visit must be `rejected`, not block
  // the whole outbox behind a 400.
  if (options.checkText !== false) assertSafeBody(value);
  const parsed = z.safeParse(schema, value);
  if (!parsed.success) {
    throw new ApiFailure('invalid_body', `Requête invalide : ${describeIssues(parsed.error.issues)}.`, { issues: parsed.error.issues.slice(0, 10).map((i) => ({ path: i.path.map(String), code: i.code })) });
  }
  return parsed.data;
}

/** Rejects text PostgreSQL cannot store and prototype keys, before any query sees them. */
export function assertSafeBody(value: unknown): void {
  assertStorableText(value);
  const key = findForbiddenKey(value);
  if (key !== undefined) throw new ApiFailure('invalid_body', `Requête invalide : clé interdite (${key.slice(0, 100)}).`);
}

/** Rejects text PostgreSQL cannot store (NUL, lone surrogates) before it reaches a query. */
export function assertStorableText(value: unknown): void {
  const where = findUnstorableText(value);
  if (where !== undefined) {
    throw new ApiFailure('invalid_text', `Texte invalide (caractère nul ou non représentable) dans ${where || 'la requête'}.`);
  }
}

function tooLarge(limit: number): ApiFailure {
  return new ApiFailure('payload_too_large', `Requête trop volumineuse (maximum ${Math.round(limit / 1024)} Ko).`, { limit });
}

async function readLimited(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
