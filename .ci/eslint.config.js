// ESLint flat config for `npm run lint` (eslint --config .ci/eslint.config.js .).
//
// Two jobs: typescript-eslint's recommended rules (without type information, for speed:
// `npm run typecheck` already runs the compiler), and the architecture boundaries of
// docs/architecture.md, which no type checker sees:
//   - src/shared imports nothing from src/app or src/server, nor Node, Dexie, Preact,
//     Leaflet or Hono: it runs in the browser, the service worker, Node and tests alike;
//   - src/server never imports src/app, and src/app never imports src/server;
//   - in src/app, only src/app/data touches Dexie/idb-keyval and only src/app/map Leaflet;
//   - screens (src/app outside data, sync, config, map, pwa, sw) never call fetch: they
//     go through a repository or the sync engine.
//
// Hazard: in a flat config, two objects that set the same rule for one file do not merge,
// the later one wins. So each file area below gets ONE no-restricted-imports entry that
// lists every restriction of that area (built by `restrict(...)`), and the areas' `files`
// and `ignores` never overlap.
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

// The config lives in .ci/; the patterns are written from the repository root (see the end).
const ROOT = fileURLToPath(new URL('..', import.meta.url));

// @eslint/js comes with eslint; load it if it is there rather than fail the whole lint.
const js = await import('@eslint/js').then((m) => m.default).catch(() => undefined);

const NODE_BUILTINS =
  'assert|async_hooks|buffer|child_process|cluster|crypto|dgram|dns|events|fs|http|http2|https|module|net|os|path|perf_hooks|process|querystring|readline|stream|string_decoder|timers|tls|tty|url|util|v8|vm|worker_threads|zlib';

/** Package specifiers (regex on the string as written) and why they are forbidden. */
const FORBIDDEN = {
  node: { regex: String.raw`^(?:node:.*|(?:${NODE_BUILTINS})(?:/.*)?)$`, message: 'imports a Node built-in' },
  dexie: { regex: String.raw`^(?:dexie|idb-keyval)(?:/.*)?$`, message: 'imports Dexie/idb-keyval (only src/app/data may)' },
  leaflet: { regex: String.raw`^leaflet(?:/.*)?$`, message: 'imports Leaflet (only src/app/map may)' },
  preact: { regex: String.raw`^(?:preact|preact-iso|@preact/.*)(?:/.*)?$`, message: 'imports Preact' },
  hono: { regex: String.raw`^(?:hono|@hono/.*)(?:/.*)?$`, message: 'imports Hono' },
  serverDb: { regex: String.raw`^(?:pg|@electric-sql/pglite)(?:/.*)?$`, message: 'imports a database driver' },
};

/** One no-restricted-imports entry holding every package restriction of an area. */
function restrict(area, ...keys) {
  return [
    'error',
    {
      patterns: keys.map((key) => ({
        regex: FORBIDDEN[key].regex,
        message: `${area} ${FORBIDDEN[key].message}: see docs/architecture.md.`,
      })),
    },
  ];
}

/**
 * Relative imports across runtimes. A pattern on the specifier cannot tell src/server's
 * own `./app` from `../app`, so this rule resolves the specifier against the importing
 * file and compares folders. Options: [{ from: 'src/shared', forbid: ['src/app', ...] }].
 */
const boundaries = {
  rules: {
    'no-cross-runtime-import': {
      meta: { type: 'problem', schema: [{ type: 'array' }] },
      create(context) {
        const rules = context.options[0] ?? [];
        const file = relative(ROOT, context.filename).split(sep).join('/');
        const applicable = rules.filter((r) => file.startsWith(`${r.from}/`));
        if (!applicable.length) return {};
        const check = (source) => {
          if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
          const target = relative(ROOT, resolve(dirname(context.filename), source.value)).split(sep).join('/');
          for (const rule of applicable) {
            const hit = rule.forbid.find((dir) => target === dir || target.startsWith(`${dir}/`));
            if (hit) {
              context.report({
                node: source,
                message: `${rule.from} must not import ${hit} ('${source.value}'): see docs/architecture.md.`,
              });
            }
          }
        };
        return {
          ImportDeclaration: (node) => check(node.source),
          ExportNamedDeclaration: (node) => check(node.source),
          ExportAllDeclaration: (node) => check(node.source),
          ImportExpression: (node) => check(node.source.type === 'Literal' ? node.source : undefined),
        };
      },
    },
  },
};

