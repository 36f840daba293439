import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { readEnvelope } from '../../shared/datainclusion/importDataInclusion';
import { CliError } from './CliError';

// The files and URLs of `npm run import:datainclusion`, read into one data·inclusion
// envelope. A URL answering a page of the data·inclusion API (`{items, total, page, size,
// pages}`) is followed page after page (`page=2`, `page=3`…, other parameters kept), so
// `…/api/v1/structures` and `…/api/v1/services` can be given side by side. The token of
// the API, when one is needed, comes from ESCALE_DI_TOKEN (never a flag: flags end up in
// the shell history and in `ps`).

/** A runaway API (a `pages` that never ends) stops here. */
export const MAX_PAGES = 1000;

export interface SourceIo {
  fetch: typeof fetch;
  /** Folder relative paths are taken from (npm keeps the caller's in INIT_CWD). */
  cwd: string;
  token?: string | undefined;
}

const isUrl = (source: string) => /^https?:\/\//i.test(source);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parse(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new CliError(`« ${source} » n’est pas du JSON lisible.`, `"${source}" is not readable JSON.`);
  }
}

async function getJson(url: string, io: SourceIo): Promise<unknown> {
  let res: Response;
  try {
    res = await io.fetch(url, { headers: { accept: 'application/json', ...(io.token ? { authorization: `Bearer ${io.token}` } : {}) } });
  } catch (error) {
    throw new CliError(`${url} ne répond pas (${(error as Error).message}) : rien n’est écrit.`, `${url} does not answer (${(error as Error).message}): nothing written.`);
  }
  if (!res.ok) throw new CliError(`${url} répond ${res.status} : rien n’est écrit.`, `${url} answers ${res.status}: nothing written.`);
  return parse(await res.text(), url);
}

/** Every page of `url`: one, or all of a paginated API answer. */
async function readUrl(url: string, io: SourceIo): Promise<unknown[]> {
  const pages: unknown[] = [];
  let next: string | undefined = url;
  while (next) {
    const page = await getJson(next, io);
    pages.push(page);
    next = undefined;
    if (isObject(page) && Array.isArray(page.items) && typeof page.page === 'number' && typeof page.pages === 'number' && page.page < page.pages) {
      if (pages.length >= MAX_PAGES) throw new CliError(`${url} : plus de ${MAX_PAGES} pages, arrêté ; rien n’est écrit.`, `${url}: more than ${MAX_PAGES} pages, stopped; nothing written.`);
      const u = new URL(url);
      u.searchParams.set('page', String(page.page + 1));
      next = u.toString();
    }
  }
  return pages;
}

/** The structures and services of every source, in order; a source that is not data·inclusion stops everything. */
export async function readImportSources(sources: readonly string[], io: SourceIo): Promise<{ structures: unknown[]; services: unknown[] }> {
  const out = { structures: [] as unknown[], services: [] as unknown[] };
  for (const source of sources) {
    const documents = isUrl(source) ? await readUrl(source, io) : [await readLocal(source, io.cwd)];
    for (const doc of documents) {
      const envelope = readEnvelope(doc);
      if (!envelope) {
        throw new CliError(
          `« ${source} » n’est pas au format data·inclusion ({ "structures": [...], "services": [...] }, une liste de structures ou une page de l’API { "items": [...] }) : rien n’est écrit.`,
          `"${source}" is not data·inclusion JSON: nothing written.`,
        );
      }
      out.structures.push(...envelope.structures);
      out.services.push(...envelope.services);
    }
  }
  return out;
}

async function readLocal(source: string, cwd: string): Promise<unknown> {
  const path = resolve(cwd, source);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(`Impossible de lire ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`, `Cannot read ${path}.`);
  }
  return parse(text, source);
}
