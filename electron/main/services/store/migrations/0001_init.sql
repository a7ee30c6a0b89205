-- Longhand schema v1. Never edit a released migration: add the next numbered file instead.

CREATE TABLE drafts (
  id            INTEGER PRIMARY KEY,
  title         TEXT    NOT NULL DEFAULT '',
  status        TEXT    NOT NULL DEFAULT 'draft' CHECK (status IN ('idea', 'draft', 'published')),
  language      TEXT    NOT NULL DEFAULT 'en' CHECK (language IN ('de', 'en')),
  description   TEXT    NOT NULL DEFAULT '',
  canonical_url TEXT    NOT NULL DEFAULT '',
  word_count    INTEGER NOT NULL DEFAULT 0,
  -- 1 while draft_text (and so the search index) lags behind doc: autosave stays cheap for
  -- long drafts, and the indexer catches up before any search or listing reads it.
  text_stale    INTEGER NOT NULL DEFAULT 1,
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL,
  trashed_at    INTEGER
);
CREATE INDEX drafts_by_recency ON drafts (trashed_at, updated_at DESC);
CREATE INDEX drafts_stale ON drafts (id) WHERE text_stale = 1;

-- The editor's JSON document, exactly as the renderer sent it (validated at the boundary).
-- Its own table so that listing and sorting drafts never reads (or pages through) their bodies.
CREATE TABLE draft_bodies (
  draft_id INTEGER PRIMARY KEY REFERENCES drafts (id) ON DELETE CASCADE,
  doc      TEXT    NOT NULL
);

CREATE TABLE draft_tags (
  draft_id INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
  tag      TEXT    NOT NULL COLLATE NOCASE,
  position INTEGER NOT NULL,
  PRIMARY KEY (draft_id, tag)
) WITHOUT ROWID;
CREATE INDEX draft_tags_by_tag ON draft_tags (tag);

-- Plain text of each draft, the external content of the full-text index.
CREATE TABLE draft_text (
  draft_id INTEGER PRIMARY KEY REFERENCES drafts (id) ON DELETE CASCADE,
  title    TEXT NOT NULL,
  body     TEXT NOT NULL
);

-- remove_diacritics 2: "uber" finds "über". prefix indexes make as-you-type prefix queries cheap.
CREATE VIRTUAL TABLE draft_fts USING fts5 (
  title, body,
  content = 'draft_text', content_rowid = 'draft_id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3 4'
);
-- A title hit weighs ten body hits.
INSERT INTO draft_fts (draft_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0)');

CREATE TRIGGER draft_text_ai AFTER INSERT ON draft_text BEGIN
  INSERT INTO draft_fts (rowid, title, body) VALUES (new.draft_id, new.title, new.body);
END;
CREATE TRIGGER draft_text_ad AFTER DELETE ON draft_text BEGIN
  INSERT INTO draft_fts (draft_fts, rowid, title, body) VALUES ('delete', old.draft_id, old.title, old.body);
END;
CREATE TRIGGER draft_text_au AFTER UPDATE ON draft_text BEGIN
  INSERT INTO draft_fts (draft_fts, rowid, title, body) VALUES ('delete', old.draft_id, old.title, old.body);
  INSERT INTO draft_fts (rowid, title, body) VALUES (new.draft_id, new.title, new.body);
END;

CREATE TABLE revisions (
  id         INTEGER PRIMARY KEY,
  draft_id   INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
  title      TEXT    NOT NULL,
  doc        TEXT    NOT NULL,
  word_count INTEGER NOT NULL,
  reason     TEXT    NOT NULL CHECK (reason IN ('auto', 'before-restore', 'before-import', 'manual')),
  created_at INTEGER NOT NULL
);
CREATE INDEX revisions_by_draft ON revisions (draft_id, created_at DESC);

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL -- JSON
) WITHOUT ROWID;

CREATE TABLE assets (
  id         TEXT    NOT NULL UNIQUE, -- sha256 of data, hex
  mime       TEXT    NOT NULL,
  data       BLOB    NOT NULL,
  created_at INTEGER NOT NULL
);
