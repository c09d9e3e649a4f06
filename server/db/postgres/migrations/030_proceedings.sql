-- Proceedings of an edition: syntheses per theme that quote published deliverables, « En savoir + » links, and frozen versions.
CREATE TABLE syntheses (
  id TEXT PRIMARY KEY,
  edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
  theme_id TEXT NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  markdown TEXT NOT NULL DEFAULT '',  -- Markdown; a line `[[cite:<id>]]` stands for a citation, rendered as a linked blockquote
  updated_by TEXT REFERENCES users(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (edition_id, theme_id)
);

-- Who wrote in a synthesis: credited in the colophon (texts) by their current choice.
CREATE TABLE synthesis_editors (
  synthesis_id TEXT NOT NULL REFERENCES syntheses(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  PRIMARY KEY (synthesis_id, user_id)
);

-- A passage quoted from one published version of a deliverable, at one section anchor.
CREATE TABLE citations (
  id TEXT PRIMARY KEY,
  synthesis_id TEXT NOT NULL REFERENCES syntheses(id) ON DELETE CASCADE,
  deliverable_id TEXT NOT NULL REFERENCES deliverables(id) ON DELETE CASCADE,
  version BIGINT NOT NULL,
  anchor TEXT NOT NULL DEFAULT '',
  quoted_text TEXT NOT NULL,
  created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX citations_synthesis ON citations(synthesis_id);

-- « En savoir + »: a link attached to a workshop, a deliverable or a synthesis.
CREATE TABLE resource_links (
  id TEXT PRIMARY KEY,
  edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
  target_kind TEXT NOT NULL CHECK (target_kind IN ('workshop', 'deliverable', 'synthesis')),
  target_id TEXT NOT NULL,
  title TEXT NOT NULL,
  url TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('article', 'video', 'tool', 'dataset', 'website', 'other')),
  licence TEXT,
  created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX resource_links_edition ON resource_links(edition_id, target_kind, target_id);

-- What the next version will contain besides the live syntheses: introduction, licence, the colophon's free credits.
CREATE TABLE proceedings_drafts (
  edition_id TEXT PRIMARY KEY REFERENCES editions(id) ON DELETE CASCADE,
  introduction TEXT NOT NULL DEFAULT '',
  licence TEXT NOT NULL DEFAULT 'CC-BY-SA-4.0',
  credits_json TEXT NOT NULL DEFAULT '[]',  -- [{ "name": "…", "role": "photos" | "illustrations" | "design" | "texts" }]
  updated_at TEXT NOT NULL
);

-- A published version never changes; people are stored by id so the colophon follows their current credit choice.
CREATE TABLE proceedings_versions (
  edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
  version BIGINT NOT NULL,
  licence TEXT NOT NULL,
  outline_json TEXT NOT NULL,
  credits_json TEXT NOT NULL DEFAULT '[]',
  published_by TEXT REFERENCES users(id) ON DELETE SET NULL,
  published_at TEXT NOT NULL,
  PRIMARY KEY (edition_id, version)
);
