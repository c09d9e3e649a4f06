// The policy table, checked against the real use cases and the real WebSocket endpoint: every role × resource × state.
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../server/app';
import { can, type Action, type Resource, type Role, type Situation } from '../../../server/domain/access/policy';
import type { Viewer } from '../../../server/domain/types';
import { isAppError } from '../../../server/shared/errors';
import { startHarness, type Harness } from '../collab/realtime-harness';
import { createAccount, createEdition, createGuest, createWorkshop, joinCodeOf } from '../factories';

type Phase = 'live' | 'closedOpen' | 'closedLocked';
type Place = { label: string; editionId: string; workshopId: string; padId: string; synthesisId: string; binnedPadId: string; deliverables: Record<'draft' | 'review' | 'published', string>; facts: Situation };
type Person = { label: string; viewer: Viewer | null; token: string | null; role: (place: Place) => Role };

/** Whether the use case let the viewer through: a refusal must be an AppError, and reading refusals must be not_found. */
async function allowed(run: () => unknown, readRefusal: boolean): Promise<boolean> {
	try {
		await run();
		return true;
	} catch (e) {
		if (!isAppError(e)) throw e;
		if (readRefusal) expect(e.code, e.message).toBe('not_found');
		return false;
	}
}

/** The kit's diff refuses an edition that was not forked from a kit once access was granted: that is not a refusal. */
function notForkedIsAnAnswer(run: () => unknown): unknown {
	try {
		return run();
	} catch (e) {
		if (isAppError(e) && e.message === 'error.kit.notForked') return null;
		throw e;
	}
}

/** Opens a real-time room with the person's session: 'write', 'read' or the close code. */
async function roomOutcome(h: Harness, room: string, token: string | null): Promise<'write' | 'read' | number> {
	const before = new Set(h.collab.connections);
	const ws = new WebSocket(`${h.url}/${room}`, { headers: token ? { cookie: `ml_session=${token}` } : {} });
	let closedWith: number | null = null;
	const closed = new Promise<void>((resolve) => ws.once('close', (code) => ((closedWith = code), resolve())));
	const mine = () => [...h.collab.connections].find((c) => !before.has(c));
	// Accepted: the endpoint registers the connection; refused: it closes the socket with a code.
	for (let waited = 0; closedWith === null && !mine() && waited < 2000; waited += 5) await new Promise((r) => setTimeout(r, 5));
	const connection = mine();
	if (!connection) {
		await closed;
		return closedWith!;
	}
	const mode = connection.peer.canWrite ? 'write' : 'read';
	if (ws.readyState === WebSocket.CONNECTING) await new Promise((resolve) => ws.once('open', resolve));
	ws.close(1000);
	await closed;
	return mode;
}

