import * as z from 'zod/mini';
import type { Mutation } from '../../../shared/sync/protocol';
import { MUTATION_SEAL_INFO, sealedMutationAad, sealedMutationSchema } from '../../../shared/sync/sealedMutation';
import { reject, type MutationContext, type Outcome } from './MutationContext';
import { notePrivateKey } from './noteKey';
import { openEcies } from './openEcies';

const unopened = (why: string): { outcome: Outcome } =>
  ({ outcome: reject('sealed_unopened', `Modification scellée illisible par ce serveur : ${why}. Elle n’est pas appliquée.`) });

/**
 * A mutation whose arguments a shared tablet sealed for this server (protocol 2,
 * src/shared/sync/sealedMutation.ts), opened with the note key before the usual checks:
 * the result is the same mutation with its arguments in clear, applied exactly as if it
 * had been sent so. A box that does not open is that mutation's `sealed_unopened`
 * rejection, never a throw: its id advances like any rejected mutation's (I12), so the
 * device drops it from its outbox once and keeps the rejection (it cannot read it either).
 *
 * Bound (the AES-GCM additional data) to this device, the id it was sealed under, the
 * mutation's name and the session's account: a box moved to another device, name or
 * account does not open. It opens at its own id, or at a lower one only (a device renumbers
 * its outbox downwards when the server lost what it had acknowledged, outboxRules.ts
 * planGap; the record UUIDs then guard against a second effect, as for every renumbered
 * entry); never at a later id, where it would be a copy.
 */
export async function openSealedMutation(ctx: MutationContext, mutation: Mutation): Promise<{ mutation: Mutation } | { outcome: Outcome }> {
  if (mutation.args !== undefined) return { outcome: reject('invalid_args', 'Une modification scellée ne porte pas aussi ses données en clair.') };
  const parsed = z.safeParse(sealedMutationSchema, mutation.sealed);
  if (!parsed.success) return unopened('boîte mal formée');
  const box = parsed.data;
  if (box.mid < mutation.id) return unopened(`scellée pour la modification n° ${box.mid}, pas la n° ${mutation.id}`);
  const key = await notePrivateKey(ctx.tx, box.kid, ctx.notes);
  if (!key) return unopened(`clé ${box.kid} inconnue`);
  const aad = sealedMutationAad({ clientId: ctx.clientId, mid: box.mid, name: mutation.name, authorId: ctx.user.id });
  let args: unknown;
  try {
    args = JSON.parse(await openEcies(key, box, MUTATION_SEAL_INFO, aad));
  } catch {
    return unopened('la boîte ne s’ouvre pas (altérée, ou scellée pour un autre appareil, une autre modification ou un autre compte)');
  }
  return { mutation: { id: mutation.id, name: mutation.name, args } };
}
