import { readFileSync } from 'node:fs';

// Adds a territory to src/territories/index.ts, the registry the server looks territories
// up in (ESCALE_TERRITORY, src/server/main.ts). The file is hand-written code, so the
// edit is narrow: one import after the last seed import, one entry at the end of the
// `territories` object. The new text is computed before anything is written, so a file
// whose layout changed stops the command before the folder is written.

const OBJECT_START = 'export const territories: Record<string, TerritorySeed> = {\n';

/** The new content of index.ts, or undefined when `slug` is registered already. Throws when the layout is not recognised. */
export function registerTerritory(indexFile: string, slug: string, exportName: string): string | undefined {
  const text = readFileSync(indexFile, 'utf8');
  const start = text.indexOf(OBJECT_START);
  const end = start < 0 ? -1 : text.indexOf('\n};', start);
  if (start < 0 || end < 0) {
    throw new Error(`${indexFile}: the \`territories\` object was not found; add \`'${slug}': ${exportName},\` and its import by hand`);
  }
  const body = text.slice(start + OBJECT_START.length, end + 1);
  if (body.includes(`'${slug}':`)) return undefined;
  const imports = [...text.matchAll(/^import \{ \w+ \} from '\.\/[^']+\/seed';$/gm)];
  const lastImport = imports[imports.length - 1];
  if (!lastImport) throw new Error(`${indexFile}: no seed import found; add \`import { ${exportName} } from './${slug}/seed';\` by hand`);
  const importEnd = lastImport.index + lastImport[0].length;
  const withEntry = `${text.slice(0, end + 1)}  '${slug}': ${exportName},\n${text.slice(end + 1)}`;
  return `${withEntry.slice(0, importEnd)}\nimport { ${exportName} } from './${slug}/seed';${withEntry.slice(importEnd)}`;
}
