import { signal } from '@preact/signals';

/**
 * What a space adds to the network line while it is open: the aidant space puts its count
 * of what waits there ("3 visites à envoyer et 2 autres éléments"), in its own words,
 * instead of the line's generic count of outbox entries (issue 22). Undefined elsewhere.
 */
export const statusDetail = signal<string | undefined>(undefined);
