// ESLint flat config for `npm run lint` (eslint --config .ci/eslint.config.js .).
//
// Two jobs: typescript-eslint's recommended rules (without type information, for speed:
// `npm run typecheck` already runs the compiler), and the architecture boundaries of
// DESIGN.md, which no type checker sees:
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
        message: `${area} ${FORBIDDEN[key].message}: see "Architecture" in DESIGN.md.`,
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
                message: `${rule.from} must not import ${hit} ('${source.value}'): see "Architecture" in DESIGN.md.`,
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
// (STYLE.md: inject the network).
const APP_NON_SCREENS = [...['data', 'sync', 'composition', 'config', 'map', 'pwa', 'sw'].map((d) => `src/app/${d}/**`), 'src/app/wiring.ts'];

const fetchMessage = 'Screens never call fetch: go through a repository or the sync engine (src/app/data, src/app/sync).';

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
);

// Every pattern is relative to the repository root, wherever eslint is started from.
export default configs.map((config) => ({ basePath: ROOT, ...config }));
