import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import * as z from 'zod/mini';
import { idSchema, inseeSchema } from '../../shared/domain/common';
import type { Preferences } from './contracts';

// Small personal choices in idb-keyval, apart from the replica: a reset of the replicated
// tables or a logout never touches them. Values read back are parsed like any boundary.

const languageSchema = z.enum(['fr', 'en']);
const tickedSchema = z.array(idSchema);

export function createPreferences(store: UseStore = createStore('escale-preferences', 'kv')): Preferences {
  async function read<T>(key: string, schema: z.ZodMiniType<T>): Promise<T | undefined> {
    const raw: unknown = await get(key, store);
    if (raw === undefined) return undefined;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      console.warn(`[preferences] ignoring a bad value for ${key}`);
      return undefined;
    }
    return parsed.data;
  }
  return {
    getCommune: () => read('commune', inseeSchema),
    async setCommune(insee) {
      if (insee === undefined) return del('commune', store);
      return set('commune', inseeSchema.parse(insee), store);
    },
    getLanguage: () => read('language', languageSchema),
    setLanguage: (lang) => set('language', languageSchema.parse(lang), store),
    async getTickedDocuments(checklistId) { return (await read(`ticked:${checklistId}`, tickedSchema)) ?? []; },
    setTickedDocuments: (checklistId, documentIds) => set(`ticked:${checklistId}`, tickedSchema.parse([...new Set(documentIds)]), store),
  };
}
