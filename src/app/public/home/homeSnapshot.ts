/**
 * The home as it last looked, painted before the app starts (the offline cold start on an
 * old phone, docs/quality.md: nearest places listed in < 1 s at 4× CPU).
 *
 * Why: before the real home can list a place, the entry chunk must be evaluated (zod
 * builds its schemas), the boot reader must read and check every row, and the first
 * render must run: ~1.4 s at 4× CPU, every time. The nearest places of the chosen commune
 * rarely change between two visits, so the home's own markup, written when the home last
 * showed its list, is put on screen first; the app then renders over the same nodes
 * (Preact reuses the elements it finds in #app) and corrects whatever changed.
 *
 * What may be wrong by the time it is read is left out: every element marked
 * `data-volatile` (opening states, the next bus) is replaced by its `data-volatile` text
 * as a loading placeholder, or dropped when that text is empty. The snapshot belongs to
 * one build (the markup and its CSS go together) and is kept only for "/" without a query.
 *
 * Painted by a classic script of its own (paintHomeSnapshot.ts, built by
 * src/build/homeSnapshotScript.ts into /home-snapshot.js and listed in index.html right
 * after #app): it runs as soon as it is read, while the entry chunk and the home's chunks
 * are still being fetched and compiled (that alone is ~1 s at 4× CPU). So this module
 * imports nothing.
 */

export const HOME_SNAPSHOT_KEY = 'escale-home-snapshot';
/** Bigger than this, the home is not worth keeping (a list far longer than a screen). */
const MAX_CHARS = 200_000;

export interface HomeSnapshot {
  v: 1;
  /** The build the markup was rendered by (its entry script's address). */
  build: string;
  /** The interface language it was written in (html lang). */
  lang: string;
  savedAt: string;
  html: string;
}

/** Set on #app once a snapshot is painted, for the app to know what it renders over. */
export const PAINTED_ATTRIBUTE = 'data-snapshot';

/**
 * The build the page belongs to: index.html's entry script, whose hashed address changes
 * with any chunk of the build (each chunk's name is in the entry). The same answer for the
 * painter (a classic script) and the app, which both read the document.
 */
export function currentBuild(doc: Document = document): string {
  return doc.querySelector('script[type="module"][src]')?.getAttribute('src') ?? '';
}

/** True when the address is the home with no filter, the one view kept. */
export function isSnapshotPath(location: Pick<Location, 'pathname' | 'search'>): boolean {
  return location.pathname === '/' && location.search === '';
}

/**
 * The markup of `root` as a snapshot: volatile parts replaced by their placeholder, the
 * first `maxItems` places of each list kept (the rest follow in the app's next task).
 */
export function snapshotMarkup(root: Element, maxItems = 8): string {
  const copy = root.cloneNode(true) as Element;
  for (const volatile of Array.from(copy.querySelectorAll('[data-volatile]'))) {
    const placeholder = volatile.getAttribute('data-volatile') ?? '';
    if (!placeholder) {
      volatile.remove();
      continue;
    }
    const span = copy.ownerDocument.createElement('span');
    span.className = 'status status-loading';
    span.textContent = placeholder;
    volatile.replaceWith(span);
  }
  for (const list of Array.from(copy.querySelectorAll('.place-list'))) {
    Array.from(list.children).slice(maxItems).forEach((item) => item.remove());
  }
  return copy.innerHTML;
}

/** Keeps the home's current markup; a full or refused storage only loses the snapshot. */
export function saveHomeSnapshot(root: Element, storage: Storage | undefined = safeStorage(), now = new Date()): boolean {
  if (!storage) return false;
  const html = snapshotMarkup(root);
  if (html.length > MAX_CHARS) return false;
  const snapshot: HomeSnapshot = { v: 1, build: currentBuild(root.ownerDocument), lang: root.ownerDocument.documentElement.lang || 'fr', savedAt: now.toISOString(), html };
  try {
    storage.setItem(HOME_SNAPSHOT_KEY, JSON.stringify(snapshot));
    return true;
  } catch {
    return false;
  }
}

/** Forgets the snapshot (the device is wiped, or the directory it showed is gone). */
export function clearHomeSnapshot(storage: Storage | undefined = safeStorage()): void {
  try {
    storage?.removeItem(HOME_SNAPSHOT_KEY);
  } catch {
    // Nothing to forget.
  }
}

/** The kept snapshot when it belongs to this build; anything else is dropped. */
export function readHomeSnapshot(storage: Storage | undefined = safeStorage(), doc: Document = document): HomeSnapshot | undefined {
  let text: string | null = null;
  try {
    text = storage?.getItem(HOME_SNAPSHOT_KEY) ?? null;
  } catch {
    return undefined;
  }
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<HomeSnapshot>;
    if (value.v === 1 && value.build === currentBuild(doc) && typeof value.html === 'string' && typeof value.lang === 'string') return value as HomeSnapshot;
  } catch {
    // Unreadable: dropped below.
  }
  clearHomeSnapshot(storage);
  return undefined;
}

/**
 * Paints the kept home into `root` when the address is the home; returns whether it did.
 * The markup is the app's own rendering of public data, read back from this origin's
 * storage: nothing a visitor typed is in it.
 */
export function paintHomeSnapshot(root: Element | null, location: Pick<Location, 'pathname' | 'search'>, storage: Storage | undefined = safeStorage()): boolean {
  if (!root || !isSnapshotPath(location)) return false;
  const snapshot = readHomeSnapshot(storage, root.ownerDocument);
  if (!snapshot) return false;
  root.innerHTML = snapshot.html;
  root.setAttribute(PAINTED_ATTRIBUTE, snapshot.savedAt);
  root.ownerDocument.documentElement.lang = snapshot.lang;
  return true;
}

function safeStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // Storage disabled by the browser's settings.
    return undefined;
  }
}
