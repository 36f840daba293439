import { webcrypto } from 'node:crypto';

const subtle = webcrypto.subtle;
const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));

/** A box a tablet sealed for this server's note key: what every kind of sealed box shares. */
export interface EciesBox {
  kid: string;
  epk: string;
  iv: string;
  ct: string;
}

/**
 * Open a box sealed for the server's note key (visit notes, ../../../shared/domain/sealedNote.ts;
 * waiting changes of a shared tablet, ../../../shared/sync/sealedMutation.ts): ECDH of the
 * server's private key with the ephemeral public key, HKDF-SHA-256 (salt: that key, info:
 * `info` + kid), AES-GCM with `aad` as additional data. Throws when the box was altered,
 * is bound to something else, or was sealed under another key.
 */
export async function openEcies(privateKey: webcrypto.CryptoKey, box: EciesBox, info: string, aad: string): Promise<string> {
  const epkRaw = bytes(box.epk);
  const epk = await subtle.importKey('raw', epkRaw, { name: 'ECDH', namedCurve: 'P-256' }, false, []);
  const shared = await subtle.deriveBits({ name: 'ECDH', public: epk }, privateKey, 256);
  const hkdf = await subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  const aes = await subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: epkRaw, info: utf8(info + box.kid) },
    hkdf, { name: 'AES-GCM', length: 256 }, false, ['decrypt'],
  );
  const plain = await subtle.decrypt({ name: 'AES-GCM', iv: bytes(box.iv), additionalData: utf8(aad) }, aes, bytes(box.ct));
  return new TextDecoder('utf-8', { fatal: true }).decode(plain);
}
