-- A counter bumped by every write that can change who may open a real-time room (membership, roles, workshops, pads,
-- editions, accounts, sessions): the collab endpoint's cache of access answers is valid while it has not moved
-- (server/collab/room-facts.ts). Triggers, so that writes from any code path or process count.
CREATE TABLE access_generation (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL);
INSERT INTO access_generation (id, n) VALUES (1, 0);

CREATE TRIGGER access_gen_members_ins AFTER INSERT ON edition_members BEGIN UPDATE access_generation SET n = n + 1; END;
CREATE TRIGGER access_gen_members_upd AFTER UPDATE ON edition_members BEGIN UPDATE access_generation SET n = n + 1; END;
CREATE TRIGGER access_gen_members_del AFTER DELETE ON edition_members BEGIN UPDATE access_generation SET n = n + 1; END;
CREATE TRIGGER access_gen_participants_ins AFTER INSERT ON workshop_participants BEGIN UPDATE access_generation SET n = n + 1; END;
CREATE TRIGGER access_gen_participants_del AFTER DELETE ON workshop_participants BEGIN UPDATE access_generation SET n = n + 1; END;
CREATE TRIGGER access_gen_facilitators_ins AFTER INSERT ON workshop_facilitators BEGIN UPDATE access_generation SET n = n + 1; END;
CREATE TRIGGER access_gen_facilitators_del AFTER DELETE ON workshop_facilitators BEGIN UPDATE access_generation SET n = n + 1; END;
CREATE TRIGGER access_gen_workshops_upd AFTER UPDATE ON workshops BEGIN UPDATE access_generation SET n = n + 1; END;
CREATE TRIGGER access_gen_workshops_del AFTER DELETE ON workshops BEGIN UPDATE access_generation SET n = n + 1; END;
CREATE TRIGGER access_gen_editions_upd AFTER UPDATE ON editions BEGIN UPDATE access_generation SET n = n + 1; END;
CREATE TRIGGER access_gen_editions_del AFTER DELETE ON editions BEGIN UPDATE access_generation SET n = n + 1; END;
CREATE TRIGGER access_gen_pads_upd AFTER UPDATE ON pads BEGIN UPDATE access_generation SET n = n + 1; END;
CREATE TRIGGER access_gen_pads_del AFTER DELETE ON pads BEGIN UPDATE access_generation SET n = n + 1; END;
CREATE TRIGGER access_gen_users_upd AFTER UPDATE ON users BEGIN UPDATE access_generation SET n = n + 1; END;
CREATE TRIGGER access_gen_users_del AFTER DELETE ON users BEGIN UPDATE access_generation SET n = n + 1; END;
CREATE TRIGGER access_gen_sessions_del AFTER DELETE ON auth_sessions BEGIN UPDATE access_generation SET n = n + 1; END;