const RUNTIME_BOUNDARIES = [
  { from: 'src/shared', forbid: ['src/app', 'src/server'] },
  { from: 'src/server', forbid: ['src/app'] },
  { from: 'src/app', forbid: ['src/server'] },
];

// Parts of src/app that are not screens: they may talk to the network. wiring.ts and
// composition/ are the composition root that hands the network to the sync engine
// (docs/style.md: inject the network).
const APP_NON_SCREENS = [...['data', 'sync', 'composition', 'config', 'map', 'pwa', 'sw'].map((d) => `src/app/${d}/**`), 'src/app/wiring.ts'];

const fetchMessage = 'Screens never call fetch: go through a repository or the sync engine (src/app/data, src/app/sync).';

// ==== src/app: one direction between its layers, and short closures ========================
//
//   replica/       the replica's rules, pure: plain data in and out (no Dexie, no DOM, no
//        ↑         Preact; tests/unit/sync/replicaIsPure.test.ts builds it without the DOM)
//   data/          the local store: Dexie, idb-keyval, the sign-in and admin requests
//        ↑
//   sync/          the sync engine: a pure state machine and the runner of its effects
//        ↑
//   composition/   the composition root (with wiring.ts and main.tsx): builds the store and
//        ↑         the engine, hands the screens what they may use
//   screens        every other folder (public, aidant, staff, ui, map, …) and App.tsx: they
//                  see services/ (AppContext), state/ and the contracts of data/ (contracts,
//                  errors, keyValueStore) only
//
// services/ and state/ sit between the screens and the store's contracts: services/ may use
// state/ and data/, state/ only data/ (no circle between them). ids/ and crypto/ (Base64, the seal for the
// server's key) are leaves anyone may use; src/shared is open to all (RUNTIME_BOUNDARIES keeps src/server out). A layer imports
// only those below it. The boundaries rule is registered a second time, as 'app-layers', so
// that these options do not replace RUNTIME_BOUNDARIES for src/app files (the hazard at the
// top); likewise the package bans of replica/ use typescript-eslint's no-restricted-imports,
// not the one the src/app area sets. The forbidden lists are read from the folders, so a new
// folder of src/app is a screen until it is placed here.
const { readdirSync } = await import('node:fs');
const APP = 'src/app';
const appEntries = (dir) =>
  readdirSync(resolve(ROOT, dir), { withFileTypes: true })
    .filter((d) => d.isDirectory() || /\.tsx?$/.test(d.name))
    .map((d) => `${dir}/${d.name.replace(/\.tsx?$/, '')}`);
