import * as z from 'zod/mini';
import { fromBase64, toBase64 } from '../../crypto/base64';
import { type PinKey, sameCheck } from './deriveKey';
import { CorruptNoteError, WrongPinError } from './errors';

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Room for a 1000-character note at 3 UTF-8 bytes each, many times over. */
const MAX_CT_CHARS = 16_384;

/**
 * A sealed follow-up note as stored on the tablet. `kc` is the sealing key's check value
 * (the profile's `pinVerifier`), so that a note sealed under another PIN is told apart from
 * a damaged one; it reveals nothing a sealed note does not already (both let a holder of
 * the database test PINs offline, see deriveKey.ts).
 */
export const noteBoxSchema = z.object({
  v: z.literal(1),
  kc: z.string().check(z.maxLength(64)),
  iv: z.string().check(z.maxLength(64)),
  ct: z.string().check(z.maxLength(MAX_CT_CHARS)),
});
export type NoteBox = z.infer<typeof noteBoxSchema>;

const enc = new TextEncoder();
const dec = new TextDecoder('utf-8', { fatal: true });

const gcm = (iv: Uint8Array<ArrayBuffer>, context: string | undefined): AesGcmParams =>
  context === undefined ? { name: 'AES-GCM', iv } : { name: 'AES-GCM', iv, additionalData: enc.encode(context) };

/**
 * Seal a note with a fresh random 96-bit IV (never reused: 2^-48 collision odds after 2^24
 * notes per key, far beyond one aidant's notes). `context`, when given (the visit id), is
 * bound as additional data: the note then opens only for that visit, so a note cannot be
 * moved onto another record unnoticed. Throws RangeError for a text far beyond a note's
 * 1000 characters (validateDraft refuses those first).
 */
export async function encryptNote(pinKey: PinKey, plaintext: string, context?: string): Promise<NoteBox> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ct = toBase64(new Uint8Array(await crypto.subtle.encrypt(gcm(iv, context), pinKey.key, enc.encode(plaintext))));
  // Refuse here rather than store a box that decryptNote would then call corrupt.
  if (ct.length > MAX_CT_CHARS) throw new RangeError('note too long to seal');
  return { v: 1, kc: pinKey.check, iv: toBase64(iv), ct };
}

/**
 * Open a sealed note. Throws `WrongPinError` when it was sealed under another PIN's key,
 * `CorruptNoteError` when it is malformed, altered, or opened for another `context`.
 * `box` is parsed here, so a row read back from IndexedDB can be passed as it is.
 */
export async function decryptNote(pinKey: PinKey, box: unknown, context?: string): Promise<string> {
  const parsed = noteBoxSchema.safeParse(box);
  if (!parsed.success) throw new CorruptNoteError('format inconnu');
  const { kc, iv: ivText, ct: ctText } = parsed.data;
  if (!sameCheck(kc, pinKey.check)) throw new WrongPinError();
  const iv = fromBase64(ivText);
  const ct = fromBase64(ctText);
  if (iv === undefined || ct === undefined || iv.length !== IV_BYTES || ct.length < TAG_BYTES) {
    throw new CorruptNoteError('données abîmées');
  }
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt(gcm(iv, context), pinKey.key, ct);
  } catch {
    // The key matched the check, so a failed tag means altered bytes or another context.
    throw new CorruptNoteError('données modifiées');
  }
  try {
    return dec.decode(plain);
  } catch {
    throw new CorruptNoteError('texte invalide');
  }
}
