/** The note was sealed with another PIN's key (or the PIN was changed since). */
export class WrongPinError extends Error {
  override readonly name = 'WrongPinError';
  constructor() {
    super('Ce code ne permet pas de lire cette note.');
  }
}

/** The stored note is damaged or was altered: it cannot be read with any PIN. */
export class CorruptNoteError extends Error {
  override readonly name = 'CorruptNoteError';
  constructor(detail: string) {
    super(`Cette note est illisible (${detail}).`);
  }
}
