// Shared by the browser tests that count what a device's replica holds (sync-resume.e2e.ts,
// packed-places-offline.e2e.ts).

/** What `escale`'s replica holds, read with raw IndexedDB: passed to `page.evaluate`, it runs in the page. */
export interface HeldRecords {
  /** One row per record held on its own. */
  rows: Array<{ collection: string; id: string; version: number }>;
  /** The id lists of the packs (src/app/replica/packs.ts): records held in a pack. */
  packs: Array<{ collection: string; ids: string[] }>;
  /** The stored pull cursor (the `meta` store's `cursor` value). */
  cursor: unknown;
}

export async function readHeldRecords(): Promise<HeldRecords> {
  const db = await new Promise<IDBDatabase>((ok, ko) => {
    const req = indexedDB.open('escale');
    req.onsuccess = () => ok(req.result);
    req.onerror = () => ko(req.error);
  });
  try {
    if (!db.objectStoreNames.contains('rows') || !db.objectStoreNames.contains('packIds')) return { rows: [], packs: [], cursor: undefined };
    const tx = db.transaction(['rows', 'packIds', 'meta'], 'readonly');
    const get = <T,>(req: IDBRequest) => new Promise<T>((ok, ko) => {
      req.onsuccess = () => ok(req.result as T);
      req.onerror = () => ko(req.error);
    });
    const [rows, packs, cursorRow] = await Promise.all([
      get<HeldRecords['rows']>(tx.objectStore('rows').getAll()),
      get<HeldRecords['packs']>(tx.objectStore('packIds').getAll()),
      get<{ value?: unknown } | undefined>(tx.objectStore('meta').get('cursor')),
    ]);
    return {
      rows: rows.map(({ collection, id, version }) => ({ collection, id, version })),
      packs: packs.map(({ collection, ids }) => ({ collection, ids })),
      cursor: cursorRow?.value,
    };
  } finally {
    db.close();
  }
}

/** Every record held, by key (collection, id), whether as a row or in a pack. */
export function heldKeys(held: HeldRecords): Array<[collection: string, id: string]> {
  return [...held.rows.map((r) => [r.collection, r.id] as [string, string]), ...held.packs.flatMap((p) => p.ids.map((id) => [p.collection, id] as [string, string]))];
}
