import type { NoteServerKey } from '../../shared/domain/sealedNote';
import { toBase64 } from './base64';

const utf8 = (s: string) => new TextEncoder().encode(s);

/**
 * Seal a text so that only the server opens it: ephemeral ECDH P-256 with the server's
 * published note key, HKDF-SHA-256 (salt the ephemeral key, `info` + the key's id),
 * AES-GCM-256 bound to `aad`. The device keeps no key that opens it again. One
 * construction for both boxes a device seals, a visit note's server copy
 * (../aidant/crypto/serverSeal.ts) and a waiting change (../data/sealMutation.ts), each
 * with its own `info` so one cannot pass for the other; the server opens them with
 * src/server/sync/push/openEcies.ts.
 */
export async function sealForServerKey(key: NoteServerKey, info: string, aad: string, plaintext: string): Promise<{ epk: string; iv: string; ct: string }> {
  const subtle = globalThis.crypto.subtle;
  const serverPublic = await subtle.importKey('jwk', { ...key.publicKey, ext: true }, { name: 'ECDH', namedCurve: 'P-256' }, false, []);
  const ephemeral = await subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
  const shared = await subtle.deriveBits({ name: 'ECDH', public: serverPublic }, ephemeral.privateKey, 256);
  const epk = new Uint8Array(await subtle.exportKey('raw', ephemeral.publicKey));
  const hkdf = await subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  const aes = await subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: epk, info: utf8(info + key.kid) },
    hkdf, { name: 'AES-GCM', length: 256 }, false, ['encrypt'],
  );
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const ct = new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8(aad) }, aes, utf8(plaintext)));
  return { epk: toBase64(epk), iv: toBase64(iv), ct: toBase64(ct) };
}
