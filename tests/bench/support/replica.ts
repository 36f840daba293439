import type { Page } from 'playwright-core';

const TERRITORY = 'civraisien-en-poitou';

export interface Change {
  collection: string;
  op: string;
  id: string;
  version: number;
  seq: number;
  record?: Record<string, unknown>;
}

/** Every change of the public scope, pulled straight from the server. */
export async function allChanges(server: { url: string }): Promise<Change[]> {
  const out: Change[] = [];
  let cursor = '';
  for (let i = 0; i < 1000; i++) {
    const res = await fetch(`${server.url}/api/sync/pull?territory=${TERRITORY}&limit=5000${cursor ? `&cursor=${cursor}` : ''}`);
    const page = (await res.json()) as { changes: Change[]; cursor: string; hasMore: boolean };
    out.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) return out;
  }
  throw new Error('pull did not end');
}

/**
 * Records held in Escale's replica, counted by key wherever they are held: one per value
 * in the `rows` store, or many per value in a pack (`packIds` lists a pack's ids; see
 * src/app/replica/packs.ts). 0 before the database exists (never creates it).
 */
export function countRows(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const dbs = await indexedDB.databases();
    if (!dbs.some((d) => d.name === 'escale')) return 0;
    return new Promise<number>((resolve) => {
      const req = indexedDB.open('escale');
      req.onerror = () => resolve(-1);
      req.onsuccess = () => {
        const db = req.result;
        const stores = ['rows', 'packIds'].filter((s) => db.objectStoreNames.contains(s));
        if (!stores.length) {
          db.close();
          resolve(0);
          return;
        }
        const tx = db.transaction(stores);
        const keys = new Set<string>();
        const single = stores.includes('rows') ? tx.objectStore('rows').getAllKeys() : undefined;
        const packed = stores.includes('packIds') ? tx.objectStore('packIds').getAll() : undefined;
        tx.oncomplete = () => {
          db.close();
          for (const key of (single?.result ?? []) as Array<[string, string]>) keys.add(`${key[0]}/${key[1]}`);
          for (const entry of (packed?.result ?? []) as Array<{ collection: string; ids: string[] }>) for (const id of entry.ids) keys.add(`${entry.collection}/${id}`);
          resolve(keys.size);
        };
        tx.onerror = () => {
          db.close();
          resolve(-1);
        };
      };
    });
  });
}
