-- Stored real-time rows that no longer apply (an update or a version Yjs cannot read): moved aside when their room
-- loads, never deleted, so an administrator can look at them and the document opens from what is valid.
CREATE TABLE doc_quarantine (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  room TEXT NOT NULL,
  source TEXT NOT NULL,                -- 'update' (doc_updates) or 'snapshot' (doc_snapshots)
  source_id INTEGER NOT NULL,          -- its id in that table
  data BLOB NOT NULL,
  author_id TEXT,
  created_at INTEGER NOT NULL,         -- when it was first stored (unix ms)
  quarantined_at INTEGER NOT NULL,
  error TEXT NOT NULL
);
CREATE INDEX doc_quarantine_room ON doc_quarantine(room, id);
