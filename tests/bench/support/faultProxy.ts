import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FaultStats {
  requests: number;
  droppedBefore: number;
  droppedAfter: number;
  truncated: number;
}

export interface FaultProxy {
  url: string;
  stats: FaultStats;
  close(): Promise<void>;
}

/**
 * A fault-injecting HTTP proxy on 127.0.0.1 in front of `target`. Each request is, at
 * random: cut before it reaches the server (`before`), forwarded and answered by the
 * server but its response dropped (`after`: the server has committed), forwarded with
 * its response cut mid-body (`truncate`), or passed through. The shares are independent
 * of the request's kind, so pushes and pulls are cut alike.
 */
export async function startFaultProxy(target: string, random: () => number, shares = { before: 0.1, after: 0.1, truncate: 0.1 }): Promise<FaultProxy> {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const stats: FaultStats = { requests: 0, droppedBefore: 0, droppedAfter: 0, truncated: 0 };
  const server = http.createServer((req, res) => {
    stats.requests++;
    const r = random();
    const fault = r < shares.before ? 'before' : r < shares.before + shares.after ? 'after' : r < shares.before + shares.after + shares.truncate ? 'truncate' : 'none';
    if (fault === 'before') {
      stats.droppedBefore++;
      req.resume();
      req.socket.destroy();
      return;
    }
    const up = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host }, agent },
      (answer) => {
        if (fault === 'after') {
          stats.droppedAfter++;
          answer.resume();
          answer.on('end', () => res.socket?.destroy());
          return;
        }
        if (fault === 'truncate') {
          const chunks: Buffer[] = [];
          answer.on('data', (c: Buffer) => chunks.push(c));
          answer.on('end', () => {
            const body = Buffer.concat(chunks);
            stats.truncated++;
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.write(body.subarray(0, Math.floor(body.length * random())));
            // Let the partial body leave before the cut.
            setImmediate(() => res.socket?.destroy());
          });
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    up.on('error', () => res.socket?.destroy());
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    close: () =>
      new Promise<void>((r) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
