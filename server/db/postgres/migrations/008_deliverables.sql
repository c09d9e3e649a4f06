-- Deliverables turned from pads, their frozen versions, credits choices, review comments, and when workshops close.
CREATE TABLE deliverables (
  id TEXT PRIMARY KEY,
  edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  pad_id TEXT REFERENCES pads(id) ON DELETE SET NULL,
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  licence TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'review', 'published', 'withdrawn')),
  created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX deliverables_workshop ON deliverables(workshop_id, created_at);
CREATE INDEX deliverables_edition ON deliverables(edition_id, status);

CREATE TABLE deliverable_themes (
  deliverable_id TEXT NOT NULL REFERENCES deliverables(id) ON DELETE CASCADE,
  theme_id TEXT NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
  PRIMARY KEY (deliverable_id, theme_id)
);

-- A published version never changes, except withdrawn_at; credits name people by id so names follow their current choice.
CREATE TABLE deliverable_versions (
  deliverable_id TEXT NOT NULL REFERENCES deliverables(id) ON DELETE CASCADE,
  version BIGINT NOT NULL,
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  licence TEXT NOT NULL,
  html TEXT NOT NULL,
  markdown TEXT NOT NULL,
  credits_json TEXT NOT NULL DEFAULT '[]',  -- [{ "userId": "…" } | { "name": "…" }, role: author|facilitator|helper]
  pad_snapshot_id BIGINT,                  -- the pad version saved at publication (doc_snapshots.id), when there was one
  published_by TEXT REFERENCES users(id) ON DELETE SET NULL,
  published_at TEXT NOT NULL,
  withdrawn_at TEXT,
  PRIMARY KEY (deliverable_id, version)
);

-- « Avec l'aide de »: a member of the edition, or a free name for someone without an account.
CREATE TABLE deliverable_helpers (
  id TEXT PRIMARY KEY,
  deliverable_id TEXT NOT NULL REFERENCES deliverables(id) ON DELETE CASCADE,
  user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
  name TEXT,
  created_at TEXT NOT NULL,
  CHECK ((user_id IS NULL) <> (name IS NULL))
);
CREATE INDEX deliverable_helpers_deliverable ON deliverable_helpers(deliverable_id);

CREATE TABLE deliverable_comments (
  id TEXT PRIMARY KEY,
  deliverable_id TEXT NOT NULL REFERENCES deliverables(id) ON DELETE CASCADE,
  author_id TEXT REFERENCES users(id) ON DELETE SET NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX deliverable_comments_deliverable ON deliverable_comments(deliverable_id, created_at);

-- How a person is credited in one edition; no row means « by name ».
CREATE TABLE credit_choices (
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
  mode TEXT NOT NULL CHECK (mode IN ('name', 'pseudonym', 'anonymous')),
  pseudonym TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (user_id, edition_id),
  CHECK (mode <> 'pseudonym' OR pseudonym IS NOT NULL)
);

-- Pads turn read-only for participants this long after a workshop's end, unless a facilitator reopens them.
ALTER TABLE editions ADD COLUMN close_delay_minutes BIGINT NOT NULL DEFAULT 120 CHECK (close_delay_minutes >= 0);
ALTER TABLE workshops ADD COLUMN pads_override TEXT CHECK (pads_override IN ('reopened', 'locked'));
ALTER TABLE workshops ADD COLUMN pads_override_at TEXT;
