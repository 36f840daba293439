import type { NoteServerKey } from '../../shared/domain/sealedNote';
import { MUTATION_SEAL_INFO, sealedMutationAad, type SealedMutation, type SealedMutationBinding } from '../../shared/sync/sealedMutation';
import { sealForServerKey } from '../crypto/sealForServerKey';

/**
 * Seal a waiting change's arguments for the server (src/shared/sync/sealedMutation.ts),
 * bound to the device, the mutation id, its name and its author. The tablet cannot open it
 * again: it keeps no key that does.
 */
export async function sealMutation(key: NoteServerKey, binding: SealedMutationBinding, args: unknown): Promise<SealedMutation> {
  const box = await sealForServerKey(key, MUTATION_SEAL_INFO, sealedMutationAad(binding), JSON.stringify(args));
  return { v: 1, kid: key.kid, mid: binding.mid, ...box };
}
