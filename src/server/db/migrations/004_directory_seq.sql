-- 2026-11-22: the directory's rows in server_seq order, apart from the device records
-- (visit logs, sessions…) that share their territory and their seq range. A public or
-- aidant pull reads its directory rows through this index and stops at the page's LIMIT;
-- through record_territory_seq it had to step over every visit log after the cursor, and
-- a caught-up poll read all of them (tens of thousands after a season of visits) to
-- learn there was nothing. The list must equal DIRECTORY_COLLECTIONS
-- (src/shared/sync/directoryCollections.ts) as written in sync/pull/pageSql.ts: the planner
-- uses a partial index only for a query that repeats its condition.
CREATE INDEX record_directory_seq ON record (territory_id, server_seq)
  WHERE collection IN ('territory', 'place', 'tour', 'mobility', 'checklist');
