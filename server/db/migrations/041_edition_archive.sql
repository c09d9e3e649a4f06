-- An archived edition is a published edition frozen read-only: readers still read it as published, nobody writes in it.
-- A column rather than a third status: the status CHECK of 001 cannot be widened without rebuilding the editions
-- table, and every « published » reader (archive, search, exports) keeps reading an archived edition unchanged.
ALTER TABLE editions ADD COLUMN archived_at TEXT;
