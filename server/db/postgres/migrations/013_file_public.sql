-- A facilitator may mark a drive file public: every reader of the edition may then download it, whatever the workspace setting.
ALTER TABLE files ADD COLUMN public BIGINT NOT NULL DEFAULT 0;
