/**
 * The territory this copy of the app serves, as the server wrote it in index.html for
 * the address it was opened at (`<meta name="escale-territory">`, src/server/territoryPages.ts).
 * Each territory has its own address, so its own origin: its own IndexedDB, caches and
 * service worker. Without the tag (the Vite dev server, the tests' pages) the default one.
 */
export const DEFAULT_TERRITORY = { id: 'civraisien-en-poitou', name: 'Civraisien en Poitou' } as const;

function fromPage(): { id: string; name: string } {
  if (typeof document === 'undefined') return DEFAULT_TERRITORY;
  const tag = document.querySelector('meta[name="escale-territory"]');
  const id = tag?.getAttribute('content') ?? '';
  const name = tag?.getAttribute('data-name') ?? '';
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) && name ? { id, name } : DEFAULT_TERRITORY;
}

const page = fromPage();
/** The territory's id: the public pull's `territory`, the replica's territory record. */
export const PAGE_TERRITORY_ID: string = page.id;
/** Its short name, shown in the header and the texts that name the area. */
export const PAGE_TERRITORY_NAME: string = page.name;
