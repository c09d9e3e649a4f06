import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../server/app';
import { resolveRoomAccess } from '../../../server/collab/room-access';
import { createRoomFacts } from '../../../server/collab/room-facts';
import { openDatabase, type Db } from '../../../server/db/open';
import { parseRoom } from '../../../server/shared/rooms';
import { padScenario } from './realtime-fixtures';

let db: Db;
let now = Date.parse('2018-09-13T07:30:00Z');

afterEach(() => db?.close());

/** The real policy behind the cache, counting how often the cache had to ask it. */
function factsOver(app: App) {
	const asked = { access: 0, sessions: 0, locks: 0 };
	const facts = createRoomFacts({
		db: app.db,
		clock: app.clock,
		validateSession: (token) => (asked.sessions++, app.sessions.validate(token)),
		resolveAccess: (viewer, room) => (asked.access++, resolveRoomAccess(app, viewer, room)),
		padLocked: (padId) => (asked.locks++, app.workshopClosure.padLocked(padId))
	});
	return { facts, asked };
}

async function setup() {
	now = Date.parse('2018-09-13T07:30:00Z');
	db = openDatabase(':memory:');
	const app = createApp({ db, clock: () => now });
	const scenario = await padScenario(app, { status: 'published' });
	const room = parseRoom(scenario.room)!;
	return { ...scenario, app, room, ...factsOver(app) };
}

describe('room facts: cached answers that follow the domain', () => {
	it('asks the policy once for a repeated question, and again when the minute turns', async () => {
		const { facts, asked, room, guest } = await setup();
		const alice = guest('Alice');
		expect(facts.access(alice, room)).toBe('write');
		expect(facts.access(alice, room)).toBe('write');
		expect(asked.access).toBe(1);
		now += 60_000;
		expect(facts.access(alice, room)).toBe('write');
		expect(asked.access).toBe(2);
	});

	it('sees a reader join the workshop (membership changed)', async () => {
		const { app, facts, room, organiser, workshopId } = await setup();
		const bob = app.accounts.createGuest({ displayName: 'Bob' });
		// Not a participant of this workshop: its live pad is not his to see (and a refusal is not remembered).
		expect(() => facts.access(bob, room)).toThrow('error.pad.notFound');
		app.workshops.join(bob, app.workshops.get(organiser, workshopId).joinCode!);
		expect(facts.access(bob, room)).toBe('write');
	});

	it('sees a facilitator lock the pads, a role change, a reopening (workshop state and roles changed)', async () => {
		const { app, facts, asked, room, organiser, workshopId, edition, pad, guest } = await setup();
		const alice = guest('Alice');
		expect(facts.access(alice, room)).toBe('write');
		expect(facts.padLocked(pad.id)).toBe(false);
		app.workshopClosure.close(organiser, workshopId);
		expect(facts.padLocked(pad.id)).toBe(true);
		expect(facts.access(alice, room)).toBe('read');
		const askedBefore = asked.access;
		app.members.changeRole(organiser, edition.id, alice.id, 'organiser');
		expect(facts.access(alice, room)).toBe(resolveRoomAccess(app, alice, room));
		expect(asked.access).toBe(askedBefore + 1);
		app.workshopClosure.reopen(organiser, workshopId);
		expect(facts.padLocked(pad.id)).toBe(false);
		expect(facts.access(alice, room)).toBe('write');
	});

	it('does not remember a refusal, and sees a deleted pad', async () => {
		const { app, facts, room, organiser, pad, guest } = await setup();
		const alice = guest('Alice');
		expect(facts.access(alice, room)).toBe('write');
		app.pads.remove(organiser, pad.id);
		expect(() => facts.access(alice, room)).toThrow();
		expect(() => facts.access(alice, room)).toThrow();
	});

	it('serves one session lookup to several sockets, and forgets it at logout', async () => {
		const { app, facts, asked, guest, tokenOf } = await setup();
		const alice = guest('Alice');
		const token = tokenOf(alice);
		const first = facts.session(token);
		expect(first?.viewer.id).toBe(alice.id);
		expect(facts.session(token)?.sessionId).toBe(first?.sessionId);
		expect(asked.sessions).toBe(1);
		app.sessions.invalidate(first!.sessionId);
		expect(facts.session(token)).toBeNull();
	});

	it('does not serve a session past its expiry', async () => {
		const { facts, guest, tokenOf } = await setup();
		const token = tokenOf(guest('Alice'));
		const found = facts.session(token)!;
		now = found.expiresAt;
		expect(facts.session(token)).toBeNull();
	});
});
