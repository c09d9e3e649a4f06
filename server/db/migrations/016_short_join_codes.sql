-- Short join codes for room signs: eight characters from an alphabet without 0/O/1/I/L, unique per instance.
ALTER TABLE workshops ADD COLUMN short_code TEXT;

-- Backfill: each character drawn at random from the same alphabet the application uses.
UPDATE workshops SET short_code =
	substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + abs(random()) % 31, 1) || substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + abs(random()) % 31, 1) ||
	substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + abs(random()) % 31, 1) || substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + abs(random()) % 31, 1) ||
	substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + abs(random()) % 31, 1) || substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + abs(random()) % 31, 1) ||
	substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + abs(random()) % 31, 1) || substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + abs(random()) % 31, 1);

-- A collision among existing rows (about one chance in 10^5 for 100 000 workshops) is drawn again, twice over:
-- all rows but the first holding a code get a new one.
UPDATE workshops SET short_code =
	substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + abs(random()) % 31, 1) || substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + abs(random()) % 31, 1) ||
	substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + abs(random()) % 31, 1) || substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + abs(random()) % 31, 1) ||
	substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + abs(random()) % 31, 1) || substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + abs(random()) % 31, 1) ||
	substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + abs(random()) % 31, 1) || substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + abs(random()) % 31, 1)
WHERE rowid NOT IN (SELECT min(rowid) FROM workshops GROUP BY short_code);
UPDATE workshops SET short_code =
	substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + abs(random()) % 31, 1) || substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + abs(random()) % 31, 1) ||
	substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + abs(random()) % 31, 1) || substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + abs(random()) % 31, 1) ||
	substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + abs(random()) % 31, 1) || substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + abs(random()) % 31, 1) ||
	substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + abs(random()) % 31, 1) || substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + abs(random()) % 31, 1)
WHERE rowid NOT IN (SELECT min(rowid) FROM workshops GROUP BY short_code);

CREATE UNIQUE INDEX workshops_short_code ON workshops (short_code);
