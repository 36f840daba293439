import { webcrypto } from 'node:crypto';
import { NOTE_SEAL_INFO, type SealedNote } from '../../../shared/domain/sealedNote';

const subtle = webcrypto.subtle;
const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));

/**
 * Open a note a tablet sealed for this server (src/shared/domain/sealedNote.ts): ECDH of
 * the server's private key with the ephemeral public key, HKDF-SHA-256, AES-GCM with the
 * visit id as additional data. Throws when the box was altered, is for another visit, or
 * was sealed under another key.
 */
export async function openSealedNote(privateKey: webcrypto.CryptoKey, sealed: SealedNote, visitId: string): Promise<string> {
  const epkRaw = bytes(sealed.epk);
  const epk = await subtle.importKey('raw', epkRaw, { name: 'ECDH', namedCurve: 'P-256' }, false, []);
  const shared = await subtle.deriveBits({ name: 'ECDH', public: epk }, privateKey, 256);
  const hkdf = await subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  const aes = await subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: epkRaw, info: utf8(NOTE_SEAL_INFO + sealed.kid) },
    hkdf, { name: 'AES-GCM', length: 256 }, false, ['decrypt'],
  );
  const plain = await subtle.decrypt({ name: 'AES-GCM', iv: bytes(sealed.iv), additionalData: utf8(visitId) }, aes, bytes(sealed.ct));
  return new TextDecoder('utf-8', { fatal: true }).decode(plain);
}
