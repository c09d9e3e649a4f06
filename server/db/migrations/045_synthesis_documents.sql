-- Syntheses are written like pads, in the real-time room `synthesis:<id>`. `live_at` says when the Markdown written
-- before went into the live document (NULL: not yet, done on first use); that text is also kept as it was, in
-- `markdown_before_live`. From then on `markdown` caches the live document's Markdown (open data, personal data).
ALTER TABLE syntheses ADD COLUMN live_at TEXT;
ALTER TABLE syntheses ADD COLUMN markdown_before_live TEXT;
UPDATE syntheses SET markdown_before_live = markdown WHERE markdown <> '';
