import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/**
 * `/home-snapshot.js`: the painter of the home as it last looked
 * (src/app/public/home/homeSnapshot.ts), built as one small classic script and listed in
 * index.html right after `<div id="app">`.
 *
 * Why a classic script of its own: a module script waits for the whole entry graph to be
 * fetched and compiled, and runs after the document is parsed; at 4× CPU on a cold start
 * from the service worker that was 1.1–2 s after navigation, all of it before the first
 * place could show (docs/quality.md: < 1 s). A classic script at the end of the body runs
 * as soon as it arrives. Not inline: the CSP allows scripts from 'self' only
 * (src/server/http/securityHeaders.ts). Precached with the shell (a .js at the root).
 */
export const HOME_SNAPSHOT_SCRIPT = 'home-snapshot.js';

/** The painter's code as one classic script (exported for tests). */
export async function buildHomeSnapshotScript(): Promise<string> {
  const entry = fileURLToPath(new URL('../app/public/home/paintHomeSnapshot.ts', import.meta.url));
  const result = await build({ entryPoints: [entry], bundle: true, format: 'iife', minify: true, target: 'es2020', write: false, legalComments: 'none' });
  return result.outputFiles[0]!.text;
}

/** Pure: index.html with the painter listed right after #app's closing tag (exported for tests). */
export function withSnapshotScript(html: string): string {
  const tag = `<script src="/${HOME_SNAPSHOT_SCRIPT}"></script>`;
  if (html.includes(tag)) return html;
  if (!html.includes('</body>')) throw new Error('index.html has no </body> for the home snapshot script');
  return html.replace('</body>', `  ${tag}\n  </body>`);
}

export function homeSnapshotScript(): Plugin {
  return {
    name: 'escale-home-snapshot',
    transformIndexHtml: { order: 'post', handler: (html) => withSnapshotScript(html) },
    configureServer(server) {
      server.middlewares.use(`/${HOME_SNAPSHOT_SCRIPT}`, (_req, res, next) => {
        buildHomeSnapshotScript().then((code) => {
          res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
          res.end(code);
        }, next);
      });
    },
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: HOME_SNAPSHOT_SCRIPT, source: await buildHomeSnapshotScript() });
    },
  };
}
