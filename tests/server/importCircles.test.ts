import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// No two files of src/server import each other, directly or through others (type-only
// imports count: a circle is a circle to a reader). The lint's layer rules keep circles
// from crossing layers (.ci/eslint.config.js); this holds the files inside one layer too.

const ROOT = fileURLToPath(new URL('../../src/server', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The files of src/server that `file` imports by a relative path. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/g)].map((m) => m[1]!);
  return specs
    .map((spec) => resolve(dirname(file), spec))
    .map((base) => [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((p) => existsSync(p)))
    .filter((p): p is string => p !== undefined && p.startsWith(ROOT));
}

/** Every circle found by a depth-first walk of `graph` (file → files it imports). */
function circles(graph: Map<string, string[]>): string[][] {
  const done = new Set<string>();
  const found: string[][] = [];
  const walk = (file: string, path: string[]) => {
    const at = path.indexOf(file);
    if (at >= 0) {
      found.push([...path.slice(at), file]);
      return;
    }
    if (done.has(file)) return;
    for (const next of graph.get(file) ?? []) walk(next, [...path, file]);
    done.add(file);
  };
  for (const f of graph.keys()) walk(f, []);
  return found;
}

describe('src/server imports', () => {
  it('form no circle', () => {
    const files = sourceFiles(ROOT);
    expect(files.length).toBeGreaterThan(50);
    const graph = new Map(files.map((f) => [f, importsOf(f)]));
    expect([...graph.values()].flat().length).toBeGreaterThan(100);
    expect(circles(graph).map((c) => c.map((f) => relative(ROOT, f)).join(' → '))).toEqual([]);
  });

  it('the walk finds a circle when there is one', () => {
    // The two-file circle this layout removed (PullCaches ↔ pullChanges), and a longer one.
    expect(circles(new Map([['pullChanges', ['PullCaches']], ['PullCaches', ['pullChanges']]]))).toEqual([
      ['pullChanges', 'PullCaches', 'pullChanges'],
    ]);
    expect(circles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toHaveLength(1);
    expect(circles(new Map([['a', ['b', 'c']], ['b', ['c']], ['c', []]]))).toEqual([]);
  });
});
