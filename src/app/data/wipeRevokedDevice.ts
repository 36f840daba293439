import * as z from 'zod/mini';
import { instantSchema } from '../../shared/domain/common';
import { META, type EscaleDb } from './db';
import { clearHeldRows } from './heldRows';

// A lost tablet (docs/privacy.md, "What a lost tablet reveals"): the office revokes the
// device, the server refuses every request carrying its sessions (`device_revoked`), and
// at that answer the device wipes what it held of its accounts. Nothing can be sent first:
// the server refuses a revoked device's pushes too (a thief must not be able to add
// visits), so the changes still waiting are dropped with the rest; the office sees how
// many a device holds in its devices list before revoking it.

export const wipeNoticeSchema = z.object({ at: instantSchema, dropped: z.number().check(z.int(), z.nonnegative()) });
/** What the device says after a wipe: when, and how many unsent changes it dropped. */
export type WipeNotice = z.infer<typeof wipeNoticeSchema>;

/**
 * One transaction over every table of the device database: the replica (directory
 * included: it is pulled again as a public device), the outbox, pending edits, conflicts,
 * rejections, quarantine, and every meta value but the replica format. The device takes a
 * new id (the old one stays revoked on the server, so an account signing in here again is
 * a new device for the office) and its mutation ids start again at 1.
 */
export async function wipeRevokedDevice(db: EscaleDb, at: Date, newClientId: string): Promise<WipeNotice> {
  return db.transaction('rw', [...db.replicaTables, db.pendingEdits, db.outbox, db.conflicts, db.rejections, db.quarantine, db.meta], async () => {
    const dropped = await db.outbox.count();
    const format = (await db.meta.get(META.replicaFormat))?.value;
    await clearHeldRows(db);
    await Promise.all([db.pendingEdits.clear(), db.outbox.clear(), db.conflicts.clear(),
      db.rejections.clear(), db.quarantine.clear(), db.meta.clear()]);
    const notice: WipeNotice = { at: at.toISOString(), dropped };
    await db.meta.bulkPut([
      { key: META.replicaFormat, value: format },
      { key: META.newestSeq, value: 0 },
      { key: META.clientId, value: newClientId },
      { key: META.wiped, value: notice },
    ]);
    return notice;
  });
}

/** The notice kept after a wipe, if any. */
export async function readWipeNotice(db: EscaleDb): Promise<WipeNotice | undefined> {
  const parsed = wipeNoticeSchema.safeParse((await db.meta.get(META.wiped))?.value);
  return parsed.success ? parsed.data : undefined;
}
