-- A workshop's listed speaker (a name from the programme or its import) claimed by an account through a single-use,
-- expiring link the organiser hands over; only the token's hash is stored. Once used, the row links the listed name to
-- the account, so the name is shown once (as the facilitator) and survives re-imports that keep the workshop.
CREATE TABLE speaker_claims (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  speaker_name TEXT NOT NULL,
  created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_by TEXT REFERENCES users(id) ON DELETE CASCADE,
  used_at TEXT
);
CREATE INDEX speaker_claims_workshop ON speaker_claims (workshop_id);
