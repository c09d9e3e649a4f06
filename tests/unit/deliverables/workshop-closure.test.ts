import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveRoomAccess } from '../../../server/collab/room-access';
import { ACCESS_CHANGED_CLOSE_CODE } from '../../../server/shared/errors';
import { parseRoom } from '../../../server/shared/rooms';
import { connectClient, startHarness, synced, waitFor, type Harness } from '../collab/realtime-harness';
import { padScenario, padText } from '../collab/realtime-fixtures';
import { createTestApp, expectAppError, MINUTE } from '../factories';
import { deliverableScenario } from './deliverable-fixtures';

describe('closed workshops', () => {
	it('turn their pads read-only for participants after the end plus the edition’s delay, until a facilitator reopens', async () => {
		const t = createTestApp();
		// The workshop runs 14:00–15:30 in Nantes (12:00–13:30 UTC); the default delay is two hours.
		const s = await deliverableScenario(t.app);
		const room = parseRoom(`pad:${s.pad.id}`)!;
		const access = (viewer: Parameters<typeof resolveRoomAccess>[1]) => resolveRoomAccess(t.app, viewer, room);

		t.setTime('2018-09-13T14:00:00Z'); // 16:00 local: closed, within the delay
		expect(t.app.workshops.get(s.alice, s.workshopId).workshop.status).toBe('closed');
		expect(t.app.workshopClosure.get(s.alice, s.workshopId)).toMatchObject({ locked: false, readOnly: false, closesAt: '2018-09-13T17:30', delayMinutes: 120 });
		expect(access(s.alice)).toBe('write');

		t.setTime('2018-09-13T15:30:00Z'); // 17:30 local
		expect(t.app.workshopClosure.get(s.alice, s.workshopId)).toMatchObject({ locked: true, readOnly: true, canReopen: false });
		expect(access(s.alice)).toBe('read');
		expect(access(s.bob)).toBe('read');
		expect(access(s.facilitator)).toBe('write');
		expect(t.app.workshopClosure.get(s.facilitator, s.workshopId)).toMatchObject({ locked: true, readOnly: false, canReopen: true });

		await expectAppError(() => t.app.workshopClosure.reopen(s.alice, s.workshopId), 'forbidden');
		t.app.workshopClosure.reopen(s.facilitator, s.workshopId);
		expect(access(s.alice)).toBe('write');
		t.app.workshopClosure.close(s.facilitator, s.workshopId);
		expect(access(s.alice)).toBe('read');
		t.app.workshopClosure.followTimetable(s.facilitator, s.workshopId);
		expect(access(s.alice)).toBe('read');
		expect(t.app.db.prepare("SELECT count(*) FROM outbox WHERE topic = 'workshop.changed' AND entity_id = ?").pluck().get(s.workshopId)).toBe(4);
	});

	it('take their delay from the edition, set by organisers only', async () => {
		const t = createTestApp();
		const s = await deliverableScenario(t.app);
		await expectAppError(() => t.app.workshopClosure.setCloseDelay(s.facilitator, s.edition.id, { minutes: 0 }), 'forbidden');
		expect((await expectAppError(() => t.app.workshopClosure.setCloseDelay(s.organiser, s.edition.id, { minutes: -5 }), 'invalid')).fields).toEqual({ minutes: 'invalid' });
		expect((await expectAppError(() => t.app.workshopClosure.setCloseDelay(s.organiser, s.edition.id, { minutes: 'soon' }), 'invalid')).fields).toEqual({ minutes: 'invalid' });
		t.app.workshopClosure.setCloseDelay(s.organiser, s.edition.id, { minutes: '0' });
		t.setTime('2018-09-13T13:30:00Z'); // 15:30 local, the very end
		expect(t.app.workshopClosure.get(s.alice, s.workshopId).locked).toBe(true);
		t.advance(-MINUTE);
		expect(t.app.workshopClosure.get(s.alice, s.workshopId).locked).toBe(false);
	});

	describe('through the real-time endpoint', () => {
		let harness: Harness;
		afterEach(async () => harness?.close());

		it('never apply what a participant sends once the workshop is closed, while the facilitator still corrects', async () => {
			harness = await startHarness();
			// A 2018 workshop closed by hand: long past its end plus the delay.
			const s = await padScenario(harness.app, { workshopClosed: true });
			const alice = s.guest('Alice');
			const writer = connectClient(harness.url, s.room, s.tokenOf(s.organiser));
			const participant = connectClient(harness.url, s.room, s.tokenOf(alice));
			await Promise.all([synced(writer.provider), synced(participant.provider)]);

			padText(participant.doc).insert(0, 'late edit ');
			padText(writer.doc).insert(0, 'correction');
			await waitFor(() => padText(participant.doc).toString().includes('correction'));
			// The organiser's correction reached everyone; the participant's edit never reached the server.
			await new Promise((r) => setTimeout(r, 100));
			const stored = new Y.Doc();
			harness.app.rooms.withRoom(s.room, (room) => Y.applyUpdate(stored, room.state()));
			expect(padText(stored).toString()).toBe('correction');
			for (const c of [writer, participant]) c.provider.destroy();
		});

		it('tell people already writing that their access changed when a facilitator closes the pads, then serve them read-only', async () => {
			harness = await startHarness({ accessCheckIntervalMs: 30 });
			const s = await padScenario(harness.app);
			const alice = s.guest('Alice');
			const participant = connectClient(harness.url, s.room, s.tokenOf(alice));
			await synced(participant.provider);
			const closeCodes: number[] = [];
			participant.provider.on('connection-close', (event: CloseEvent | null) => event && closeCodes.push(event.code));
			const peers = () => harness.app.rooms.withRoom(s.room, (room) => [...room.peers].map((p) => p.canWrite)) ?? [];
			expect(peers()).toEqual([true]);

			harness.app.workshopClosure.close(s.organiser, s.workshopId);
			await waitFor(() => closeCodes.includes(ACCESS_CHANGED_CLOSE_CODE));
			// y-websocket reconnects by itself; the new connection is read-only.
			await waitFor(() => participant.provider.wsconnected && peers().length === 1 && peers()[0] === false);

			harness.app.workshopClosure.reopen(s.organiser, s.workshopId);
			await waitFor(() => closeCodes.filter((c) => c === ACCESS_CHANGED_CLOSE_CODE).length === 2);
			await waitFor(() => participant.provider.wsconnected && peers().length === 1 && peers()[0] === true);
			participant.provider.destroy();
		});
	});
});
