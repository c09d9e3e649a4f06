-- An edition may open its closed workshops' pads, pad histories and drive to every reader; off unless the organiser says so.
ALTER TABLE editions ADD COLUMN workspace_public BIGINT NOT NULL DEFAULT 0;
