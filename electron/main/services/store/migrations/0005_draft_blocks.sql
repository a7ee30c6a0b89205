-- Longhand schema v5: each draft's document stored as its top-level blocks, so that autosave
-- writes only the blocks an edit changed (a one-paragraph edit is one row) instead of the whole
-- document (about 1 MiB of JSON at 100,000 words). See electron/main/services/draft-blocks.ts.

-- Per draft: the document's JSON around its top-level blocks and a version tag.
--   doc = head || (blocks' json joined by ',' in position order) || tail
-- For the editor's documents head is '{"type":"doc","content":[' and tail ']}' (or ']' plus
-- the document's other keys). A stored text that is not shaped like that (not JSON, other key
-- order) is kept whole and verbatim in head with tail = '' and no blocks; it can only be
-- replaced whole.
CREATE TABLE draft_docs (
  draft_id INTEGER PRIMARY KEY REFERENCES drafts (id) ON DELETE CASCADE,
  head     TEXT    NOT NULL,
  tail     TEXT    NOT NULL,
  -- How many rows the draft has in draft_blocks.
  blocks   INTEGER NOT NULL DEFAULT 0,
  -- Changes with every write of the body. A random 53-bit tag rather than a counter, so no
  -- other history (a library restored from a backup, a draft deleted and written again) can
  -- ever repeat a tag a renderer still holds as the base of its next block patch.
  version  INTEGER NOT NULL
);

-- The top-level blocks, each exactly as JSON.stringify wrote it. Positions are sparse
-- (multiples of 2^24 when written whole) so inserting a block between two others takes a
-- free number between theirs instead of renumbering the rest.
CREATE TABLE draft_blocks (
  draft_id INTEGER NOT NULL REFERENCES draft_docs (draft_id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  json     TEXT    NOT NULL,
  PRIMARY KEY (draft_id, position)
);

ALTER TABLE draft_bodies RENAME TO draft_bodies_v4;

-- What draft_bodies was: every reader (drafts, revisions, search, export, backup) reads the
-- same bytes as before, reassembled here in one place.
CREATE VIEW draft_bodies (draft_id, doc) AS
  SELECT d.draft_id,
         d.head || coalesce((SELECT group_concat(b.json, ',' ORDER BY b.position) FROM draft_blocks b WHERE b.draft_id = d.draft_id), '') || d.tail
  FROM draft_docs d;

-- Writing a whole document: split into blocks by SQLite's JSON reader, whose text of each
-- element is byte for byte what JSON.stringify wrote (minified input is re-emitted verbatim).
-- The split is checked against the text itself; anything that does not reassemble to exactly
-- the same bytes from its content array's elements is kept whole instead. 25 = length('{"type":"doc","content":[').
CREATE TRIGGER draft_bodies_insert INSTEAD OF INSERT ON draft_bodies BEGIN
  SELECT RAISE(ABORT, 'NOT NULL constraint failed: draft_bodies.doc') WHERE new.doc IS NULL;
  INSERT INTO draft_docs (draft_id, head, tail, version) VALUES (new.draft_id, CAST(new.doc AS TEXT), '', random() & 9007199254740991);
  INSERT INTO draft_blocks (draft_id, position, json)
    SELECT new.draft_id, key * 16777216, value
    FROM json_each(
      CASE WHEN json_valid(new.doc) AND substr(new.doc, 1, 25) = '{"type":"doc","content":[' AND json_type(new.doc, '$.content') = 'array'
        THEN new.doc ELSE '{}' END,
      '$.content')
    WHERE type = 'object';
  UPDATE draft_docs
    SET head = '{"type":"doc","content":[',
        tail = substr(new.doc, 26 + coalesce((SELECT sum(length(json)) + count(*) - 1 FROM draft_blocks WHERE draft_id = new.draft_id), 0))
    WHERE draft_id = new.draft_id AND json_valid(new.doc) AND substr(new.doc, 1, 25) = '{"type":"doc","content":[' AND json_type(new.doc, '$.content') = 'array';
  -- Blocks only if they are the whole content array (the tail starts where it closes) and
  -- give back the very same text.
  UPDATE draft_docs SET head = CAST(new.doc AS TEXT), tail = ''
    WHERE draft_id = new.draft_id
      AND (substr(tail, 1, 1) <> ']' OR (SELECT doc FROM draft_bodies WHERE draft_id = new.draft_id) IS NOT CAST(new.doc AS TEXT));
  DELETE FROM draft_blocks WHERE draft_id = new.draft_id AND (SELECT tail FROM draft_docs WHERE draft_id = new.draft_id) = '';
  UPDATE draft_docs SET blocks = (SELECT count(*) FROM draft_blocks WHERE draft_id = new.draft_id) WHERE draft_id = new.draft_id;
END;

CREATE TRIGGER draft_bodies_update INSTEAD OF UPDATE ON draft_bodies BEGIN
  SELECT RAISE(ABORT, 'draft_bodies.draft_id cannot change') WHERE new.draft_id IS NOT old.draft_id;
  -- Blocks first: with foreign_keys off (a tool, an old connection) nothing would cascade.
  DELETE FROM draft_blocks WHERE draft_id = old.draft_id;
  DELETE FROM draft_docs WHERE draft_id = old.draft_id;
  INSERT INTO draft_bodies (draft_id, doc) VALUES (old.draft_id, new.doc);
END;

CREATE TRIGGER draft_bodies_delete INSTEAD OF DELETE ON draft_bodies BEGIN
  DELETE FROM draft_blocks WHERE draft_id = old.draft_id;
  DELETE FROM draft_docs WHERE draft_id = old.draft_id;
END;

INSERT INTO draft_bodies (draft_id, doc) SELECT draft_id, doc FROM draft_bodies_v4 ORDER BY draft_id;
DROP TABLE draft_bodies_v4;
