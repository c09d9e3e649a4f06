-- The case-insensitive user names and series titles of SQLite's COLLATE NOCASE.
CREATE EXTENSION IF NOT EXISTS citext;

-- Accounts, sessions, editions and their programme.
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username CITEXT UNIQUE,
  email TEXT,
  password_hash TEXT,
  display_name TEXT NOT NULL,
  is_guest BIGINT NOT NULL DEFAULT 0,
  is_admin BIGINT NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  CHECK (is_guest = 1 OR (username IS NOT NULL AND password_hash IS NOT NULL))
);

CREATE TABLE auth_sessions (
  id TEXT PRIMARY KEY,               -- sha256 hex of the token; the token itself is never stored
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  expires_at BIGINT NOT NULL,       -- unix ms
  created_at BIGINT NOT NULL
);
CREATE INDEX auth_sessions_user ON auth_sessions(user_id);

CREATE TABLE login_throttles (
  key TEXT PRIMARY KEY,              -- 'account:<user id>' or 'device:<device id>'
  failures BIGINT NOT NULL,
  first_failure_at BIGINT NOT NULL,
  locked_until BIGINT NOT NULL
);

CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  last_used_at TEXT
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

CREATE TABLE series (
  id TEXT PRIMARY KEY,
  title CITEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);

CREATE TABLE editions (
  id TEXT PRIMARY KEY,
  series_id TEXT REFERENCES series(id) ON DELETE SET NULL,
  title TEXT NOT NULL,
  city TEXT NOT NULL DEFAULT '',
  venue TEXT NOT NULL DEFAULT '',
  starts_on TEXT NOT NULL,           -- YYYY-MM-DD
  ends_on TEXT NOT NULL,
  timezone TEXT NOT NULL DEFAULT 'Europe/Paris',
  description TEXT NOT NULL DEFAULT '',
  licence TEXT NOT NULL DEFAULT 'etalab-2.0',
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (ends_on >= starts_on)
);

CREATE TABLE edition_members (
  edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('organiser', 'facilitator', 'participant')),
  title TEXT NOT NULL DEFAULT '',    -- affiliation for this edition and role
  joined_at TEXT NOT NULL,
  PRIMARY KEY (edition_id, user_id)
);
CREATE INDEX edition_members_user ON edition_members(user_id);

CREATE TABLE invites (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('organiser', 'facilitator')),
  note TEXT NOT NULL DEFAULT '',
  created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_by TEXT REFERENCES users(id) ON DELETE SET NULL,
  used_at TEXT
);

CREATE TABLE themes (
  id TEXT PRIMARY KEY,
  edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
  label TEXT NOT NULL,
  aliases TEXT NOT NULL DEFAULT '[]', -- JSON array of equivalent labels
  position BIGINT NOT NULL,
  UNIQUE (edition_id, label)
);

CREATE TABLE tracks (
  id TEXT PRIMARY KEY,
  edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  lead TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  position BIGINT NOT NULL,
  UNIQUE (edition_id, title)
);

CREATE TABLE rooms (
  id TEXT PRIMARY KEY,
  edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  venue TEXT NOT NULL DEFAULT '',
  position BIGINT NOT NULL,
  UNIQUE (edition_id, name)
);

CREATE TABLE workshops (
  id TEXT PRIMARY KEY,
  edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  format TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  track_id TEXT REFERENCES tracks(id) ON DELETE SET NULL,
  track_position BIGINT,
  room_id TEXT REFERENCES rooms(id) ON DELETE SET NULL,
  starts_at TEXT NOT NULL,           -- local date-time in the edition's timezone, YYYY-MM-DDTHH:MM
  ends_at TEXT NOT NULL,
  status_override TEXT CHECK (status_override IN ('upcoming', 'live', 'closed')),
  join_code TEXT NOT NULL UNIQUE,
  speakers TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (ends_at > starts_at)
);
CREATE INDEX workshops_edition ON workshops(edition_id, starts_at);

CREATE TABLE workshop_themes (
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  theme_id TEXT NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
  PRIMARY KEY (workshop_id, theme_id)
);

CREATE TABLE workshop_facilitators (
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  PRIMARY KEY (workshop_id, user_id)
);

CREATE TABLE workshop_participants (
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  joined_at TEXT NOT NULL,
  PRIMARY KEY (workshop_id, user_id)
);

-- Changes for adapters (search indexer...) written in the same transaction as the change itself.
CREATE TABLE outbox (
  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  topic TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  payload TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL
);
