-- The library shows one line of each draft's text. Reading it from draft_text at list time
-- would load every body (measured: ~40 ms more for 10,000 drafts of 7 KB); a short copy on the
-- drafts row, kept by triggers wherever draft_text is written, costs nothing to list.
-- 200 = DRAFT_PREVIEW_CHARS in shared/domain/draft.ts.
ALTER TABLE drafts ADD COLUMN preview TEXT NOT NULL DEFAULT '';

UPDATE drafts SET preview = coalesce((SELECT substr(body, 1, 200) FROM draft_text WHERE draft_id = drafts.id), '');

CREATE TRIGGER draft_text_preview_ai AFTER INSERT ON draft_text BEGIN
  UPDATE drafts SET preview = substr(new.body, 1, 200) WHERE id = new.draft_id;
END;
CREATE TRIGGER draft_text_preview_au AFTER UPDATE OF body ON draft_text BEGIN
  UPDATE drafts SET preview = substr(new.body, 1, 200) WHERE id = new.draft_id;
END;
