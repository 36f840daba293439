import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// src/app/replica holds the replica's rules, pure (src/app/replica/README.md): plain data in
// and out, no Dexie, no DOM, no Preact. The lint bans the packages (.ci/eslint.config.js);
// this builds the folder with its own tsconfig, without the DOM's or Node's types, so a
// rule that reaches for `document`, `indexedDB`, `navigator` or `setTimeout` fails here.

const CONFIG = fileURLToPath(new URL('../../../src/app/replica/tsconfig.json', import.meta.url));

describe('src/app/replica', () => {
  it('compiles without the DOM or Node', () => {
    const parsed = ts.getParsedCommandLineOfConfigFile(CONFIG, {}, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); },
    });
    if (!parsed) throw new Error(`cannot read ${CONFIG}`);
    expect(parsed.fileNames.some((f) => f.endsWith('/replica/overlayPending.ts'))).toBe(true);
    const program = ts.createProgram(parsed.fileNames, parsed.options);
    const problems = ts.getPreEmitDiagnostics(program).map((d) =>
      `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(problems).toEqual([]);
  }, 60_000);
});
