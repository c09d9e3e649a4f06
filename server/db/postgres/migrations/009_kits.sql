-- Event kits: an edition's own kit (lineage, programme extras, documents) and the versions it published.
CREATE TABLE edition_kits (
  edition_id TEXT PRIMARY KEY REFERENCES editions(id) ON DELETE CASCADE,
  kit_id TEXT NOT NULL,              -- the id this edition's kit is exported under
  version TEXT NOT NULL,             -- semver of its last published (or forked) version
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  languages TEXT NOT NULL DEFAULT '["fr"]',   -- JSON
  authors TEXT NOT NULL DEFAULT '[]',         -- JSON [{name, role}]
  credits TEXT NOT NULL DEFAULT '[]',         -- JSON [{name, contribution}]
  changelog TEXT NOT NULL DEFAULT '[]',       -- JSON [{version, date, changes}]
  forked_from TEXT,                  -- JSON {kit, version, edition, territory, date}, null for an original kit
  upstream_files TEXT,               -- JSON {path: text} of the kit it was forked from, for the diff
  programme TEXT NOT NULL DEFAULT '{}',       -- JSON: formats, roomTypes, roles, timeline, room types of rooms
  adaptation_notes TEXT NOT NULL DEFAULT '',  -- « what we changed for our territory and why »
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX edition_kits_upstream ON edition_kits(((forked_from::jsonb) ->> 'kit'));

-- Guides (incl. checklist, charter), documentation templates and assets of an edition's kit, editable by its organisers.
CREATE TABLE edition_kit_documents (
  edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
  path TEXT NOT NULL,                -- path inside the kit, e.g. guides/01-medialab.md
  kind TEXT NOT NULL CHECK (kind IN ('readme', 'guide', 'template', 'asset')),
  guide_kind TEXT,                   -- guide | playbook | checklist | charter | gdpr | signage | handover
  format TEXT,                       -- for templates: the workshop format they document
  title TEXT NOT NULL DEFAULT '',
  content_type TEXT NOT NULL DEFAULT 'markdown' CHECK (content_type IN ('markdown', 'prosemirror-json', 'text')),
  body TEXT NOT NULL,
  position BIGINT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (edition_id, path)
);
CREATE UNIQUE INDEX edition_kit_templates ON edition_kit_documents(edition_id, format) WHERE kind = 'template';

-- Versions an edition published of its kit (republishing), each with its changelog entry and the exact bytes' hash.
CREATE TABLE kit_publications (
  id TEXT PRIMARY KEY,
  edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
  kit_id TEXT NOT NULL,
  version TEXT NOT NULL,
  changes TEXT NOT NULL,             -- JSON array of changelog lines
  sha256 TEXT NOT NULL,
  bytes BIGINT NOT NULL,
  created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  UNIQUE (edition_id, version)
);
CREATE INDEX kit_publications_kit ON kit_publications(kit_id);
