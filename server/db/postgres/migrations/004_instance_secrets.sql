-- Secrets generated once per instance (e.g. the key that signs real-time room tokens).
CREATE TABLE instance_secrets (
  name TEXT PRIMARY KEY,
  value BYTEA NOT NULL,
  created_at TEXT NOT NULL
);
