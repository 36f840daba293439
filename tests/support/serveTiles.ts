/**
 * A real map tile server for the browser tests: `/{z}/{x}/{y}.png` answered with real
 * 256×256 PNG images (built here with zlib, one colour per zoom level), with CORS headers
 * as a tile server has them and `Cache-Control: no-store`, on a free loopback port. It counts every request and can
 * hold them back (`hold()`, `allow(n)`, `release()`) so a test sees a progress bar at a
 * known point instead of racing it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { crc32, deflateSync } from 'node:zlib';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A `size`×`size` opaque RGB PNG of one colour. */
export function solidPng(size: number, [r, g, b]: readonly [number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  // compression, filter and interlace methods: 0
  const row = Buffer.alloc(1 + size * 3); // filter byte 0, then the pixels
  for (let x = 0; x < size; x += 1) row.set([r, g, b], 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const TILE_PATH = /^\/(\d{1,2})\/(\d+)\/(\d+)\.png$/;

export interface TileServer {
  /** Leaflet URL template, e.g. http://127.0.0.1:41235/{z}/{x}/{y}.png */
  template: string;
  origin: string;
  /** Paths of every tile request received so far, in order (`/10/512/360.png`). */
  requests: string[];
  /** The same requests with their `Accept` header, which tells the map's <img> tiles
   *  (`image/…`, kept when the service worker fetches them on the page's behalf, whereas
   *  `Sec-Fetch-Dest` then turns to `empty`) from a plain fetch() such as "keep the map"
   *  (any type). */
  log: { path: string; accept: string }[];
  /** From now on, answer nothing until `allow()` or `release()`. */
  hold(): void;
  /** Let `n` more requests through (the waiting ones first). */
  allow(n: number): void;
  /** Answer everything again, the waiting requests included. */
  release(): void;
  /** How many requests are waiting. */
  waiting(): number;
  stop(): Promise<void>;
}

export async function startTileServer(): Promise<TileServer> {
  const tiles = new Map<number, Buffer>();
  const tileFor = (z: number) => {
    let png = tiles.get(z);
    if (!png) tiles.set(z, (png = solidPng(256, [200 - ((z * 9) % 100), 220, 180 + ((z * 7) % 60)])));
    return png;
  };
  const requests: string[] = [];
  const log: { path: string; accept: string }[] = [];
  const queue: (() => void)[] = [];
  let budget = Number.POSITIVE_INFINITY;

  const answer = (req: IncomingMessage, res: ServerResponse) => {
    const match = TILE_PATH.exec(new URL(req.url ?? '/', 'http://tiles').pathname);
    // no-store: offline, a tile can then only come from the app's Cache Storage, never
    // from the browser's HTTP cache, so a test proves the app's own caching.
    const headers = { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' };
    if (!match) {
      res.writeHead(404, headers).end();
      return;
    }
    const png = tileFor(Number(match[1]));
    res.writeHead(200, { ...headers, 'Content-Type': 'image/png', 'Content-Length': png.length });
    res.end(req.method === 'HEAD' ? undefined : png);
  };
  const drain = () => {
    while (budget > 0 && queue.length > 0) {
      budget -= 1;
      queue.shift()?.();
    }
  };

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://tiles').pathname;
    requests.push(path);
    log.push({ path, accept: String(req.headers.accept ?? '') });
    queue.push(() => answer(req, res));
    drain();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;

  return {
    template: `${origin}/{z}/{x}/{y}.png`,
    origin,
    requests,
    log,
    hold: () => void (budget = 0),
    allow(n) {
      budget += n;
      drain();
    },
    release() {
      budget = Number.POSITIVE_INFINITY;
      drain();
    },
    waiting: () => queue.length,
    stop: () =>
      new Promise<void>((resolve) => {
        budget = 0;
        queue.length = 0;
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
