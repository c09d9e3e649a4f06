-- Collaborative pads: several per workshop; their content lives in the real-time document `pad:<id>`.
CREATE TABLE pads (
  id TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  template TEXT,
  position BIGINT NOT NULL,
  created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX pads_workshop ON pads(workshop_id, position);
