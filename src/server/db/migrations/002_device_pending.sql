-- 2026-11-22: what a device said it still held (its outbox) at its last authenticated
-- pull (header X-Escale-Pending), for the office's devices list: a tablet that still
-- holds visits must not be wiped or revoked unseen. Information only; nothing acts on it.
ALTER TABLE sync_client ADD COLUMN pending_count integer CHECK (pending_count >= 0);
ALTER TABLE sync_client ADD COLUMN pending_reported_at timestamptz;
