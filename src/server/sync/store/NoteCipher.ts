import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A note as it rests in `visit_note`: the key's id, the IV and the ciphertext + tag (base64). */
export interface NoteBoxRow {
  kid: string;
  iv: string;
  ct: string;
}

/** A 32-byte key given as base64 (44 characters), or undefined when it is not one. */
export function parseNotesKey(text: string): Buffer | undefined {
  const t = text.trim();
  if (!/^[A-Za-z0-9+/]{43}=$/.test(t)) return undefined;
  const key = Buffer.from(t, 'base64');
  return key.length === 32 ? key : undefined;
}

/** A fresh random key, as base64 (what ESCALE_NOTES_KEY holds). */
export function newNotesKey(): string {
  return randomBytes(32).toString('base64');
}

/** The id of a key: 'nk' + the first 12 hex digits of its SHA-256 (names it, reveals nothing). */
export function notesKeyId(key: Buffer): string {
  return `nk${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
}

export class UnknownNotesKeyError extends Error {
  constructor(readonly kid: string) {
    super(`visit note sealed under key ${kid}, which this server does not hold`);
  }
}

/**
 * The server's notes keys (AES-256-GCM): the current one seals, every one given opens.
 * A note is bound to its visit id (additional data), so a box copied onto another visit's
 * row does not open. The keys come from the configuration (ESCALE_NOTES_KEY and
 * ESCALE_NOTES_PREVIOUS_KEYS, or the key file: src/server/notesKeys.ts), never from the
 * database, so a copy of the database alone does not reveal a note.
 */
export class NoteCipher {
  readonly currentKid: string;
  private readonly keys = new Map<string, Buffer>();

  constructor(current: Buffer, previous: readonly Buffer[] = []) {
    this.currentKid = notesKeyId(current);
    for (const key of [current, ...previous]) this.keys.set(notesKeyId(key), key);
  }

  /** The ids of every key this cipher opens. */
  get kids(): string[] {
    return [...this.keys.keys()];
  }

  seal(visitId: string, text: string): NoteBoxRow {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentKid)!, iv);
    cipher.setAAD(Buffer.from(visitId, 'utf8'));
    const ct = Buffer.concat([cipher.update(text, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return { kid: this.currentKid, iv: iv.toString('base64'), ct: ct.toString('base64') };
  }

  /** The note in clear; throws UnknownNotesKeyError, or an Error when the box was altered or moved. */
  open(visitId: string, box: NoteBoxRow): string {
    const key = this.keys.get(box.kid);
    if (!key) throw new UnknownNotesKeyError(box.kid);
    const all = Buffer.from(box.ct, 'base64');
    if (all.length < TAG_BYTES) throw new Error('visit note: box too short');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(box.iv, 'base64'));
    decipher.setAAD(Buffer.from(visitId, 'utf8'));
    decipher.setAuthTag(all.subarray(all.length - TAG_BYTES));
    return Buffer.concat([decipher.update(all.subarray(0, all.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  }
}
