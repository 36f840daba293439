import * as z from 'zod/mini';
import { idSchema } from '../domain/common';

const base64 = (max: number) => z.string().check(z.regex(/^[A-Za-z0-9+/]*={0,2}$/), z.maxLength(max));

/**
 * A waiting change sealed on a shared tablet for the server (docs/privacy.md, "A shared
 * tablet"): when another aidant opens the tablet, the outbox entries of the one who left
 * keep in clear only what the push needs (mutation id, name, author) and their arguments
 * become this box, so no one at the tablet reads them back. The same construction as a
 * visit note (../domain/sealedNote.ts): an ephemeral ECDH P-256 key agreed with the
 * server's published note key (`kid`), HKDF-SHA-256 (salt: the ephemeral public key, info:
 * MUTATION_SEAL_INFO + kid), AES-GCM-256 over the arguments' JSON, with sealedMutationAad
 * as additional data.
 *
 * `mid` is the mutation id the box was sealed under. The server opens the box with it and
 * applies it only at that id or, after the device renumbered its outbox because the server
 * lost what it had acknowledged (outboxRules.ts, planGap), at a lower one: a box is never
 * applied at a later id than its own.
 */
export const sealedMutationSchema = z.object({
  v: z.literal(1),
  kid: idSchema,
  mid: z.int().check(z.gte(1)),
  /** The ephemeral public key, raw uncompressed point (65 bytes), base64. */
  epk: base64(120),
  /** 96-bit IV, base64. */
  iv: base64(24),
  /** Ciphertext and GCM tag, base64: at most a push's body (MAX_PUSH_BYTES, protocol.ts, which imports this file). */
  ct: base64(2 * 1024 * 1024),
});
export type SealedMutation = z.infer<typeof sealedMutationSchema>;

export const MUTATION_SEAL_INFO = 'escale sealed mutation v1 ';

/** What a sealed mutation is bound to: the device, its mutation id, its name and the account it is pushed under. */
export interface SealedMutationBinding {
  clientId: string;
  mid: number;
  name: string;
  authorId: string;
}

/**
 * The additional data of a sealed mutation's AES-GCM: a box moved to another device,
 * another mutation id, another name or pushed under another account's session does not open.
 */
export function sealedMutationAad(b: SealedMutationBinding): string {
  return JSON.stringify(['escale.sealed-mutation.v1', b.clientId, b.mid, b.name, b.authorId]);
}
