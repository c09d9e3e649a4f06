-- The MédiaLab desk: help requests from people in a workshop, and the edition's desk and wall settings.
-- A request keeps no more than the display names once it is over: its text and place are cleared when it closes.
CREATE TABLE help_requests (
  id TEXT PRIMARY KEY,
  edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  requester_id TEXT REFERENCES users(id) ON DELETE SET NULL,
  requester_name TEXT NOT NULL,
  token_hash TEXT NOT NULL,            -- sha256 of the token the asker holds: their proof that the request is theirs
  message TEXT NOT NULL DEFAULT '',
  place TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('open', 'claimed', 'done', 'cancelled')),
  created_at BIGINT NOT NULL,         -- unix ms
  claimed_at BIGINT,
  claimed_by TEXT REFERENCES users(id) ON DELETE SET NULL,
  claimed_by_name TEXT,
  closed_at BIGINT
);
CREATE INDEX help_requests_edition ON help_requests(edition_id, status, created_at);

-- Minutes a live workshop's pads may stay empty before the desk raises an alert.
ALTER TABLE editions ADD COLUMN desk_empty_pad_minutes BIGINT NOT NULL DEFAULT 20 CHECK (desk_empty_pad_minutes >= 0);
-- The projected wall: 0 shows live pads to the edition's members only, 1 shows what anonymous readers may read.
ALTER TABLE editions ADD COLUMN wall_public BIGINT NOT NULL DEFAULT 0 CHECK (wall_public IN (0, 1));
