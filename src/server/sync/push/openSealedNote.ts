import type { webcrypto } from 'node:crypto';
import { NOTE_SEAL_INFO, type SealedNote } from '../../../shared/domain/sealedNote';
import { openEcies } from './openEcies';

/**
 * Open a note a tablet sealed for this server (src/shared/domain/sealedNote.ts): the visit
 * id is the additional data. Throws when the box was altered, is for another visit, or
 * was sealed under another key.
 */
export function openSealedNote(privateKey: webcrypto.CryptoKey, sealed: SealedNote, visitId: string): Promise<string> {
  return openEcies(privateKey, sealed, NOTE_SEAL_INFO, visitId);
}
