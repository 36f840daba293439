import * as z from 'zod/mini';
import { idSchema } from './common';

const base64 = (max: number) => z.string().check(z.regex(/^[A-Za-z0-9+/]*={0,2}$/), z.maxLength(max));

/**
 * A visit's follow-up note sealed on the tablet for the server (ECIES): an ephemeral ECDH
 * P-256 key agreed with the server's published key (`kid`), HKDF-SHA-256 (salt: the
 * ephemeral public key, info: NOTE_SEAL_INFO + kid), AES-GCM-256 with the visit id as
 * additional data. Only the server's private key opens it, so the outbox, which rests on
 * the tablet's disk, never holds the note in clear.
 */
export const sealedNoteSchema = z.object({
  v: z.literal(1),
  kid: idSchema,
  /** The ephemeral public key, raw uncompressed point (65 bytes), base64. */
  epk: base64(120),
  /** 96-bit IV, base64. */
  iv: base64(24),
  /** Ciphertext and GCM tag, base64 (a note is at most 1,000 characters). */
  ct: base64(6000),
});
export type SealedNote = z.infer<typeof sealedNoteSchema>;

export const NOTE_SEAL_INFO = 'escale visit note v1 ';

/**
 * The server's note key as it publishes it: an ECDH P-256 public JWK and its id.
 * `sealedMutations: 1` (2026-12-07): this server also opens the waiting changes a shared
 * tablet seals for it (../sync/sealedMutation.ts, push protocol 2); a tablet seals them only
 * for a key that says so, so an older server is never sent a change it cannot open.
 */
export const noteServerKeySchema = z.object({
  kid: idSchema,
  publicKey: z.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string().check(z.maxLength(64)), y: z.string().check(z.maxLength(64)) }),
  sealedMutations: z.optional(z.literal(1)),
});
export type NoteServerKey = z.infer<typeof noteServerKeySchema>;