/** Every folder and top-level module of src/app but these (paths as the rule compares them, no extension). */
const appAllBut = (...allowed) => appEntries(APP).filter((e) => !allowed.map((a) => `${APP}/${a}`).includes(e));
/** What of data/ the screens may import: the contracts they are handed, the errors they word, the small stores. */
const SCREEN_DATA = ['contracts', 'errors', 'keyValueStore'].map((f) => `${APP}/data/${f}`);
const NOT_SCREENS = ['replica', 'data', 'sync', 'composition', 'services', 'state', 'ids', 'crypto'];
const SCREEN_FORBIDS = [
  ...['replica', 'sync', 'composition', 'wiring', 'main'].map((e) => `${APP}/${e}`),
  ...appEntries(`${APP}/data`).filter((e) => !SCREEN_DATA.includes(e)),
];
const APP_LAYERS = [
  { from: `${APP}/replica`, forbid: appAllBut('replica') },
  { from: `${APP}/data`, forbid: appAllBut('data', 'replica', 'ids', 'crypto') },
  { from: `${APP}/sync`, forbid: appAllBut('sync', 'data', 'replica', 'ids', 'crypto') },
  { from: `${APP}/composition`, forbid: appAllBut('composition', 'sync', 'data', 'replica', 'ids', 'crypto', 'services', 'state') },
  { from: `${APP}/services`, forbid: appAllBut('services', 'state', 'data', 'ids', 'crypto') },
  { from: `${APP}/state`, forbid: appAllBut('state', 'data', 'ids', 'crypto') },
  ...readdirSync(resolve(ROOT, APP), { withFileTypes: true })
    .filter((d) => d.isDirectory() && !NOT_SCREENS.includes(d.name))
    .map((d) => ({ from: `${APP}/${d.name}`, forbid: SCREEN_FORBIDS })),
];
const APP_LAYER_CONFIGS = [
  {
    files: [`${APP}/**`],
    plugins: { 'app-layers': boundaries },
    rules: { 'app-layers/no-cross-runtime-import': ['error', APP_LAYERS] },
  },
  {
    // App.tsx is a file, which the rule's `from` cannot name: the same ban on its specifiers.
    files: [`${APP}/App.tsx`],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{
          regex: String.raw`^\./(?:replica|sync|composition)(?:/|$)|^\./(?:wiring|main)$|^\./data/(?!(?:contracts|errors|keyValueStore)$)`,
          message: 'Screens see services/, state/ and the contracts of data/ only: see src/app/README.md, "Layers".',
        }],
      }],
    },
  },
  {
    files: [`${APP}/replica/**`],
    rules: { '@typescript-eslint/no-restricted-imports': restrict('src/app/replica (pure rules)', 'node', 'dexie', 'leaflet', 'preact', 'hono', 'serverDb') },
  },
  {
    // createSyncEngine was 333 lines with 12 mutable variables: what a closure holds must stay readable.
    files: [`${APP}/data/**`, `${APP}/sync/**`, `${APP}/replica/**`, `${APP}/composition/**`, `${APP}/aidant/lock/**`],
    rules: { 'max-lines-per-function': ['error', { max: 120, skipBlankLines: true, skipComments: true }] },
  },
];
// ==== end of the src/app block ===============================================================

