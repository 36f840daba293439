import { describeIssues, type SchemaIssue } from '../../shared/domain/formatIssues';

// Typed errors the screens can show. Each carries a stable `code` and its facts as data
// (`params`); the interface words them in the person's language (src/app/i18n/errors/:
// errorText(error) → French or English, docs/interface.md's plain words). `message` is for
// developers and logs, in English: screens never show it for a code they know.

/** The facts of an error, for its wording: numbers, names, schema issues. */
export type ErrorParams = Readonly<Record<string, unknown>>;

export class DataLayerError extends Error {
  /** The facts the wording of `code` needs (empty when it needs none). */
  readonly params: ErrorParams;
  constructor(readonly code: string, message: string, options?: { cause?: unknown; params?: ErrorParams }) {
    super(message, options && 'cause' in options ? { cause: options.cause } : undefined);
    this.name = new.target.name;
    this.params = options?.params ?? {};
  }
}

/** The device is out of space: nothing was stored, the user is told. */
export class StorageFullError extends DataLayerError {
  constructor(cause?: unknown) {
    super('storage_full', 'The device is out of storage space: nothing was stored.', { cause });
  }
}

/** Logout is refused while changes wait for the server: they would be lost. */
export class LogoutRefusedError extends DataLayerError {
  constructor(readonly pending: number) {
    super('logout_refused', `Logout refused: ${pending} change(s) not sent to the server yet.`, { params: { pending } });
  }
}

/** Why an input was refused, as data (InvalidInputError's `params`). */
export type InvalidInput =
  /** The schema's issues, worded field by field (describeIssues). */
  | { problem: 'issues'; issues: readonly SchemaIssue[] }
  /** No such mutation (a name the app does not declare). */
  | { problem: 'unknown_mutation'; name: string }
  /** A collection that cannot be edited on a device. */
  | { problem: 'not_editable'; collection: string }
  /** A record with this id exists already. */
  | { problem: 'duplicate_id'; id: string }
  /** A refused change that cannot be applied again. */
  | { problem: 'cannot_redo'; name: string }
  /** A sentence already written, in French (throw sites not yet passing data). */
  | { problem: 'text'; details: string };

function describeInput(input: InvalidInput): string {
  switch (input.problem) {
    case 'issues': return describeIssues(input.issues, 'en');
    case 'unknown_mutation': return `unknown mutation (${input.name})`;
    case 'not_editable': return `collection not editable (${input.collection})`;
    case 'duplicate_id': return `a record already has the id ${input.id}`;
    case 'cannot_redo': return `this change cannot be applied again (${input.name})`;
    case 'text': return input.details;
  }
}

/** A local write with bad input: nothing was stored. */
export class InvalidInputError extends DataLayerError {
  /** What was wrong, in words (for logs). */
  readonly details: string;
  constructor(input: InvalidInput | string) {
    const params: InvalidInput = typeof input === 'string' ? { problem: 'text', details: input } : input;
    const details = describeInput(params);
    super('invalid_input', `Invalid input, nothing stored: ${details}.`, { params });
    this.details = details;
  }
}

/** The record to edit or delete is not on this device (or was deleted meanwhile). */
export class RecordNotFoundError extends DataLayerError {
  constructor(collection: string, id: string) {
    super('not_found', `Record not on this device: ${collection} ${id}.`, { params: { collection, id } });
  }
}

/** A newer version of the app opened the database in another tab: this one must reload. */
export class ReloadNeededError extends DataLayerError {
  constructor() {
    super('reload_needed', 'A newer version of the app holds the database in another tab: reload this page.');
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
    super('visit_sent', 'This visit was already taken by a push: propose a correction instead.');
  }
}
