import * as z from 'zod/mini';
import { idSchema, nonEmptyText } from '../../../shared/domain/common';
import { loginSchema } from '../../../shared/domain/user';

/**
 * An aidant known to this tablet: created at their online sign-in, unlocked offline with
 * their PIN. Never holds the PIN nor the notes key: `pinVerifier` is a one-way check value
 * from the PIN (deriveKey.ts). Parsed when read back from storage.
 */
export const localProfileSchema = z.object({
  userId: idSchema,
  login: loginSchema,
  displayName: nonEmptyText(100),
  /** Base64; absent until the aidant chose a PIN. */
  pinSalt: z.optional(z.string().check(z.maxLength(64))),
  pinVerifier: z.optional(z.string().check(z.maxLength(64))),
  /** PBKDF2 iterations the verifier was made with (raised later without locking anyone out). */
  pinIterations: z.optional(z.int().check(z.gte(1))),
  /** Wrong PINs since the last right one; counted before each try (see pinLock.ts). */
  failedAttempts: z.int().check(z.gte(0)),
  /** Epoch ms before which no PIN is tried. */
  lockedUntil: z.optional(z.number()),
  /** The device session token from the online sign-in; wiped after too many wrong PINs. */
  token: z.optional(z.string().check(z.maxLength(512))),
});
export type LocalProfile = z.infer<typeof localProfileSchema>;

/**
 * Where profiles live (the data layer implements it over IndexedDB). `put` replaces the
 * whole profile; each call is atomic on its own.
 */
export interface ProfileStore {
  get(userId: string): Promise<LocalProfile | undefined>;
  put(profile: LocalProfile): Promise<void>;
  list(): Promise<LocalProfile[]>;
  delete(userId: string): Promise<void>;
}

/** The in-memory twin, for tests. Copies in and out, as a real store would. */
export function createMemoryProfileStore(initial: readonly LocalProfile[] = []): ProfileStore {
  const rows = new Map<string, LocalProfile>(initial.map((p) => [p.userId, structuredClone(p)]));
  return {
    get: async (userId) => {
      const p = rows.get(userId);
      return p === undefined ? undefined : structuredClone(p);
    },
    put: async (profile) => {
      rows.set(profile.userId, structuredClone(localProfileSchema.parse(profile)));
    },
    list: async () => [...rows.values()].map((p) => structuredClone(p)).sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr')),
    delete: async (userId) => {
      rows.delete(userId);
    },
  };
}
