import { NOTE_SEAL_INFO, type NoteServerKey, type SealedNote } from '../../../shared/domain/sealedNote';
import { toBase64 } from './base64';

const utf8 = (s: string) => new TextEncoder().encode(s);

/**
 * Seal a note for the server (see sealedNote.ts): ephemeral ECDH P-256 with the server's
 * published key, HKDF-SHA-256, AES-GCM-256 bound to the visit id. The tablet cannot open
 * it again (it keeps its own PIN-sealed copy for the author): what rests in the outbox is
 * readable by the server only.
 */
export async function sealForServer(key: NoteServerKey, plaintext: string, visitId: string): Promise<SealedNote> {
  const subtle = globalThis.crypto.subtle;
  const serverPublic = await subtle.importKey('jwk', { ...key.publicKey, ext: true }, { name: 'ECDH', namedCurve: 'P-256' }, false, []);
  const ephemeral = await subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
  const shared = await subtle.deriveBits({ name: 'ECDH', public: serverPublic }, ephemeral.privateKey, 256);
  const epk = new Uint8Array(await subtle.exportKey('raw', ephemeral.publicKey));
  const hkdf = await subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  const aes = await subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: epk, info: utf8(NOTE_SEAL_INFO + key.kid) },
    hkdf, { name: 'AES-GCM', length: 256 }, false, ['encrypt'],
  );
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const ct = new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8(visitId) }, aes, utf8(plaintext)));
  return { v: 1, kid: key.kid, epk: toBase64(epk), iv: toBase64(iv), ct: toBase64(ct) };
}
