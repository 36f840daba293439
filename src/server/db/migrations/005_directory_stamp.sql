-- 2026-11-22: the directory state of each territory, kept by a trigger: the highest
-- server_seq of its directory rows. Kept pull pages are checked against it at every pull
-- (sync/pull/PageCache.ts). Computed as max(server_seq) over record_directory_seq, the answer
-- depended on the plan: a plan reused across calls (prepared statements) walked
-- record_server_seq backwards over every visit log written since the last directory
-- change (75 ms after 10,000 visits). A primary-key read has one plan.
-- Every write of a record gives it a new, higher seq (INSERT, or UPDATE with
-- nextval('sync_seq')), so the trigger sees every change of a directory row; a purge
-- (DELETE) raises the tombstone horizon, which the caches check too. The list of
-- collections must equal DIRECTORY_COLLECTIONS (src/shared/sync/directoryCollections.ts).
CREATE TABLE directory_stamp (
  territory_id text PRIMARY KEY,
  max_seq bigint NOT NULL
);

INSERT INTO directory_stamp (territory_id, max_seq)
  SELECT territory_id, max(server_seq) FROM record
   WHERE collection IN ('territory', 'place', 'tour', 'mobility', 'checklist')
   GROUP BY territory_id;

CREATE FUNCTION keep_directory_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO directory_stamp (territory_id, max_seq) VALUES (NEW.territory_id, NEW.server_seq)
    ON CONFLICT (territory_id) DO UPDATE SET max_seq = GREATEST(directory_stamp.max_seq, EXCLUDED.max_seq);
  RETURN NULL;
END;
$$;

CREATE TRIGGER record_directory_stamp
  AFTER INSERT OR UPDATE ON record
  FOR EACH ROW
  WHEN (NEW.collection IN ('territory', 'place', 'tour', 'mobility', 'checklist'))
  EXECUTE FUNCTION keep_directory_stamp();
