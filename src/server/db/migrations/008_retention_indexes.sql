-- Version 8 (2026-12-07, issue 19): the retention jobs at the scale of many territories
-- on one PostgreSQL. purgeTombstones and purgeVisitNotes (src/server/sync/store/) run at
-- every start and every 6 hours, under the sync write lock, so every push waits for them;
-- and moveClearNotes runs at every start. Each looked for its rows by a condition no index
-- served, so each read the whole `record` table with the lock held, longer with every
-- territory added (1,000,000 visit logs at 100 territories: `npm run bench -- scale`,
-- tests/bench/scale.ts, measures both with and without these). Both indexes are partial
-- and stay small: tombstones are few, and clear notes are none once migration 006's move
-- is done.
CREATE INDEX record_tombstone_deleted ON record (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX record_visit_clear_note ON record (created_at) WHERE collection = 'visit' AND data ? 'notes';
