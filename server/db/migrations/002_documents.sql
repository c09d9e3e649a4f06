-- Real-time documents: the append log of Yjs updates, compacted snapshots kept as history, and which
-- person each Yjs client id belongs to (so authorship survives compaction).
CREATE TABLE doc_updates (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  room TEXT NOT NULL,
  data BLOB NOT NULL,
  author_id TEXT,
  created_at INTEGER NOT NULL          -- unix ms
);
CREATE INDEX doc_updates_room ON doc_updates(room, id);

CREATE TABLE doc_snapshots (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  room TEXT NOT NULL,
  data BLOB NOT NULL,                  -- the whole document as one Yjs update
  upto_update_id INTEGER NOT NULL,     -- every update with id <= this is included
  authors TEXT NOT NULL DEFAULT '[]',  -- JSON ids of people whose updates this version adds
  reason TEXT NOT NULL DEFAULT 'compaction',
  created_at INTEGER NOT NULL
);
CREATE INDEX doc_snapshots_room ON doc_snapshots(room, id);

CREATE TABLE doc_clients (
  room TEXT NOT NULL,
  client_id INTEGER NOT NULL,
  user_id TEXT,
  first_seen INTEGER NOT NULL,
  PRIMARY KEY (room, client_id)
);

