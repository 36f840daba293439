-- Version 6 (2026-12-06, issue 17): visit notes leave the replicated `record` table.
-- A note is stored here, encrypted with AES-256-GCM under the server's notes key
-- (ESCALE_NOTES_KEY, or the generated key file; never in the database), bound to its visit
-- id as additional data; `kid` names the key, so a rotation (npm run notes:rotate-key)
-- knows what to re-encrypt. A visit's replicated body says only `noteState`: 'server'
-- (a note is held here) or 'removed' (retention or erasure: every replica drops its copy).
-- Notes are never pulled; staff read one at a time (GET /api/notes/:visitId), each reading
-- an audit line. Clear notes of older versions are moved here at start (main.ts).
CREATE TABLE visit_note (
  visit_id     text        PRIMARY KEY,
  territory_id text        NOT NULL,
  owner_id     text        NOT NULL,
  kid          text        NOT NULL,
  iv           text        NOT NULL,
  ct           text        NOT NULL,
  -- When the server received the visit: the retention counts from it.
  created_at   timestamptz NOT NULL
);
CREATE INDEX visit_note_created ON visit_note (created_at);
CREATE INDEX visit_note_kid ON visit_note (kid);
