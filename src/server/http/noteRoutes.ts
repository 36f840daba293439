import { Hono } from 'hono';
import * as z from 'zod/mini';
import { uuidSchema } from '../../shared/domain/common';
import { writeAudit } from '../admin/writeAudit';
import { eraseVisitNote, readVisitNote } from '../sync/store/visitNotes';
import { ApiFailure } from './ApiFailure';
import { requireUser, type AppContext } from './AppContext';

const READERS = ['staff', 'admin'] as const;
const ERASERS = ['admin'] as const;

/**
 * Visit notes, one at a time, for the office (docs/privacy.md). Notes are never pulled:
 * a staff member reads one here, online, and the page keeps it in memory only. Each
 * reading writes an audit line (who, when, which visit) before the note is sent; an admin
 * erases one (a person's request), and the erasure reaches every replica as a new version
 * of the visit (`noteState: 'removed'`). A visit of another territory is "not found".
 */
export function noteRoutes(app: AppContext): Hono {
  const r = new Hono();
  const visitId = (raw: string) => {
    if (!z.safeParse(uuidSchema, raw).success) throw new ApiFailure('not_found', 'Note introuvable.');
    return raw;
  };

  r.get('/:visitId', async (c) => {
    const user = await requireUser(app, c, READERS);
    const id = visitId(c.req.param('visitId'));
    const note = await app.db.transaction(async (tx) => {
      const found = await readVisitNote(tx, app.notes, id, user.territoryId);
      if (!found) return undefined;
      await writeAudit(tx, { actorId: user.id, action: 'note.read', target: id, details: { aidantId: found.ownerId }, at: app.now() });
      return found;
    });
    if (!note) throw new ApiFailure('not_found', 'Note introuvable.');
    c.header('Cache-Control', 'no-store');
    return c.json({ visitId: id, aidantId: note.ownerId, receivedAt: note.createdAt, note: note.text });
  });

  r.delete('/:visitId', async (c) => {
    const admin = await requireUser(app, c, ERASERS);
    const id = visitId(c.req.param('visitId'));
    const erased = await eraseVisitNote(app.db, id, admin.territoryId, app.now(), (tx) =>
      writeAudit(tx, { actorId: admin.id, action: 'note.erase', target: id, at: app.now() }));
    if (!erased) throw new ApiFailure('not_found', 'Note introuvable.');
    return c.json({ ok: true });
  });

  return r;
}