const configs = tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      'dist/**',
      'dev-dist/**',
      'coverage/**',
      'tests/.artifacts/**',
      'public/**',
      '.escale/**',
      'data/**',
      'bench-results/**',
    ],
  },
  ...(js ? [{ files: ['**/*.{js,mjs,cjs,ts,tsx}'], ...js.configs.recommended }] : []),
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: ['**/*.{js,mjs,cjs,ts,tsx}'] })),
  {
    files: ['**/*.{js,mjs,cjs,ts,tsx}'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_`-prefixed names are deliberately unused (callback positions, destructuring).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // TypeScript resolves names; no-undef only duplicates it badly on types and globals.
      'no-undef': 'off',
    },
  },
  // ---- architecture boundaries (areas do not overlap: see the hazard above)
  {
    files: ['src/**'],
    plugins: { boundaries },
    rules: { 'boundaries/no-cross-runtime-import': ['error', RUNTIME_BOUNDARIES] },
  },
  {
    files: ['src/shared/**'],
    rules: { 'no-restricted-imports': restrict('src/shared', 'node', 'dexie', 'leaflet', 'preact', 'hono', 'serverDb') },
  },
  {
    files: ['src/server/**'],
    rules: { 'no-restricted-imports': restrict('src/server', 'dexie', 'leaflet') },
  },
  {
    files: ['src/app/data/**'],
    rules: { 'no-restricted-imports': restrict('src/app/data', 'node', 'leaflet', 'hono', 'serverDb') },
  },
  {
    files: ['src/app/map/**'],
    rules: { 'no-restricted-imports': restrict('src/app/map', 'node', 'dexie', 'hono', 'serverDb') },
  },
  {
    files: ['src/app/**'],
    ignores: ['src/app/data/**', 'src/app/map/**', 'src/app/**/*.{js,mjs,cjs}'],
    rules: { 'no-restricted-imports': restrict('src/app', 'node', 'dexie', 'leaflet', 'hono', 'serverDb') },
  },
  {
    // Build-time scripts kept beside the code they generate (e.g. src/app/pwa/renderIcons.mjs
    // renders the icons with Chromium) run in Node by design: Node built-ins are allowed.
    files: ['src/app/**/*.{js,mjs,cjs}'],
    ignores: ['src/app/data/**', 'src/app/map/**'],
    rules: { 'no-restricted-imports': restrict('src/app (build script)', 'dexie', 'leaflet') },
  },
  {
    files: ['src/app/**'],
    ignores: APP_NON_SCREENS,
    rules: {
      'no-restricted-globals': ['error', { name: 'fetch', message: fetchMessage }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name=/^(window|self|globalThis)$/][property.name='fetch']",
          message: fetchMessage,
        },
      ],
    },
  },
  ...APP_LAYER_CONFIGS,
);

// ==== src/server: layers (issue 16, server side) — one block, kept apart to merge cleanly ====
// Data flows one way through the server (src/server/README.md, "Layers"):
//   entry points (app.ts, main.ts, dev.ts, static.ts, cli/, seed/)
//     → http/ (routes, request parsing, compression negotiation, headers, error statuses)
//       → sync/ (push/, pull/, and store/: the record table's lock, row writes, purges)
//         and, beside sync, auth/ and admin/ (used by http and sync, using db only)
//           → compress/ (bytes in, bytes out) and db/ (the Database interface), which
//             import nothing else of the server.
// Inside sync/, push/ and pull/ never import each other; store/ imports neither.
// The rule entries join RUNTIME_BOUNDARIES (ONE boundaries entry per file area: see the
// hazard at the top) and the function-length config joins `configs`, both from here.
const server = (...dirs) => dirs.map((d) => `src/server/${d}`);
/** What only the composition of the server may import: never a layer below it. */
const SERVER_ENTRY = server('app', 'main', 'dev', 'static', 'cli', 'seed', 'config');
const SERVER_BOUNDARIES = [
  { from: 'src/server/db', forbid: [...SERVER_ENTRY, ...server('http', 'sync', 'auth', 'admin', 'compress')] },
  { from: 'src/server/compress', forbid: [...SERVER_ENTRY, ...server('http', 'sync', 'auth', 'admin', 'db')] },
  { from: 'src/server/auth', forbid: [...SERVER_ENTRY, ...server('http', 'sync', 'admin')] },
  { from: 'src/server/admin', forbid: [...SERVER_ENTRY, ...server('http', 'sync', 'auth')] },
  { from: 'src/server/sync', forbid: [...SERVER_ENTRY, ...server('http')] },
  { from: 'src/server/sync/push', forbid: server('sync/pull') },
  { from: 'src/server/sync/pull', forbid: server('sync/push') },
  { from: 'src/server/sync/store', forbid: server('sync/push', 'sync/pull') },
  { from: 'src/server/seed', forbid: server('app', 'main', 'dev', 'static', 'cli', 'http') },
];
RUNTIME_BOUNDARIES.push(...SERVER_BOUNDARIES);
configs.push({
  // Push and pull hold the sync invariants (docs/sync.md I1–I12): no function or closure there
  // grows past what one reader can hold at once.
  files: ['src/server/sync/**'],
  rules: { 'max-lines-per-function': ['error', { max: 120, skipBlankLines: true, skipComments: true, IIFEs: true }] },
});
// ==== end of the src/server block ====

// Every pattern is relative to the repository root, wherever eslint is started from.
export default configs.map((config) => ({ basePath: ROOT, ...config }));
