-- Leases: which node of an instance runs a job that must run once (the search indexer, the orphan sweep, the demo
-- seed). A holder renews its lease well before it expires; when a node dies, another takes the lease once it has expired.
CREATE TABLE leases (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL,              -- the node: host, process and a random part
  acquired_at BIGINT NOT NULL,      -- unix ms, when this holder took it
  expires_at BIGINT NOT NULL        -- unix ms
);
