-- An archived edition is a published edition frozen read-only: readers still read it as published, nobody writes in it.
ALTER TABLE editions ADD COLUMN archived_at TEXT;
