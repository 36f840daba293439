import { webcrypto } from 'node:crypto';
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../../db/Database';
import type { NoteServerKey } from '../../../shared/domain/sealedNote';

/**
 * The server's ECDH P-256 key for visit notes: generated at first start, kept in the
 * database (so every instance and every restart opens the notes sealed under it), the
 * public half published at `GET /api/sync/note-key`. Tablets seal each note for it
 * (src/shared/domain/sealedNote.ts), so their outbox never holds a note in clear.
 *
 * Two instances starting together may both insert a key: every reader takes the oldest,
 * so they agree; a later key (rotation) keeps the older ones for boxes sealed under them.
 */
export async function ensureNoteKey(db: Database): Promise<NoteServerKey> {
  const current = await readPublic(db);
  if (current) return current;
  const pair = await webcrypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
  const publicJwk = await webcrypto.subtle.exportKey('jwk', pair.publicKey);
  const privateJwk = await webcrypto.subtle.exportKey('jwk', pair.privateKey);
  const kid = `nk-${randomUUID().slice(0, 8)}`;
  await db.query('INSERT INTO note_key (kid, public_jwk, private_jwk) VALUES ($1, $2, $3) ON CONFLICT (kid) DO NOTHING', [
    kid, JSON.stringify({ kty: 'EC', crv: 'P-256', x: publicJwk.x, y: publicJwk.y }), JSON.stringify(privateJwk),
  ]);
  const stored = await readPublic(db);
  if (!stored) throw new Error('note key: not stored');
  return stored;
}

async function readPublic(db: Queryable): Promise<NoteServerKey | undefined> {
  const { rows } = await db.query<{ kid: string; public_jwk: unknown }>('SELECT kid, public_jwk FROM note_key ORDER BY created_at, kid LIMIT 1');
  const row = rows[0];
  if (!row) return undefined;
  const jwk = (typeof row.public_jwk === 'string' ? JSON.parse(row.public_jwk) : row.public_jwk) as NoteServerKey['publicKey'];
  return { kid: row.kid, publicKey: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y } };
}

const privateKeys = new Map<string, Promise<webcrypto.CryptoKey | undefined>>();

/** The private key of `kid`, or undefined when this database has no such key. */
export function notePrivateKey(tx: Queryable, kid: string): Promise<webcrypto.CryptoKey | undefined> {
  let found = privateKeys.get(kid);
  if (!found) {
    found = (async () => {
      const { rows } = await tx.query<{ private_jwk: unknown }>('SELECT private_jwk FROM note_key WHERE kid = $1', [kid]);
      const raw = rows[0]?.private_jwk;
      if (raw === undefined) return undefined;
      const jwk = (typeof raw === 'string' ? JSON.parse(raw) : raw) as webcrypto.JsonWebKey;
      return webcrypto.subtle.importKey('jwk', jwk, { name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
    })();
    // A miss is not cached: the key may be inserted by another instance a moment later.
    void found.then((k) => { if (!k) privateKeys.delete(kid); }, () => privateKeys.delete(kid));
    privateKeys.set(kid, found);
  }
  return found;
}
