import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The design is written down in docs/ and in the folders' READMEs; code comments cite it.
// A citation of a document that is not in the repository (the team's brief once lived
// outside it: "SYNC.md", "DESIGN.md") leaves whoever takes the project over with nothing to
// read, and a path named in a doc that no longer exists sends them the wrong way. The
// links themselves are checked by docLinks.test.ts; this checks what links cannot see.

const ROOT = resolve(import.meta.dirname, '../../..');

function tracked(): string[] {
  return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n').filter((f) => f && existsSync(join(ROOT, f)));
}

const SOURCE = /\.(?:ts|tsx|js|mjs|cjs|css|sql|html)$/;
/** `docs/sync.md`, `../README.md`, `SYNC.md` — any name of a markdown file. */
const MD_CITATION = /(?<![\w/.-])([\w./-]*[\w-]\.md)\b/g;
/** A path of the repository written in backticks in a doc, e.g. `src/app/data/db.ts`. */
const PATH_IN_DOC = /`((?:\.\.\/)*(?:src|tests|docs|deploy|data|\.ci|public)\/[^`\s]*)`/g;

/** Whether a cited markdown file exists: from the root, from the citing file, or a README above it. */
export function resolvesCitation(file: string, cited: string, exists: (path: string) => boolean): boolean {
  if (exists(cited) || exists(join(dirname(file), cited))) return true;
  if (cited === 'README.md') {
    for (let dir = dirname(file); ; dir = dirname(dir)) {
      if (exists(join(dir, 'README.md'))) return true;
      if (dir === '.' || dir === '') return false;
    }
  }
  return false;
}

/** A backticked path of a doc, made comparable: line numbers, trailing punctuation and anchors off. */
export function pathOf(raw: string): string | undefined {
  if (/[*{}<>$]|\.\.\.|…/.test(raw)) return undefined;
  return raw.replace(/#.*$/, '').replace(/:\d+(?:-\d+)?$/, '').replace(/[.,;:)]+$/, '');
}

describe('citations', () => {
  const files = tracked();
  const exists = (p: string) => existsSync(join(ROOT, p));

  it('every markdown document a source file names is in the repository', () => {
    const missing: string[] = [];
    // The checkers' own tests name made-up documents on purpose.
    for (const file of files.filter((f) => SOURCE.test(f) && !f.startsWith('tests/.artifacts/') && !f.startsWith('tests/unit/repo/'))) {
      const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
      lines.forEach((line, i) => {
        for (const [, cited] of line.matchAll(MD_CITATION)) {
          if (!resolvesCitation(file, cited!, exists)) missing.push(`${file}:${i + 1}: ${cited}`);
        }
      });
    }
    expect(missing).toEqual([]);
  });

  it('every repository path a markdown document names exists', () => {
    const missing: string[] = [];
    for (const file of files.filter((f) => f.endsWith('.md'))) {
      const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
      lines.forEach((line, i) => {
        for (const [, raw] of line.matchAll(PATH_IN_DOC)) {
          const path = pathOf(raw!);
          // A chunk or module named without its extension (`public/HomeScreen`) counts too.
          const found = [path, join(dirname(file), path ?? '')].some((p) => ['', '.ts', '.tsx'].some((ext) => exists(p + ext)));
          if (path && !found) missing.push(`${file}:${i + 1}: ${raw}`);
        }
      });
    }
    expect(missing).toEqual([]);
  });

  it('tells a missing document and a missing path from present ones', () => {
    const present = new Set(['docs/sync.md', 'src/app/README.md', 'README.md']);
    const has = (p: string) => present.has(p.replace(/^\.\//, ''));
    expect(resolvesCitation('src/app/data/db.ts', 'docs/sync.md', has)).toBe(true);
    expect(resolvesCitation('src/app/data/db.ts', 'SYNC.md', has)).toBe(false);
    expect(resolvesCitation('src/app/data/db.ts', 'README.md', has)).toBe(true);
    expect(resolvesCitation('src/app/data/README.md', '../README.md', has)).toBe(true);
    expect(pathOf('src/app/data/db.ts:12')).toBe('src/app/data/db.ts');
    expect(pathOf('src/territories/<slug>/')).toBeUndefined();
  });
});
