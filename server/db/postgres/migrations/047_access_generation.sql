-- A counter bumped by every write that can change who may open a real-time room (membership, roles, workshops, pads,
-- editions, accounts, sessions): the collab endpoint's cache of access answers is valid while it has not moved
-- (server/collab/room-facts.ts). Triggers, so that writes from any code path or node count.
CREATE TABLE access_generation (id BIGINT PRIMARY KEY CHECK (id = 1), n BIGINT NOT NULL);
INSERT INTO access_generation (id, n) VALUES (1, 0);

CREATE FUNCTION bump_access_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE access_generation SET n = n + 1 WHERE id = 1;
	RETURN NULL;
END $$;

CREATE TRIGGER access_gen_members AFTER INSERT OR UPDATE OR DELETE ON edition_members FOR EACH STATEMENT EXECUTE FUNCTION bump_access_generation();
CREATE TRIGGER access_gen_participants AFTER INSERT OR DELETE ON workshop_participants FOR EACH STATEMENT EXECUTE FUNCTION bump_access_generation();
CREATE TRIGGER access_gen_facilitators AFTER INSERT OR DELETE ON workshop_facilitators FOR EACH STATEMENT EXECUTE FUNCTION bump_access_generation();
CREATE TRIGGER access_gen_workshops AFTER UPDATE OR DELETE ON workshops FOR EACH STATEMENT EXECUTE FUNCTION bump_access_generation();
CREATE TRIGGER access_gen_editions AFTER UPDATE OR DELETE ON editions FOR EACH STATEMENT EXECUTE FUNCTION bump_access_generation();
CREATE TRIGGER access_gen_pads AFTER UPDATE OR DELETE ON pads FOR EACH STATEMENT EXECUTE FUNCTION bump_access_generation();
CREATE TRIGGER access_gen_users AFTER UPDATE OR DELETE ON users FOR EACH STATEMENT EXECUTE FUNCTION bump_access_generation();
CREATE TRIGGER access_gen_sessions AFTER DELETE ON auth_sessions FOR EACH STATEMENT EXECUTE FUNCTION bump_access_generation();
