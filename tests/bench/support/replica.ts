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

/** Rows in Escale's Dexie `rows` store; 0 before the database exists (never creates it). */
export function countRows(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const dbs = await indexedDB.databases();
    if (!dbs.some((d) => d.name === 'escale')) return 0;
    return new Promise<number>((resolve) => {
      const req = indexedDB.open('escale');
      req.onerror = () => resolve(-1);
      req.onsuccess = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains('rows')) {
          db.close();
          resolve(0);
          return;
        }
        const count = db.transaction('rows').objectStore('rows').count();
        count.onsuccess = () => {
          db.close();
          resolve(count.result);
        };
        count.onerror = () => {
          db.close();
          resolve(-1);
        };
      };
    });
  });
}

