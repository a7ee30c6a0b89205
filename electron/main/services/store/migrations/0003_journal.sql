-- Longhand schema v3: the dialog journal — what came back after a post went out (replies,
-- questions, people, ideas), short dated notes on the post.

CREATE TABLE journal_notes (
  id           INTEGER PRIMARY KEY,
  -- SET NULL, never CASCADE: a note is the author's own writing. Deleting its post or (from the
  -- trash, for good) its draft leaves the note in the journal, detached; only deleting the note
  -- itself removes it. platform and source_title keep saying where it came from.
  post_id      INTEGER REFERENCES posts (id) ON DELETE SET NULL,
  draft_id     INTEGER REFERENCES drafts (id) ON DELETE SET NULL,
  platform     TEXT    NOT NULL,
  -- The draft's title when the note was written; shown only once the draft is gone.
  source_title TEXT    NOT NULL,
  kind         TEXT    NOT NULL CHECK (kind IN ('reply', 'question', 'person', 'idea')),
  -- The author's local calendar day, like posts.planned_for (no time zone on purpose).
  noted_on     TEXT    NOT NULL CHECK (noted_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  text         TEXT    NOT NULL CHECK (trim(text) <> ''),
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
);
CREATE INDEX journal_by_draft ON journal_notes (draft_id, noted_on DESC, id DESC);
CREATE INDEX journal_by_post ON journal_notes (post_id);
CREATE INDEX journal_by_day ON journal_notes (noted_on DESC, id DESC);

-- The same tokenizer as draft_fts, so the journal is searched exactly like the drafts
-- ("uber" finds "über"; ß/ss is folded in the query, electron/main/services/search-query.ts).
CREATE VIRTUAL TABLE journal_fts USING fts5 (
  text,
  content = 'journal_notes', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3 4'
);

CREATE TRIGGER journal_notes_ai AFTER INSERT ON journal_notes BEGIN
  INSERT INTO journal_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER journal_notes_ad AFTER DELETE ON journal_notes BEGIN
  INSERT INTO journal_fts (journal_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
-- Only text changes touch the index: detaching (SET NULL) or a new date does not.
CREATE TRIGGER journal_notes_au AFTER UPDATE OF text ON journal_notes BEGIN
  INSERT INTO journal_fts (journal_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO journal_fts (rowid, text) VALUES (new.id, new.text);
END;
