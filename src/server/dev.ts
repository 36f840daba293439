import { spawn, type ChildProcess } from 'node:child_process';

// `npm run dev`: the API server (main.ts, on PORT 8080, without building dist/) and the
// Vite dev server, whose config proxies /api to 127.0.0.1:8080. Open the Vite URL.
// Ctrl-C stops both.

const children: ChildProcess[] = [
  spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    stdio: 'inherit',
    env: { ...process.env, ESCALE_SKIP_BUILD: '1', PORT: process.env.PORT ?? '8080', HOST: process.env.HOST ?? '127.0.0.1' },
  }),
  spawn(process.execPath, ['node_modules/vite/bin/vite.js'], { stdio: 'inherit' }),
];

let stopping = false;
function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
}
for (const child of children) child.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