describe('the access policy, as the use cases and the real-time rooms apply it', () => {
	let h: Harness;
	let app: App;
	const places: Place[] = [];
	const people: Person[] = [];

	beforeAll(async () => {
		h = await startHarness();
		app = h.app;
		const admin = await createAccount(app, 'admin'); // the first account administers the instance
		const organiser = await createAccount(app, 'organiser');
		const facilitator = await createAccount(app, 'facilitator');
		const elsewhere = await createAccount(app, 'elsewhere'); // facilitates another edition only
		const participant = await createAccount(app, 'participant');
		const member = await createAccount(app, 'member'); // takes part in another workshop of each edition
		const reader = await createAccount(app, 'reader');
		const guest = createGuest(app, 'Guest');
		const otherGuest = createGuest(app, 'Other guest'); // guest of another workshop of each edition
		const staff = (editionId: string, userId: string, role: string) =>
			app.db.prepare('INSERT INTO edition_members (edition_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)').run(editionId, userId, role, '2018-09-01T00:00:00Z');
		const other = createEdition(app, organiser, { title: 'Another edition', status: 'published' });
		staff(other.id, elsewhere.id, 'facilitator');

		// An archived edition is a published one its organisers froze once everything below was in it.
		for (const status of ['draft', 'published', 'archived'] as const) {
			for (const opened of [false, true]) {
				const edition = createEdition(app, organiser, { title: `${status} ${opened ? 'open' : 'closed'}`, status: status === 'draft' ? 'draft' : 'published' });
				if (opened) app.editions.setSharing(organiser, edition.id, { chatPublic: 'on', workspacePublic: 'on' });
				staff(edition.id, facilitator.id, 'facilitator');
				const side = createWorkshop(app, organiser, edition.id, { title: 'Side workshop', statusOverride: 'live' });
				const synthesisId = app.syntheses.open(organiser, edition.id, app.structure.addTheme(organiser, edition.id, { label: 'communs' }));
				app.workshops.join(member, joinCodeOf(app, side));
				app.workshops.join(otherGuest, joinCodeOf(app, side));
				for (const phase of ['live', 'closedOpen', 'closedLocked'] as Phase[]) {
					const workshopId = createWorkshop(app, organiser, edition.id, { title: phase, statusOverride: phase === 'live' ? 'live' : 'closed' });
					if (phase === 'closedOpen') app.workshopClosure.reopen(organiser, workshopId);
					app.workshops.join(participant, joinCodeOf(app, workshopId));
					app.workshops.join(guest, joinCodeOf(app, workshopId));
					const padId = app.pads.create(organiser, workshopId, { title: 'Notes' }).id;
					const binnedPadId = app.pads.create(organiser, workshopId, { title: 'Binned' }).id;
					app.pads.remove(organiser, binnedPadId);
					const deliverable = (title: string) => app.deliverables.create(organiser, workshopId, { padId, title });
					const deliverables = { draft: deliverable('Draft'), review: deliverable('In review'), published: deliverable('Published') };
					app.deliverables.submitForReview(organiser, deliverables.review);
					await app.deliverables.publish(organiser, deliverables.published);
					places.push({
						label: `${status} edition (${opened ? 'workspace and chat opened' : 'default settings'}), ${phase} workshop`,
						editionId: edition.id,
						workshopId,
						padId,
						synthesisId,
						binnedPadId,
						deliverables,
						facts: { published: status !== 'draft', notArchived: status !== 'archived', workspacePublic: opened, chatPublic: opened, closed: phase !== 'live', notLocked: phase !== 'closedLocked' }
					});
				}
				if (status === 'archived') app.editions.setArchived(organiser, edition.id, { archived: 'on' });
			}
		}
		const person = (label: string, viewer: Viewer | null, role: Role): Person => ({
			label,
			viewer,
			token: viewer ? app.sessions.create(viewer.id, viewer.isGuest).token : null,
			role: () => role
		});
		people.push(
			person('anonymous reader', null, 'anonymous'),
			person('signed-in reader without a role', reader, 'reader'),
			person('facilitator of another edition', elsewhere, 'reader'),
			person('participant of another workshop', member, 'member'),
			person('guest of another workshop', otherGuest, 'member'),
			person('guest of the workshop', guest, 'guest'),
			person('participant of the workshop', participant, 'participant'),
			person('facilitator of the edition', facilitator, 'facilitator'),
			person('organiser of the edition', organiser, 'organiser'),
			person('instance admin', admin, 'admin')
		);
	});

	afterAll(() => h.close());

	/** Each checked resource × action, and the use case that must answer as the table says. */
	const checks: { resource: Resource; action: Action; extra?: Situation; readRefusal: boolean; run: (app: App, viewer: Viewer | null, place: Place) => unknown }[] = [
		{ resource: 'edition', action: 'read', readRefusal: true, run: (a, v, p) => a.editions.get(v, p.editionId) },
		{ resource: 'edition', action: 'administer', readRefusal: false, run: (a, v, p) => a.access.managed(v, p.editionId) },
		{ resource: 'workshop', action: 'read', readRefusal: true, run: (a, v, p) => a.workshops.get(v, p.workshopId) },
		{ resource: 'workshop', action: 'moderate', readRefusal: false, run: (a, v, p) => a.workshops.rotateJoinCode(v, p.workshopId) },
		{ resource: 'workshop', action: 'invite', readRefusal: false, run: (a, v, p) => a.speakerClaims.list(v, p.workshopId) },
		{ resource: 'padLive', action: 'read', extra: { notDeleted: true }, readRefusal: true, run: (a, v, p) => a.pads.get(v, p.padId) },
		{ resource: 'padLive', action: 'read', extra: { notDeleted: false }, readRefusal: true, run: (a, v, p) => a.pads.get(v, p.binnedPadId) },
		{ resource: 'padLive', action: 'export', extra: { notDeleted: true }, readRefusal: true, run: (a, v, p) => a.pads.exportDocument(v, p.padId) },
		{ resource: 'padLive', action: 'moderate', readRefusal: false, run: (a, v, p) => a.pads.rename(v, p.padId, { title: 'Notes' }) },
		{ resource: 'padHistory', action: 'read', extra: { notDeleted: true }, readRefusal: true, run: (a, v, p) => a.pads.history(v, p.padId) },
		{ resource: 'padHistory', action: 'write', extra: { notDeleted: true }, readRefusal: false, run: (a, v, p) => a.pads.saveVersion(v, p.padId) },
		{ resource: 'chat', action: 'read', readRefusal: true, run: (a, v, p) => a.chat.open(v, p.workshopId) },
		{ resource: 'chat', action: 'moderate', readRefusal: false, run: (a, v, p) => a.chat.hiddenMessages(v, p.workshopId) },
		{ resource: 'chatReport', action: 'moderate', readRefusal: false, run: (a, v, p) => a.chatReports.queue(v, p.workshopId) },
		{ resource: 'driveFile', action: 'read', extra: { notDeleted: true }, readRefusal: true, run: (a, v, p) => a.files.list(v, p.workshopId) },
		{ resource: 'deliverable', action: 'read', extra: { deliverableOut: false, deliverableShared: false }, readRefusal: true, run: (a, v, p) => a.deliverables.get(v, p.deliverables.draft) },
		{ resource: 'deliverable', action: 'read', extra: { deliverableOut: false, deliverableShared: true }, readRefusal: true, run: (a, v, p) => a.deliverables.get(v, p.deliverables.review) },
		{ resource: 'deliverable', action: 'read', extra: { deliverableOut: true, deliverableShared: true }, readRefusal: true, run: (a, v, p) => a.deliverables.get(v, p.deliverables.published) },
		{ resource: 'deliverable', action: 'curate', readRefusal: false, run: (a, v, p) => a.deliverables.update(v, p.deliverables.draft, { title: 'Draft' }) },
		// Reading an edition's kit: its diff from the kit it came from (these editions were not forked, which is an answer too).
		{ resource: 'kit', action: 'read', readRefusal: true, run: (a, v, p) => notForkedIsAnAnswer(() => a.kits.diff(v, p.editionId)) },
		{ resource: 'kit', action: 'curate', readRefusal: false, run: (a, v, p) => a.kits.overview(v, p.editionId) },
		{ resource: 'kit', action: 'curate', readRefusal: false, run: (a, v, p) => a.kits.saveNotes(v, p.editionId, { notes: 'Adapted for the matrix' }) }
	];

	/** Boolean answers the use cases give without acting (the pages read them to show or hide controls). */
	const answers: { resource: Resource; action: Action; extra?: Situation; answer: (app: App, viewer: Viewer | null, place: Place) => boolean }[] = [
		{ resource: 'padLive', action: 'write', extra: { notDeleted: true }, answer: (a, v, p) => a.pads.get(v, p.padId).canWrite },
		{ resource: 'chat', action: 'write', answer: (a, v, p) => a.chat.access(v, p.workshopId).canWrite },
		{ resource: 'chatReport', action: 'write', answer: (a, v, p) => a.chatReports.canReport(v, p.workshopId) },
		{ resource: 'driveFile', action: 'write', answer: (a, v, p) => a.files.rightsIn(v, p.workshopId).canWrite },
		{ resource: 'driveFile', action: 'moderate', answer: (a, v, p) => a.files.rightsIn(v, p.workshopId).canFacilitate }
	];

	it('lets the use cases answer exactly what the table says, for every role, resource and state', async () => {
		const mismatches: string[] = [];
		let checked = 0;
		for (const place of places) {
			for (const person of people) {
				const facts = place.facts;
				for (const check of checks) {
					const expected = can(person.role(place), check.action, check.resource, { ...facts, ...check.extra });
					const actual = await allowed(() => check.run(app, person.viewer, place), check.readRefusal);
					checked++;
					if (actual !== expected) mismatches.push(`${person.label} / ${check.action} ${check.resource} / ${place.label}: table ${expected}, use case ${actual}`);
				}
				for (const check of answers) {
					const expected = can(person.role(place), check.action, check.resource, { ...facts, ...check.extra });
					if (!can(person.role(place), 'read', check.resource, { ...facts, notDeleted: true })) continue;
					checked++;
					if (check.answer(app, person.viewer, place) !== expected) mismatches.push(`${person.label} / ${check.action} ${check.resource} / ${place.label}: table ${expected}`);
				}
			}
		}
		expect(mismatches).toEqual([]);
		expect(checked).toBeGreaterThan(1500);
	});

	it('opens the pad, chat, drive and synthesis rooms exactly as the table says, and refuses the others with 4404', async () => {
		const mismatches: string[] = [];
		for (const place of places) {
			for (const person of people) {
				const role = person.role(place);
				const facts = { ...place.facts, notDeleted: true };
				const expect3 = (resource: Resource, writable: boolean) => (can(role, 'read', resource, facts) ? (writable && can(role, 'write', resource, facts) ? 'write' : 'read') : 4404);
				const rooms: [string, 'write' | 'read' | number][] = [
					[`pad:${place.padId}`, expect3('padLive', true)],
					[`chat:${place.workshopId}`, expect3('chat', true)],
					// the drive's entries are written by the server only: its room is read-only for everyone
					[`drive:${place.workshopId}`, expect3('driveFile', false)],
					// a synthesis is live to its editors only; readers get the published proceedings
					[`synthesis:${place.synthesisId}`, can(role, 'write', 'proceedings', facts) ? 'write' : 4404]
				];
				for (const [room, expected] of rooms) {
					const actual = await roomOutcome(h, room, person.token);
					if (actual !== expected) mismatches.push(`${person.label} / ${room.split(':')[0]} / ${place.label}: table ${expected}, room ${actual}`);
				}
			}
		}
		expect(mismatches).toEqual([]);
	}, 60_000);
});

