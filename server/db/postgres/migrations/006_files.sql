-- The workshop drive: folders and files; bytes live content-addressed under <DATA_DIR>/blobs, listed live in `drive:<workshopId>`.
CREATE TABLE drive_folders (
  id TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  parent_id TEXT REFERENCES drive_folders(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
  creator_name TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX drive_folders_workshop ON drive_folders(workshop_id);

CREATE TABLE files (
  id TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  folder_id TEXT REFERENCES drive_folders(id) ON DELETE SET NULL,
  name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size BIGINT NOT NULL,
  mime TEXT NOT NULL,
  kind TEXT NOT NULL,
  active BIGINT NOT NULL,
  uploaded_by TEXT REFERENCES users(id) ON DELETE SET NULL,
  uploader_name TEXT NOT NULL,
  uploaded_at TEXT NOT NULL,
  trashed_at TEXT,
  transcript TEXT
);
CREATE INDEX files_workshop ON files(workshop_id);
CREATE INDEX files_sha256 ON files(sha256);
