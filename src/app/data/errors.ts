// Typed errors the screens can show. Each carries a stable `code` and a plain French
// message (DESIGN.md, Interface: short sentences, everyday words).

export class DataLayerError extends Error {
  constructor(readonly code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The device is out of space: nothing was stored, the user is told. */
export class StorageFullError extends DataLayerError {
  constructor(cause?: unknown) {
    super(
      'storage_full',
      "L'appareil n'a plus assez de place pour enregistrer. Rien n'a été perdu de ce qui était déjà gardé. " +
        "Libérez de la place (photos, applications), puis recommencez.",
      { cause },
    );
  }
}

/** Logout is refused while changes wait for the server: they would be lost. */
export class LogoutRefusedError extends DataLayerError {
  constructor(readonly pending: number) {
    super(
      'logout_refused',
      `Impossible de se déconnecter pour l'instant : ${pending} ${pending > 1 ? 'changements attendent' : 'changement attend'} ` +
        "d'être envoyé au serveur. Connectez l'appareil à internet et attendez la fin de l'envoi, puis réessayez.",
    );
  }
}

/** A local write with bad input: nothing was stored. */
export class InvalidInputError extends DataLayerError {
  constructor(readonly details: string) {
    super('invalid_input', `Ces informations ne peuvent pas être enregistrées : ${details}.`);
  }
}

/** The record to edit or delete is not on this device (or was deleted meanwhile). */
export class RecordNotFoundError extends DataLayerError {
  constructor(collection: string, id: string) {
    super('not_found', `Cette fiche n'existe plus sur l'appareil (${collection} ${id}). Synchronisez puis réessayez.`);
  }
}

/** A newer version of the app opened the database in another tab: this one must reload. */
export class ReloadNeededError extends DataLayerError {
  constructor() {
    super(
      'reload_needed',
      "Une nouvelle version de l'application est ouverte dans un autre onglet. Rechargez cette page : vos données sont gardées sur l'appareil.",
    );
  }
}

/**
 * Find a QuotaExceededError wherever Dexie wrapped it: a Dexie `AbortError` or
 * `QuotaExceededError` carrying the DOMException in `inner`, a `BulkError` listing it in
 * `failures`, or an Error `cause` chain. Returns the first one found.
 */
export function findQuotaError(err: unknown, depth = 0): unknown {
  if (!err || typeof err !== 'object' || depth > 8) return undefined;
  const e = err as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown; code?: unknown };
  if (e.name === 'QuotaExceededError' || e.code === 22 /* legacy DOMException code */) return err;
  for (const next of [e.inner, e.cause]) {
    const found = findQuotaError(next, depth + 1);
    if (found) return found;
  }
  if (Array.isArray(e.failures)) {
    for (const f of e.failures) {
      const found = findQuotaError(f, depth + 1);
      if (found) return found;
    }
  } else if (e.failures && typeof e.failures === 'object') {
    for (const f of Object.values(e.failures)) {
      const found = findQuotaError(f, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * A queued visit can no longer be corrected in place: a push has taken it (the server may
 * already hold it). The correction is then a new change, `correction.propose@1`.
 */
export class VisitAlreadySentError extends DataLayerError {
  constructor() {
    super('visit_sent', 'Cette visite est déjà partie vers le serveur : proposez la correction au bureau.');
  }
}
