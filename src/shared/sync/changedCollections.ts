/**
 * The collections a change to a replica touched, or undefined when it may be any (a
 * pulled page, a reset, a message from a tab of an older build). A visit saved says
 * `visit` only, so the screens that show the directory do not read 50,000 places again.
 */
export type ChangedCollections = ReadonlySet<string> | undefined;

/** Whether a change may touch any of `collections`. */
export function touches(changed: ChangedCollections, collections: readonly string[]): boolean {
  return changed === undefined || collections.some((c) => changed.has(c));
}
