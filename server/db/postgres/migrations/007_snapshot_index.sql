-- Finding a room's latest version must not read every stored version's data.
CREATE INDEX doc_snapshots_room_upto ON doc_snapshots(room, upto_update_id);
