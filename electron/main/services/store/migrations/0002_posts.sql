-- Longhand schema v2: passages the author turned into posts, and the posts themselves.

-- The text as it was selected when the author asked for posts. The editor marks the passage
-- with its id (the `passage` mark), so later edits to the draft do not change this copy.
CREATE TABLE passages (
  id         INTEGER PRIMARY KEY,
  draft_id   INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
  text       TEXT    NOT NULL,
  created_at INTEGER NOT NULL,
  -- Target of the posts' (passage_id, draft_id) key: a post's passage is always in its draft.
  UNIQUE (id, draft_id)
);
CREATE INDEX passages_by_draft ON passages (draft_id, created_at);

CREATE TABLE posts (
  id          INTEGER PRIMARY KEY,
  draft_id    INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
  passage_id  INTEGER NOT NULL,
  platform    TEXT    NOT NULL,
  style       TEXT    NOT NULL,
  -- JSON array of strings: one post, or the parts of a thread in order.
  parts       TEXT    NOT NULL CHECK (json_valid(parts) AND json_type(parts) = 'array'),
  state       TEXT    NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'planned', 'posted')),
  -- The author's local calendar day, 'YYYY-MM-DD', optionally with 'THH:MM'. No time zone:
  -- "today" is whatever day the author's computer says it is.
  planned_for TEXT    CHECK (planned_for IS NULL OR planned_for GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'),
  posted_at   INTEGER,
  posted_url  TEXT,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  FOREIGN KEY (passage_id, draft_id) REFERENCES passages (id, draft_id) ON DELETE CASCADE,
  CHECK (state <> 'planned' OR planned_for IS NOT NULL),
  CHECK (state <> 'posted' OR posted_at IS NOT NULL),
  CHECK (state = 'posted' OR (posted_at IS NULL AND posted_url IS NULL))
);
CREATE INDEX posts_by_draft ON posts (draft_id, created_at);
CREATE INDEX posts_by_passage ON posts (passage_id, draft_id);
-- The Today list: planned posts up to a day, across all drafts.
CREATE INDEX posts_by_plan ON posts (planned_for) WHERE planned_for IS NOT NULL;
