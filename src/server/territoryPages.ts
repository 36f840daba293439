import { createHash } from 'node:crypto';
import { territoryShortName } from '../shared/domain/territoryName';
import type { Database } from './db/Database';

/**
 * What the entry points (index.html, the manifest) say of the territory served at an
 * address: its id (read by the app before anything else, `src/app/territory.ts`) and the
 * name shown in the header and the title. The build writes the default territory's; the
 * server rewrites those few places per territory, so one build serves them all.
 */
export interface PageTerritory {
  id: string;
  /** Short name ("Civraisien en Poitou"). */
  name: string;
}

const BUILT_ID = 'civraisien-en-poitou';
const BUILT_NAME = 'Civraisien en Poitou';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** The file's text for `territory`; the same bytes when it is the built one. */
export function rewriteEntryPoint(path: string, text: string, territory: PageTerritory): string {
  if (territory.id === BUILT_ID && territory.name === BUILT_NAME) return text;
  if (path === '/manifest.webmanifest') {
    return text.replace(`"name": "Escale — ${BUILT_NAME}"`, `"name": ${JSON.stringify(`Escale — ${territory.name}`)}`);
  }
  const name = escapeHtml(territory.name);
  return text
    .replace(`<title>Escale — ${BUILT_NAME}</title>`, `<title>Escale — ${name}</title>`)
    .replace(`<span class="brand-territory">${BUILT_NAME}</span>`, `<span class="brand-territory">${name}</span>`)
    .replace(
      `<meta name="escale-territory" content="${BUILT_ID}" data-name="${BUILT_NAME}" />`,
      `<meta name="escale-territory" content="${escapeHtml(territory.id)}" data-name="${name}" />`,
    );
}

/** The entry points the server rewrites per territory. */
export function isEntryPoint(path: string): boolean {
  return path === '/index.html' || path === '/manifest.webmanifest';
}

/** A strong-enough validator for a rewritten text. */
export function textTag(text: string): string {
  return `W/"t-${createHash('sha256').update(text).digest('base64url').slice(0, 16)}"`;
}

/**
 * Names of the territories, read from their record (the seed's or the office's latest)
 * and kept a minute: the entry points are asked for at every start of the app.
 */
export class TerritoryNames {
  private readonly kept = new Map<string, { at: number; value: Promise<PageTerritory> }>();
  constructor(private readonly db: Database, private readonly now: () => number = Date.now) {}

  get(id: string): Promise<PageTerritory> {
    const hit = this.kept.get(id);
    if (hit && this.now() - hit.at < 60_000) return hit.value;
    const value = this.db
      .query<{ name: string | null }>("SELECT data->>'name' AS name FROM record WHERE collection = 'territory' AND id = $1 AND deleted_at IS NULL", [id])
      .then(({ rows }) => ({ id, name: rows[0]?.name ? territoryShortName(rows[0].name) : id === BUILT_ID ? BUILT_NAME : id }));
    this.kept.set(id, { at: this.now(), value });
    value.catch(() => this.kept.delete(id));
    return value;
  }
}
