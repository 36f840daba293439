import { toBase64 } from '../../crypto/base64';

/**
 * PBKDF2-HMAC-SHA-256 iterations: OWASP's 2023 minimum for SHA-256. Measured on the dev
 * machine (2 cores, Node 20, shared and noisy): `deriveKey` takes 0.3–0.55 s (medians of
 * 7 over several runs); a mid-range tablet's browser is slower, about a second, paid once
 * per unlock.
 *
 * What this buys, honestly: a 4–8 digit PIN has 10^4–10^8 values, so anyone holding a copy
 * of the tablet's IndexedDB can try them all offline (10^4 PINs × 0.3 s ≈ 1 hour on one
 * core). The PIN key protects follow-up notes against casual access to a lost or borrowed
 * tablet, not against a determined attacker with the disk. The real controls are the
 * server's: session tokens that expire and are revoked per device when a tablet is lost,
 * notes purged after the retention period, and the wipe of the local token after 10 wrong
 * PINs (pinLock.ts). Stored with each profile so that it can be raised later.
 */
export const PBKDF2_ITERATIONS = 600_000;
export const SALT_BYTES = 16;

/**
 * What a PIN derives: the notes key, and a check value that tells a right PIN from a
 * wrong one without trying to decrypt anything.
 */
export interface PinKey {
  /** AES-GCM 256, non-extractable, encrypt/decrypt only. Lives in memory only. */
  readonly key: CryptoKey;
  /** Base64 of 16 bytes, one-way from the PIN: the profile's `pinVerifier`. Not secret. */
  readonly check: string;
}

const enc = new TextEncoder();
const KEY_INFO = enc.encode('escale/notes/aes-gcm/v1');
const CHECK_INFO = enc.encode('escale/pin/check/v1');

export function newSalt(): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(SALT_BYTES));
}

/**
 * PIN + salt → PBKDF2 (one 256-bit block, so an attacker pays the same iterations as we do
 * for each guess) → HKDF split into the AES key and the check value. Deriving the check
 * as a second PBKDF2 block instead would let a guesser skip the first block's cost.
 */
export async function deriveKey(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number = PBKDF2_ITERATIONS): Promise<PinKey> {
  if (!Number.isInteger(iterations) || iterations < 1) throw new RangeError('iterations must be a positive integer');
  const subtle = crypto.subtle;
  const pinKey = await subtle.importKey('raw', enc.encode(pin), 'PBKDF2', false, ['deriveBits']);
  const master = new Uint8Array(await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, pinKey, 256));
  try {
    const hkdf = await subtle.importKey('raw', master, 'HKDF', false, ['deriveKey', 'deriveBits']);
    const empty = new Uint8Array(0);
    const key = await subtle.deriveKey(
      { name: 'HKDF', hash: 'SHA-256', salt: empty, info: KEY_INFO },
      hkdf,
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt', 'decrypt'],
    );
    const check = new Uint8Array(await subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: empty, info: CHECK_INFO }, hkdf, 128));
    return { key, check: toBase64(check) };
  } finally {
    master.fill(0);
  }
}

/** Compare two check values without an early exit. */
export function sameCheck(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
