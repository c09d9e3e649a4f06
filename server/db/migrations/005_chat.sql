-- Workshop chat: messages moved out of the live document (archive) and hidden messages with their trace (moderation).
-- The live messages stay in the real-time document `chat:<workshopId>`.
CREATE TABLE chat_archive (
  id INTEGER PRIMARY KEY AUTOINCREMENT, -- the paging cursor: archived oldest first, so id order is chat order
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  message_id TEXT NOT NULL,
  entry TEXT NOT NULL, -- the entry's JSON as it was in the document (a message or a tombstone)
  archived_at INTEGER NOT NULL,
  UNIQUE (workshop_id, message_id)
);
CREATE INDEX chat_archive_page ON chat_archive(workshop_id, id);

CREATE TABLE chat_moderation (
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  message_id TEXT NOT NULL,
  message TEXT NOT NULL, -- the hidden message's JSON, text included: readable by facilitators only
  hidden_by_id TEXT NOT NULL,
  hidden_by_name TEXT NOT NULL,
  hidden_at INTEGER NOT NULL,
  PRIMARY KEY (workshop_id, message_id)
);
