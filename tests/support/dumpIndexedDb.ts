// Shared by the browser tests that read a profile's IndexedDB back (aidant.e2e.ts, office-notes.e2e.ts).

/** Every record of every IndexedDB database of the page, as one string (runs in the page). */
export async function dumpIndexedDb(): Promise<string> {
  const out: unknown[] = [];
  for (const info of await indexedDB.databases()) {
    if (!info.name) continue;
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      const req = indexedDB.open(info.name!);
      req.onsuccess = () => ok(req.result);
      req.onerror = () => ko(req.error);
    });
    for (const store of [...db.objectStoreNames]) {
      const rows = await new Promise<unknown[]>((ok, ko) => {
        const req = db.transaction(store, 'readonly').objectStore(store).getAll();
        req.onsuccess = () => ok(req.result as unknown[]);
        req.onerror = () => ko(req.error);
      });
      out.push({ db: info.name, store, rows });
    }
    db.close();
  }
  return JSON.stringify(out);
}
