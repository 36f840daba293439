/**
 * The User Timing mark (performance.mark) the sync engine sets each time a pull has stored
 * its last page: DevTools' performance panel shows it, and the first-sync benchmark times
 * the sync up to it. A module of its own, so that Node code can import the name without
 * loading Dexie (which reads the IndexedDB globals once, when it is first imported).
 */
export const CAUGHT_UP_MARK = 'escale-replica-caught-up';
