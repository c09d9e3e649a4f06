-- Short join codes for room signs: eight characters from an alphabet without 0/O/1/I/L, unique per instance.
ALTER TABLE workshops ADD COLUMN short_code TEXT;

-- Backfill: each character drawn at random from the same alphabet the application uses, one row at a time so that
-- every row gets its own draw; a collision is drawn again.
DO $$
DECLARE
	alphabet CONSTANT TEXT := '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
	w RECORD;
	code TEXT;
BEGIN
	FOR w IN SELECT id FROM workshops LOOP
		LOOP
			SELECT string_agg(substr(alphabet, 1 + floor(random() * 31)::int, 1), '') INTO code FROM generate_series(1, 8);
			EXIT WHEN NOT EXISTS (SELECT 1 FROM workshops WHERE short_code = code);
		END LOOP;
		UPDATE workshops SET short_code = code WHERE id = w.id;
	END LOOP;
END $$;

CREATE UNIQUE INDEX workshops_short_code ON workshops (short_code);
