-- Version 7 (2026-12-07): the private half of the note key rests wrapped under the notes
-- key (ESCALE_NOTES_KEY or the key file, never in the database), so the database alone
-- opens neither a stored note nor a box still waiting in a tablet's outbox
-- (docs/privacy.md). `private_box` is an AES-256-GCM box {kid, iv, ct} made by
-- NoteCipher; rows still in clear are wrapped at the server's start and their
-- `private_jwk` emptied (wrapNoteKeys in src/server/sync/push/noteKey.ts).
ALTER TABLE note_key ADD COLUMN private_box jsonb;
ALTER TABLE note_key ALTER COLUMN private_jwk DROP NOT NULL;
ALTER TABLE note_key ADD CONSTRAINT note_key_private_held CHECK (private_jwk IS NOT NULL OR private_box IS NOT NULL);
