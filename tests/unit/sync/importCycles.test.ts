import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// No import circle among the files of the app's core (the replica rules, the local store,
// the sync engine, the composition root, services and state): the lint holds the direction
// between those folders (.ci/eslint.config.js, the src/app block); this holds it between
// files, inside a folder too. Type-only imports count: a circle of types is still one more
// thing to hold in mind when changing either file.

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CORE = ['replica', 'data', 'sync', 'composition', 'services', 'state', 'aidant/lock'].map((d) => `src/app/${d}`);
const CORE_FILES = ['src/app/wiring.ts', 'src/app/main.tsx'];

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:import|export)\s[^'";]*?from\s*'([^']+)'|import\(\s*'([^']+)'\s*\)/g)) {
    const spec = m[1] ?? m[2]!;
    if (!spec.startsWith('.')) continue;
    const base = resolve(dirname(join(ROOT, file)), spec);
    const hit = ['.ts', '.tsx', ''].map((ext) => base + ext).find((p) => existsSync(p) && statSync(p).isFile());
    if (hit) out.push(relative(ROOT, hit).split('\\').join('/'));
  }
  return out;
}

/** Strongly connected components of more than one file (Tarjan). */
function circles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      component.push(w);
    } while (w !== v);
    if (component.length > 1) out.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

describe("the app's core", () => {
  it('has no import circle between its files', () => {
    const files = [...CORE.flatMap(sources), ...CORE_FILES];
    expect(files.length).toBeGreaterThan(40);
    const graph = new Map(files.map((f) => [f, importsOf(f)]));
    expect(circles(graph)).toEqual([]);
  });

  it('would see one (the check itself)', () => {
    expect(circles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c']]);
  });
});
