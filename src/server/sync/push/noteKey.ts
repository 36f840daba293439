import { webcrypto } from 'node:crypto';
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../../db/Database';
import type { NoteServerKey } from '../../../shared/domain/sealedNote';
import { UnknownNotesKeyError, type NoteBoxRow, type NoteCipher } from '../store/NoteCipher';

/**
 * The server's ECDH P-256 key for visit notes: generated at first start, kept in the
 * database (so every instance and every restart opens the notes sealed under it), the
 * public half published at `GET /api/sync/note-key`. Tablets seal each note for it
 * (src/shared/domain/sealedNote.ts), so their outbox never holds a note in clear.
 *
 * Its private half rests wrapped under the notes key (`private_box`, AES-256-GCM by
 * NoteCipher, bound to the key's id; migration 007): the notes key comes from the
 * configuration, never from the database, so a copy of the database cannot open the boxes
 * still waiting in a tablet's outbox either.
 *
 * Two instances starting together may both insert a key: every reader takes the oldest,
 * so they agree; a later key (rotation) keeps the older ones for boxes sealed under them.
 */
export async function ensureNoteKey(db: Database, cipher: NoteCipher): Promise<NoteServerKey> {
  const current = await readPublic(db, cipher);
  if (current) return current;
  const pair = await webcrypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
  const publicJwk = await webcrypto.subtle.exportKey('jwk', pair.publicKey);
  const privateJwk = await webcrypto.subtle.exportKey('jwk', pair.privateKey);
  const kid = `nk-${randomUUID().slice(0, 8)}`;
  await db.query('INSERT INTO note_key (kid, public_jwk, private_box) VALUES ($1, $2, $3) ON CONFLICT (kid) DO NOTHING', [
    kid, JSON.stringify({ kty: 'EC', crv: 'P-256', x: publicJwk.x, y: publicJwk.y }), JSON.stringify(wrap(cipher, kid, privateJwk)),
  ]);
  const stored = await readPublic(db, cipher);
  if (!stored) throw new Error('note key: not stored');
  return stored;
}

/** What the box of note key `kid` is bound to (a box moved to another key's row does not open). */
const boundTo = (kid: string) => `note_key:${kid}`;
const wrap = (cipher: NoteCipher, kid: string, jwk: webcrypto.JsonWebKey): NoteBoxRow => cipher.seal(boundTo(kid), JSON.stringify(jwk));
const json = (raw: unknown): unknown => (typeof raw === 'string' ? JSON.parse(raw) : raw);

/**
 * The oldest key this server can open: its private half in clear (before the start's
 * wrap) or wrapped under one of the notes keys it was given. A server whose notes key was
 * lost does not publish a key it cannot open (every note sealed for it would be lost): it
 * makes a new one.
 */
async function readPublic(db: Queryable, cipher: NoteCipher): Promise<NoteServerKey | undefined> {
  const { rows } = await db.query<{ kid: string; public_jwk: unknown }>(
    `SELECT kid, public_jwk FROM note_key
      WHERE private_jwk IS NOT NULL OR private_box->>'kid' IN (SELECT jsonb_array_elements_text($1::jsonb))
      ORDER BY created_at, kid LIMIT 1`,
    [JSON.stringify(cipher.kids)],
  );
  const row = rows[0];
  if (!row) return undefined;
  const jwk = json(row.public_jwk) as NoteServerKey['publicKey'];
  return { kid: row.kid, publicKey: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y } };
}

/** Unwrapped keys, per notes cipher (a server given other notes keys unwraps on its own). */
const unwrapped = new WeakMap<NoteCipher, Map<string, Promise<webcrypto.CryptoKey | undefined>>>();

/**
 * The private key of `kid`, unwrapped with the notes key; undefined when this database has
 * no such key, or when its box is under a notes key this server was not given.
 */
export function notePrivateKey(tx: Queryable, kid: string, cipher: NoteCipher): Promise<webcrypto.CryptoKey | undefined> {
  let privateKeys = unwrapped.get(cipher);
  if (!privateKeys) unwrapped.set(cipher, (privateKeys = new Map()));
  let found = privateKeys.get(kid);
  if (!found) {
    found = (async () => {
      const { rows } = await tx.query<{ private_jwk: unknown; private_box: unknown }>('SELECT private_jwk, private_box FROM note_key WHERE kid = $1', [kid]);
      const row = rows[0];
      if (!row) return undefined;
      let jwk: webcrypto.JsonWebKey;
      if (row.private_box !== null && row.private_box !== undefined) {
        try {
          jwk = JSON.parse(cipher.open(boundTo(kid), json(row.private_box) as NoteBoxRow)) as webcrypto.JsonWebKey;
        } catch (error) {
          if (error instanceof UnknownNotesKeyError) return undefined;
          throw error;
        }
      } else {
        // Not yet wrapped (between migration 007 and the start's wrapNoteKeys).
        jwk = json(row.private_jwk) as webcrypto.JsonWebKey;
      }
      return webcrypto.subtle.importKey('jwk', jwk, { name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
    })();
    // A miss is not cached: the key may be inserted by another instance a moment later.
    const cache = privateKeys;
    void found.then((k) => { if (!k) cache.delete(kid); }, () => cache.delete(kid));
    privateKeys.set(kid, found);
  }
  return found;
}

export interface NoteKeyWrapReport {
  /** Private halves found in clear and wrapped. */
  wrapped: number;
  /** Boxes under an older notes key, wrapped again under the current one. */
  rotated: number;
  /** Boxes under a notes key not given: left as they are. */
  unopened: number;
}

/**
 * Every private half of the note key wrapped under the current notes key: those still in
 * clear (a database from before migration 007) at the server's start, and those under an
 * older notes key by `npm run notes:rotate-key`. One transaction: there are a handful.
 */
export async function wrapNoteKeys(db: Database, cipher: NoteCipher): Promise<NoteKeyWrapReport> {
  const report: NoteKeyWrapReport = { wrapped: 0, rotated: 0, unopened: 0 };
  await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ kid: string; private_jwk: unknown; private_box: unknown }>(
      'SELECT kid, private_jwk, private_box FROM note_key ORDER BY kid FOR UPDATE',
    );
    for (const row of rows) {
      let jwk: webcrypto.JsonWebKey;
      if (row.private_box === null || row.private_box === undefined) {
        jwk = json(row.private_jwk) as webcrypto.JsonWebKey;
        report.wrapped++;
      } else {
        const box = json(row.private_box) as NoteBoxRow;
        if (box.kid === cipher.currentKid && row.private_jwk === null) continue;
        try {
          jwk = JSON.parse(cipher.open(boundTo(row.kid), box)) as webcrypto.JsonWebKey;
        } catch (error) {
          if (!(error instanceof UnknownNotesKeyError)) throw error;
          report.unopened++;
          continue;
        }
        report.rotated++;
      }
      await tx.query('UPDATE note_key SET private_box = $2, private_jwk = NULL WHERE kid = $1', [row.kid, JSON.stringify(wrap(cipher, row.kid, jwk))]);
    }
  });
  return report;
}

/** How many note key boxes rest under each notes key (the rotation command's report). */
export async function noteKeysByKey(db: Queryable): Promise<Map<string, number>> {
  const { rows } = await db.query<{ kid: string | null; n: unknown }>(
    "SELECT private_box->>'kid' AS kid, count(*) AS n FROM note_key WHERE private_box IS NOT NULL GROUP BY 1",
  );
  return new Map(rows.map((r) => [r.kid ?? '', Number(r.n)]));
}
