-- Version 3 (2026-11-22): the server's key for visit notes (src/server/sync/push/noteKey.ts).
-- Tablets seal each follow-up note for its public half, so their outbox never holds a
-- note in clear (mutation visit.create@2); the private half opens them on receipt.
CREATE TABLE note_key (
  kid         text        PRIMARY KEY,
  public_jwk  jsonb       NOT NULL,
  private_jwk jsonb       NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
