-- Longhand schema v6: drafts deleted for good (deleted from the trash, or the trash emptied).
-- A recovery brings back a safety copy taken before the damage (services/salvage.ts): a draft the
-- author deleted after that copy would come back with it. The salvage reads these rows from the
-- damaged file and deletes that very draft from the copy again. Ids are reused once the highest
-- is deleted, so a draft is named by its id and its creation time. No title and no text: only
-- that it was deleted, and when. Written by the service that deletes (services/drafts.ts).
CREATE TABLE deleted_drafts (
  draft_id   INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  deleted_at INTEGER NOT NULL,
  PRIMARY KEY (draft_id, created_at)
) WITHOUT ROWID;

-- A draft that is in the library again (a library backup restored, a draft imported with its
-- old id and time, one carried over by a salvage) is no longer deleted: its row goes, whoever wrote it.
CREATE TRIGGER deleted_drafts_back_on_insert AFTER INSERT ON drafts BEGIN
  DELETE FROM deleted_drafts WHERE draft_id = new.id AND created_at = new.created_at;
END;
CREATE TRIGGER deleted_drafts_back_on_update AFTER UPDATE OF id, created_at ON drafts BEGIN
  DELETE FROM deleted_drafts WHERE draft_id = new.id AND created_at = new.created_at;
END;
