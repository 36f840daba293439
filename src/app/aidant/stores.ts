import * as z from 'zod/mini';
import { idSchema, uuidSchema } from '../../shared/domain/common';
import type { KeyValueStore } from '../data/keyValueStore';
import { noteBoxSchema, type NoteBox } from './crypto/noteBox';
import { localProfileSchema, type LocalProfile, type ProfileStore } from './lock/localProfile';

/** The tablet's profiles over a keyed store; rows read back are parsed, a bad one skipped. */
export function profileStoreOver(kv: KeyValueStore): ProfileStore {
  const parse = (raw: unknown): LocalProfile | undefined => {
    const parsed = localProfileSchema.safeParse(raw);
    return parsed.success ? parsed.data : undefined;
  };
  return {
    get: async (userId) => parse(await kv.get(userId)),
    put: (profile) => kv.put(profile.userId, localProfileSchema.parse(profile)),
    list: async () => (await kv.list()).map(parse).filter((p): p is LocalProfile => p !== undefined)
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr')),
    delete: (userId) => kv.delete(userId),
  };
}

/**
 * A follow-up note as it rests on the tablet: only the AES-GCM box sealed with its author's
 * PIN key (bound to the visit id), never the text.
 */
export const storedNoteSchema = z.object({ visitId: uuidSchema, authorId: idSchema, box: noteBoxSchema });
export type StoredNote = z.infer<typeof storedNoteSchema>;

export interface NoteStore {
  put(visitId: string, authorId: string, box: NoteBox): Promise<void>;
  get(visitId: string): Promise<StoredNote | undefined>;
  delete(visitId: string): Promise<void>;
}

export function noteStoreOver(kv: KeyValueStore): NoteStore {
  return {
    put: (visitId, authorId, box) => kv.put(visitId, storedNoteSchema.parse({ visitId, authorId, box })),
    async get(visitId) {
      const parsed = storedNoteSchema.safeParse(await kv.get(visitId));
      return parsed.success ? parsed.data : undefined;
    },
    delete: (visitId) => kv.delete(visitId),
  };
}
