-- Drive trash for folders and emptying it: a trashed folder takes its contents along, and `trashed_with` names the
-- folder whose trashing took an entry along, so that restoring that folder brings back exactly those entries.
ALTER TABLE drive_folders ADD COLUMN trashed_at TEXT;
ALTER TABLE drive_folders ADD COLUMN trashed_with TEXT;
ALTER TABLE files ADD COLUMN trashed_with TEXT;
CREATE INDEX drive_folders_parent ON drive_folders(parent_id);
CREATE INDEX files_folder ON files(folder_id);
