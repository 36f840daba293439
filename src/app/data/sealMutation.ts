import type { NoteServerKey } from '../../shared/domain/sealedNote';
import { MUTATION_SEAL_INFO, sealedMutationAad, type SealedMutation, type SealedMutationBinding } from '../../shared/sync/sealedMutation';

const utf8 = (s: string) => new TextEncoder().encode(s);

function toBase64(bytes: Uint8Array): string {
  let s = '';
  // In chunks: String.fromCharCode takes its arguments on the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * Seal a waiting change's arguments for the server (src/shared/sync/sealedMutation.ts):
 * ephemeral ECDH P-256 with the server's published note key, HKDF-SHA-256, AES-GCM-256
 * bound to the device, the mutation id, its name and its author. The tablet cannot open it
 * again: it keeps no key that does (the same construction as a visit note's server copy,
 * ../aidant/crypto/serverSeal.ts, which the screens' layer holds and this one cannot import).
 */
export async function sealMutation(key: NoteServerKey, binding: SealedMutationBinding, args: unknown): Promise<SealedMutation> {
  const subtle = globalThis.crypto.subtle;
  const serverPublic = await subtle.importKey('jwk', { ...key.publicKey, ext: true }, { name: 'ECDH', namedCurve: 'P-256' }, false, []);
  const ephemeral = await subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
  const shared = await subtle.deriveBits({ name: 'ECDH', public: serverPublic }, ephemeral.privateKey, 256);
  const epk = new Uint8Array(await subtle.exportKey('raw', ephemeral.publicKey));
  const hkdf = await subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  const aes = await subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: epk, info: utf8(MUTATION_SEAL_INFO + key.kid) },
    hkdf, { name: 'AES-GCM', length: 256 }, false, ['encrypt'],
  );
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const ct = new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8(sealedMutationAad(binding)) }, aes, utf8(JSON.stringify(args))));
  return { v: 1, kid: key.kid, mid: binding.mid, epk: toBase64(epk), iv: toBase64(iv), ct: toBase64(ct) };
}
