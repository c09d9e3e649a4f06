-- Search: an edition may open its chat to every reader; what the indexer has done and what it still has to do.
ALTER TABLE editions ADD COLUMN chat_public BIGINT NOT NULL DEFAULT 0;

-- Real-time rooms (pad:, chat:, drive:) changed since the indexer last read them: one row per room, coalesced.
CREATE TABLE search_dirty (
  room TEXT PRIMARY KEY,
  marked_at BIGINT NOT NULL          -- unix ms of the latest change; cleared only if unchanged since it was read
);

-- The indexer's own state, e.g. the last outbox id it sent to the search engine.
CREATE TABLE search_state (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Text extracted from uploaded files, once per content (files are content-addressed).
CREATE TABLE search_extracts (
  sha256 TEXT PRIMARY KEY,
  text TEXT NOT NULL,
  note TEXT,                          -- why the text is empty or partial (unreadable, unsupported, truncated)
  extracted_at BIGINT NOT NULL
);
