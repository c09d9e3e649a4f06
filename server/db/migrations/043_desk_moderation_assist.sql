-- The MédiaLab desk, continued: chat reports waiting for moderation, files whose processing failed, and writing on
-- someone's behalf (« aidant »).

-- A participant reports a chat message; it waits in the workshop's moderation queue until a facilitator hides the
-- message or dismisses the report. One open report per person and message.
CREATE TABLE chat_reports (
  id TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  message_id TEXT NOT NULL,
  reporter_id TEXT REFERENCES users(id) ON DELETE SET NULL,
  reason TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,          -- unix ms
  resolved_at INTEGER,
  resolution TEXT CHECK (resolution IN ('hidden', 'dismissed')),
  resolved_by_name TEXT
);
CREATE INDEX chat_reports_open ON chat_reports(workshop_id, resolved_at, created_at);
CREATE UNIQUE INDEX chat_reports_once ON chat_reports(workshop_id, message_id, reporter_id) WHERE resolved_at IS NULL;

-- Derived processing of a file's bytes (preview, text extraction for search) that failed, per blob and stage.
CREATE TABLE file_failures (
  sha256 TEXT NOT NULL,
  stage TEXT NOT NULL CHECK (stage IN ('preview', 'extraction')),
  reason TEXT NOT NULL,
  failed_at INTEGER NOT NULL,           -- unix ms
  PRIMARY KEY (sha256, stage)
);

-- Writing on behalf: the facilitator asks, the participant accepts on their device (or the facilitator marks them
-- present when they have none); the pad's edits made in that mode name the participant and the helper.
CREATE TABLE assisted_sessions (
  id TEXT PRIMARY KEY,
  pad_id TEXT NOT NULL REFERENCES pads(id) ON DELETE CASCADE,
  participant_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  helper_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('asked', 'accepted', 'declined', 'ended')),
  consent TEXT CHECK (consent IN ('device', 'markedPresent')),
  created_at INTEGER NOT NULL,
  answered_at INTEGER,
  ended_at INTEGER
);
CREATE INDEX assisted_sessions_participant ON assisted_sessions(participant_id, status);
CREATE INDEX assisted_sessions_pad ON assisted_sessions(pad_id, status);

-- The real-time log keeps who helped: the participant stays the author, the helper is named beside them.
ALTER TABLE doc_updates ADD COLUMN helper_id TEXT;
ALTER TABLE doc_clients ADD COLUMN helper_id TEXT;