describe('account data, as the policy table says: only ever one’s own', () => {
	it('gives every signed-in person their own data, and anonymous readers nothing', async () => {
		const { createTestApp } = await import('../factories');
		const { app } = createTestApp();
		const admin = await createAccount(app, 'admin');
		const camille = await createAccount(app, 'camille');
		const guest = createGuest(app, 'Dominique');
		expect(can('reader', 'export', 'accountData', { self: true })).toBe(true);
		for (const viewer of [admin, camille, guest]) expect((await app.privacy.collect(viewer)).profile.id).toBe(viewer.id);
		for (const action of ['read', 'write', 'export'] as const) {
			expect(can('admin', action, 'accountData', { self: false }), `admin ${action}`).toBe(false);
			expect(can('anonymous', action, 'accountData', { self: true }), `anonymous ${action}`).toBe(false);
		}
		expect(await allowed(() => app.privacy.collect(null), false)).toBe(false);
		expect(await allowed(() => app.apiTokens.list(null), false)).toBe(false);
		const { id } = app.apiTokens.create(camille, { name: 'script' });
		// Another person's token is not theirs to revoke, not even the admin's: it stays unknown to them.
		expect(() => app.apiTokens.revoke(admin, id)).toThrow('error.token.notFound');
		expect(app.apiTokens.list(camille).map((t) => t.id)).toEqual([id]);
	});
});
