-- Programme import from frab/pretalx/Indico/iCalendar: each imported workshop remembers where it came from, so a
-- re-import updates it in place; a session gone from its source is marked cancelled rather than deleted.
ALTER TABLE workshops ADD COLUMN cancelled_at TEXT;

CREATE TABLE workshop_sources (
  workshop_id TEXT PRIMARY KEY REFERENCES workshops(id) ON DELETE CASCADE,
  edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
  source_kind TEXT NOT NULL,          -- frab-xml, schedule-json, ical, pretalx-api, indico, csv
  source_key TEXT NOT NULL,           -- guid:<GUID>, or id:<event id / code / UID> when the source has no GUID
  source_ref TEXT NOT NULL DEFAULT '', -- the source's own id or code, shown to organisers
  schedule_version TEXT NOT NULL DEFAULT '',
  imported_at TEXT NOT NULL,
  UNIQUE (edition_id, source_key)
);

-- The organiser's answer to « which of our formats is a pretalx "Talk"? », remembered for the next import.
CREATE TABLE programme_import_formats (
  edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
  source_type TEXT NOT NULL,
  format TEXT NOT NULL,
  PRIMARY KEY (edition_id, source_type)
);

-- A parsed file waiting for the organiser to confirm its preview; applied or replaced, then deleted.
CREATE TABLE programme_import_drafts (
  id TEXT PRIMARY KEY,
  edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
  created_by TEXT REFERENCES users(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  document TEXT NOT NULL              -- JSON of the normalised import (no personal data but speaker names)
);
