-- « Mon programme »: the sessions a person picked in an edition, and the secret address of their personal calendar feed.
CREATE TABLE programme_picks (
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  picked_at INTEGER NOT NULL,          -- unix ms
  PRIMARY KEY (user_id, workshop_id)
);
CREATE INDEX programme_picks_edition ON programme_picks(user_id, edition_id);

-- One feed per person and edition. The token is kept as is (not hashed) so its owner can copy the address again for
-- another calendar app: it only opens a read-only list of sessions of an edition they may read, and renewing or
-- revoking it is one click.
CREATE TABLE programme_feeds (
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
  token TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,         -- unix ms
  PRIMARY KEY (user_id, edition_id)
);
