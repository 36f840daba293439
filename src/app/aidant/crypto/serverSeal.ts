import { NOTE_SEAL_INFO, type NoteServerKey, type SealedNote } from '../../../shared/domain/sealedNote';
import { sealForServerKey } from '../../crypto/sealForServerKey';

/**
 * Seal a note for the server (see sealedNote.ts), bound to the visit id. The tablet cannot
 * open it again (it keeps its own PIN-sealed copy for the author): what rests in the
 * outbox is readable by the server only.
 */
export async function sealForServer(key: NoteServerKey, plaintext: string, visitId: string): Promise<SealedNote> {
  return { v: 1, kid: key.kid, ...(await sealForServerKey(key, NOTE_SEAL_INFO, visitId, plaintext)) };
}
