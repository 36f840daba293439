import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Every relative link in the repository's Markdown must lead somewhere: to a file or folder
// that exists and, for `file.md#anchor` or `#anchor`, to a heading of that file. The
// design lives in docs/ and the READMEs, and they point at the code and at each other;
// a file moved or a heading renamed would otherwise leave a newcomer at a dead end
// without anyone noticing. External links (http:, mailto:) are not checked: no network.

const ROOT = resolve(import.meta.dirname, '../../..');

/** Folders never walked: installed packages, build output, local data, test output. */
const SKIPPED = new Set(['node_modules', 'dist', '.git', '.escale', 'bench-results', 'coverage', join('tests', '.artifacts')]);

export function markdownFiles(root: string, dir = root): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const rel = relative(root, path);
    if (entry.isDirectory()) {
      if (!SKIPPED.has(entry.name) && !SKIPPED.has(rel)) found.push(...markdownFiles(root, path));
    } else if (entry.isFile() && entry.name.endsWith('.md')) {
      found.push(rel.split(sep).join('/'));
    }
  }
  return found.sort();
}

/** The text with fenced code blocks blanked (line count kept) and inline code removed. */
function prose(markdown: string): string[] {
  let fence: string | undefined;
  return markdown.split('\n').map((line) => {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      return '';
    }
    if (marker) {
      fence = marker;
      return '';
    }
    return line.replace(/(`+)[^`]*?\1/g, '');
  });
}

/**
 * GitHub's anchor for a heading (github-slugger): the rendered text in lower case, every
 * character that is not a letter, a digit, a space, `-` or `_` removed (so "01:56–02:12"
 * becomes "01560212"), spaces turned into hyphens; a repeated heading gets -1, -2…
 */
export function githubSlug(heading: string): string {
  const text = heading
    .replace(/`([^`]*)`/g, '$1')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/[*~]/g, '')
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{N}\p{M} _-]/gu, '').replace(/ /g, '-');
}

export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading !== undefined) {
      const slug = githubSlug(heading);
      const n = seen.get(slug) ?? 0;
      seen.set(slug, n + 1);
      anchors.add(n === 0 ? slug : `${slug}-${n}`);
    }
    for (const m of line.matchAll(/<a\s+(?:name|id)="([^"]+)"/g)) anchors.add(m[1]!);
  }
  return anchors;
}

export interface Link { file: string; line: number; target: string }

export function linksIn(file: string, markdown: string): Link[] {
  const links: Link[] = [];
  prose(markdown).forEach((text, i) => {
    for (const m of text.matchAll(/\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+"[^"]*")?\s*\)/g)) {
      links.push({ file, line: i + 1, target: m[1]!.replace(/^<|>$/g, '') });
    }
    const definition = /^\s{0,3}\[[^\]]+\]:\s*(\S+)/.exec(text);
    if (definition) links.push({ file, line: i + 1, target: definition[1]! });
  });
  return links;
}

/** `file:line: target (why)` for every relative link that leads nowhere. */
export function brokenLinks(root: string, files: readonly string[]): string[] {
  const anchorsOf = new Map<string, Set<string>>();
  const anchors = (path: string) => {
    let set = anchorsOf.get(path);
    if (!set) anchorsOf.set(path, (set = headingAnchors(readFileSync(path, 'utf8'))));
    return set;
  };
  const broken: string[] = [];
  for (const file of files) {
    const from = join(root, file);
    for (const link of linksIn(file, readFileSync(from, 'utf8'))) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(link.target) || link.target.startsWith('//')) continue;
      const hash = link.target.indexOf('#');
      const pathPart = hash === -1 ? link.target : link.target.slice(0, hash);
      const anchor = hash === -1 ? undefined : decodeURIComponent(link.target.slice(hash + 1));
      const decoded = decodeURIComponent(pathPart);
      // A leading slash is the repository root on GitHub and GitLab.
      const target = decoded === '' ? from : decoded.startsWith('/') ? join(root, decoded) : resolve(dirname(from), decoded);
      const where = `${link.file}:${link.line}: ${link.target}`;
      if (!target.startsWith(root) || !existsSync(target)) {
        broken.push(`${where} (no such file)`);
      } else if (anchor !== undefined && anchor !== '') {
        if (statSync(target).isFile() && target.endsWith('.md') && !anchors(target).has(anchor)) broken.push(`${where} (no such heading)`);
      }
    }
  }
  return broken;
}

describe('githubSlug', () => {
  it('follows GitHub: lower case, punctuation dropped, spaces to hyphens, accents kept', () => {
    expect(githubSlug('Quick start')).toBe('quick-start');
    expect(githubSlug('Bars not met, and why')).toBe('bars-not-met-and-why');
    expect(githubSlug('Latest full run (2026-11-23, 01:56–02:12 UTC, commit a1d7746)')).toBe('latest-full-run-2026-11-23-01560212-utc-commit-a1d7746');
    expect(githubSlug('`npm run db:backup` and `db:restore`')).toBe('npm-run-dbbackup-and-dbrestore');
    expect(githubSlug('Données « à confirmer »')).toBe('données--à-confirmer-');
    expect(githubSlug('PGlite → PostgreSQL')).toBe('pglite--postgresql');
    expect(githubSlug('A [link](x.md) in *a* heading')).toBe('a-link-in-a-heading');
    expect(githubSlug('snake_case_name')).toBe('snake_case_name');
  });

  it('numbers repeated headings and ignores headings inside code blocks', () => {
    const anchors = headingAnchors('# Tests\n## Tests\n```\n# not a heading\n```\n### Tests\n<a name="custom"></a>\n');
    expect([...anchors].sort()).toEqual(['custom', 'tests', 'tests-1', 'tests-2']);
  });
});

describe('brokenLinks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'escale-links-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports missing files and missing headings, and nothing else', () => {
    mkdirSync(join(dir, 'docs'));
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src', 'code.ts'), '');
    writeFileSync(join(dir, 'docs', 'b.md'), '# Bee\n## Second part\n');
    writeFileSync(join(dir, 'a.md'), [
      '# Top',
      'Good: [b](docs/b.md), [part](docs/b.md#second-part), [self](#top), [code](src/code.ts), [folder](src/),',
      '[root](/docs/b.md), [web](https://example.org/x.md), [mail](mailto:a@b.c), ![img](<docs/b.md>).',
      'Bad: [gone](docs/missing.md), [wrong heading](docs/b.md#third-part), [self](#nowhere).',
      '`[in code](not-checked.md)`',
      '```md',
      '[in a block](not-checked-either.md)',
      '```',
      '[ref]: ./docs/nothing-here.ts',
    ].join('\n'));
    expect(brokenLinks(dir, markdownFiles(dir))).toEqual([
      'a.md:4: docs/missing.md (no such file)',
      'a.md:4: docs/b.md#third-part (no such heading)',
      'a.md:4: #nowhere (no such heading)',
      'a.md:9: ./docs/nothing-here.ts (no such file)',
    ]);
  });
});

describe('the repository', () => {
  const files = markdownFiles(ROOT);

  it('walks every Markdown file except installed and generated ones', () => {
    expect(files).toContain('README.md');
    expect(files).toContain('docs/deploy.md');
    expect(files.some((f) => f.startsWith('node_modules/') || f.startsWith('dist/') || f.startsWith('tests/.artifacts/'))).toBe(false);
  });

  it('has no relative link that leads nowhere', () => {
    expect(brokenLinks(ROOT, files)).toEqual([]);
  });
});
