import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { build } from 'vite';

const require = createRequire(import.meta.url);

/**
 * The PouchDB reference: an in-memory PouchDB server (express-pouchdb on the memory
 * adapter, no LevelDB: pouchdb-server's leveldown is a native module we do without) on
 * 127.0.0.1, holding the same documents, and a page on that same origin that replicates
 * them into the browser's IndexedDB with pouchdb-browser.
 */
export interface PouchReference {
  url: string;
  /** The database holding the documents. */
  dbUrl: string;
  close(): Promise<void>;
}

let bundle: Promise<string> | undefined;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- PouchDB ships no types here
let pouchCore: any;
/** pouchdb-browser as one IIFE (global PouchDB), built with Vite once per run. */
function pouchBundle(): Promise<string> {
  bundle ??= (async () => {
    const out = await build({
      configFile: false,
      logLevel: 'silent',
      resolve: { alias: { events: require.resolve('events/events.js') } },
      define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
      build: { write: false, minify: true, lib: { entry: require.resolve('pouchdb-browser/lib/index.es.js'), name: 'PouchDB', formats: ['iife'], fileName: 'pouchdb' } },
    });
    const result = (Array.isArray(out) ? out[0] : out) as { output: Array<{ code?: string }> };
    return result.output[0]!.code!;
  })();
  return bundle;
}

let servers = 0;

export async function startPouchReference(docs: Array<Record<string, unknown> & { id: string }>): Promise<PouchReference> {
  const js = await pouchBundle();
  type Res = { type(t: string): Res; send(body: string): void };
  type App = { get(path: string, h: (req: unknown, res: Res) => void): void; use(path: string, h: unknown): void; listen(port: number, host: string, cb: () => void): Server };
  const express = require('express') as () => App;
  // Plugins are applied once per process: applying pouchdb-replication twice throws.
  pouchCore ??= require('pouchdb-core').plugin(require('pouchdb-adapter-memory')).plugin(require('pouchdb-adapter-http')).plugin(require('pouchdb-replication'));
  const Memory = pouchCore.defaults({ adapter: 'memory' });
  // A fresh database name per call: the memory adapter keeps databases for the process.
  const name = `places-${++servers}`;
  const db = new Memory(name);
  for (let i = 0; i < docs.length; i += 1000) {
    await db.bulkDocs(docs.slice(i, i + 1000).map((d) => ({ ...d, _id: d.id })));
  }
  const app = express();
  app.get('/__bench/pouchdb.js', (_req, res) => {
    res.type('application/javascript').send(js);
  });
  app.get('/__bench/pouch.html', (_req, res) => {
    res.type('html').send('<!doctype html><meta charset="utf-8"><title>pouch</title><script src="/__bench/pouchdb.js"></script>');
  });
  app.use('/', require('express-pouchdb')(Memory, { mode: 'minimumForPouchDB', inMemoryConfig: true, logPath: '/dev/null' }));
  const server: Server = await new Promise((r) => {
    const s = app.listen(0, '127.0.0.1', () => r(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    dbUrl: `http://127.0.0.1:${port}/${name}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
