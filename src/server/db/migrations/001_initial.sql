-- Escale server schema, version 1. See docs/sync.md.

-- One sequence for every replicated change. Writers take pg_advisory_xact_lock before
-- nextval so that sequence order equals commit order (the sequence-gap trap).
CREATE SEQUENCE sync_seq;

-- One generic table for the nine replicated collections rather than nine tables: they all
-- share the sync columns (version, server_seq, deleted_at, scope), pull is one indexed
-- range scan over server_seq instead of a nine-way UNION, and the record bodies are
-- validated by the shared zod schemas on the way in, so the database need not know their
-- fields. The primary key (collection, id) makes the device-generated UUID the key of a
-- visit log (docs/sync.md), and the partial unique index below adds (client_id, mutation_id).
CREATE TABLE record (
  collection   text        NOT NULL,
  id           text        NOT NULL,
  territory_id text        NOT NULL,
  -- Account that created a device record (visit, session, coverage, correction): the
  -- aidant scope pulls only their own. Null for directory records.
  owner_id     text,
  client_id    uuid,
  mutation_id  bigint,
  version      integer     NOT NULL CHECK (version >= 1),
  server_seq   bigint      NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  deleted_at   timestamptz,
  data         jsonb       NOT NULL,
  PRIMARY KEY (collection, id)
);
CREATE UNIQUE INDEX record_server_seq ON record (server_seq);
CREATE INDEX record_territory_seq ON record (territory_id, server_seq);
CREATE INDEX record_owner_seq ON record (owner_id, server_seq) WHERE owner_id IS NOT NULL;
CREATE UNIQUE INDEX record_visit_mutation ON record (client_id, mutation_id) WHERE collection = 'visit';

CREATE TABLE account (
  id            text        PRIMARY KEY,
  login         text        NOT NULL UNIQUE,
  display_name  text        NOT NULL,
  role          text        NOT NULL CHECK (role IN ('aidant', 'staff', 'admin')),
  territory_id  text        NOT NULL,
  password_hash text        NOT NULL,
  disabled      boolean     NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- A device (one browser profile's outbox). Revoking it ends every token bound to it.
CREATE TABLE sync_client (
  client_id        uuid        PRIMARY KEY,
  user_id          text        REFERENCES account (id),
  last_mutation_id bigint      NOT NULL DEFAULT 0,
  last_seen        timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  revoked_at       timestamptz
);

-- The answer given to each mutation, written in the same transaction as its effect, so a
-- retried push gets the same answer again.
CREATE TABLE mutation_result (
  client_id   uuid   NOT NULL REFERENCES sync_client (client_id),
  mutation_id bigint NOT NULL,
  status      text   NOT NULL CHECK (status IN ('applied', 'conflict', 'rejected')),
  result      jsonb  NOT NULL,
  PRIMARY KEY (client_id, mutation_id)
);

-- Session tokens are stored as SHA-256 hashes: a database leak gives no usable token.
CREATE TABLE session_token (
  token_hash text        PRIMARY KEY,
  user_id    text        NOT NULL REFERENCES account (id),
  client_id  uuid        NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX session_token_client ON session_token (client_id);
CREATE INDEX session_token_user ON session_token (user_id);

CREATE TABLE audit_log (
  id        bigserial   PRIMARY KEY,
  at        timestamptz NOT NULL DEFAULT now(),
  actor_id  text        NOT NULL,
  action    text        NOT NULL,
  target    text        NOT NULL,
  details   jsonb       NOT NULL DEFAULT '{}'
);

-- Tombstones with server_seq <= seq have been purged: a cursor below it must reset.
CREATE TABLE tombstone_horizon (
  id  integer PRIMARY KEY CHECK (id = 1),
  seq bigint  NOT NULL
);
INSERT INTO tombstone_horizon (id, seq) VALUES (1, 0);
