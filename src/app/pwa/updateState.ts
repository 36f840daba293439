import { signal } from '@preact/signals';

/** A new service worker is installed and waiting for the person to accept it. */
export const updateReady = signal(false);

/** Set by registerServiceWorker: activates the waiting worker, then the page reloads. */
export const updateActions: { apply?: () => void } = {};
