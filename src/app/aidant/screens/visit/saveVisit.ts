import type { VisitLog } from '../../../../shared/domain/visitLog';
import type { AidantController, UnlockedAidant } from '../../aidantController';
import { sealForServer } from '../../crypto/serverSeal';
import { sealVisitNotes } from '../../crypto/visitNotes';

/**
 * Writes a checked visit, new or corrected. The note leaves the record before anything is
 * written (the outbox rests on the disk): two sealed copies, no clear one — for the author,
 * under their PIN key (kept on the tablet), and for the server, under its public key (the
 * outbox carries only that).
 */
export async function saveVisit(controller: AidantController, me: UnlockedAidant, visit: VisitLog, correcting: boolean): Promise<void> {
  const sealed = await sealVisitNotes(me.key, visit);
  const serverKey = visit.notes ? await controller.backend.noteServerKey?.() : undefined;
  const forServer = serverKey && visit.notes ? await sealForServer(serverKey, visit.notes, visit.id) : undefined;
  if (correcting) await controller.backend.writes.updateQueuedVisit(sealed.visit, forServer);
  else await controller.backend.writes.createVisit(sealed.visit, forServer);
  if (sealed.notesBox) await controller.notes.put(sealed.visit.id, me.userId, sealed.notesBox);
  else if (correcting) await controller.notes.delete(sealed.visit.id);
}
