// « Aidant » for real: a facilitator writes in a pad as a participant who accepted, through the real-time room, and the
// pad's history, credits and exports name the participant « avec l'aide de » the facilitator, each as they chose.
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, startHarness, synced, waitFor, type Harness } from '../collab/realtime-harness';
import { padScenario, padText } from '../collab/realtime-fixtures';
import { expectAppError } from '../factories';

/** A stock client presenting the helper's session cookie (or another's) and the room token in the URL, as the browser does. */
function connectWithToken(url: string, room: string, cookieToken: string | null, roomToken: string) {
	const headers = cookieToken ? { cookie: `ml_session=${cookieToken}` } : {};
	class WithCookie extends WebSocket {
		constructor(address: string) {
			super(address, { headers });
		}
	}
	const doc = new Y.Doc();
	const closes: number[] = [];
	const provider = new WebsocketProvider(url, room, doc, { WebSocketPolyfill: WithCookie as unknown as typeof globalThis.WebSocket, disableBc: true, params: { token: roomToken } });
	provider.on('connection-close', (event: { code: number } | null) => {
		if (event) closes.push(event.code);
		provider.shouldConnect = false;
	});
	return { doc, provider, closes };
}

let h: Harness | null = null;
afterEach(async () => {
	await h?.close();
	h = null;
});

async function world() {
	h = await startHarness({ accessCheckIntervalMs: 50 });
	const s = await padScenario(h.app);
	const bob = s.guest('Bob');
	const zoe = s.guest('Zoé');
	// Bob is in the workshop's chat on his phone: present now.
	const bobsPhone = connectClient(h.url, `chat:${s.workshopId}`, s.tokenOf(bob));
	await synced(bobsPhone.provider);
	return { ...s, app: h.app, url: h.url, bob, zoe, bobsPhone, aliceToken: s.tokenOf(s.organiser), bobToken: s.tokenOf(bob) };
}

describe('writing on someone’s behalf', () => {
	it('the participant accepts on their device; the facilitator’s edits travel the room as theirs, « avec l’aide de » her', async () => {
		const w = await world();
		const { app, organiser: alice, bob } = w;
		expect(app.assisted.present(alice, w.pad.id)).toEqual([
			{ id: bob.id, name: 'Bob', connected: true },
			{ id: w.zoe.id, name: 'Zoé', connected: false }
		]);
		const asked = app.assisted.ask(alice, w.pad.id, { participantId: bob.id, mode: 'ask' });
		expect(asked).toMatchObject({ status: 'asked', participantName: 'Bob', helperName: 'Alice' });
		// Not before Bob accepts.
		expectAppError(() => app.assisted.writingAs(alice, asked.id), 'conflict');
		expect(app.assisted.asked(bob)).toEqual([expect.objectContaining({ id: asked.id, helperName: 'Alice', padTitle: 'Notes' })]);
		expectAppError(() => app.assisted.answer(w.zoe, asked.id, { accept: true }), 'not_found');
		app.assisted.answer(bob, asked.id, { accept: true });

		const as = app.assisted.writingAs(alice, asked.id);
		const { token } = app.roomTokens.sign(as.participantId, as.room, as.helperId);
		const helper = connectWithToken(w.url, w.room, w.aliceToken, token);
		helper.provider.awareness.setLocalStateField('user', { name: 'Bob (avec l’aide de Alice)', helper: 'Alice' });
		const reader = connectClient(w.url, w.room, w.bobToken);
		await Promise.all([synced(helper.provider), synced(reader.provider)]);
		padText(helper.doc).insert(0, 'Une carte des tiers-lieux');
		await waitFor(() => padText(reader.doc).toString() === 'Une carte des tiers-lieux');
		// Carets: the helper's awareness (participant's name, the helper beside it) reaches the others.
		await waitFor(() => [...reader.provider.awareness.getStates().values()].some((s) => s.user?.helper === 'Alice'));

		app.rooms.flush();
		const rows = app.db.prepare('SELECT DISTINCT author_id, helper_id FROM doc_updates WHERE room = ? AND helper_id IS NOT NULL').all(w.room);
		expect(rows).toEqual([{ author_id: bob.id, helper_id: alice.id }]);
		expect(app.pads.history(alice, w.pad.id).unsavedAuthors).toContain('Bob, avec l’aide de Alice');
		expect(app.pads.exportDocument(alice, w.pad.id).credits.map((c) => c.display)).toContain('Bob, avec l’aide de Alice');
		// Each follows their own credit choice, and a saved version keeps it.
		app.credits.setChoice(bob, w.edition.id, { mode: 'pseudonym', pseudonym: 'B. le cartographe' });
		app.pads.saveVersion(alice, w.pad.id);
		expect(app.pads.history(alice, w.pad.id, 'en').versions[0]!.authors).toContain('B. le cartographe, with help from Alice');
		expect(app.pads.exportDocument(alice, w.pad.id).credits.map((c) => c.display)).toContain('B. le cartographe, avec l’aide de Alice');

		// Bob stops it from his phone: the helper's connection is closed for good (never downgraded to Alice's own name).
		app.assisted.end(bob, asked.id);
		await waitFor(() => helper.closes.includes(4403));
		for (const c of [helper, reader, w.bobsPhone]) c.provider.destroy();
	});

	it('the token is good only with the helper’s own session and an accepted session; a plain token reader never gets it', async () => {
		const w = await world();
		const { app, organiser: alice, bob } = w;
		const session = app.assisted.ask(alice, w.pad.id, { participantId: w.zoe.id, mode: 'markPresent' });
		expect(session).toMatchObject({ status: 'accepted', consent: 'markedPresent' });
		const { token } = app.roomTokens.sign(w.zoe.id, w.room, alice.id);
		expect(app.roomTokens.verify(token, w.room)).toBeNull();

		// Bob holding the token (with his own session, or none) is refused; so is Alice for a session that is not hers.
		for (const cookie of [w.bobToken, null]) {
			const stolen = connectWithToken(w.url, w.room, cookie, token);
			await waitFor(() => stolen.closes.includes(4403));
			stolen.provider.destroy();
		}
		const forBob = app.roomTokens.sign(bob.id, w.room, alice.id).token;
		const notAccepted = connectWithToken(w.url, w.room, w.aliceToken, forBob);
		await waitFor(() => notAccepted.closes.includes(4403));
		notAccepted.provider.destroy();

		// Alice with her session and the accepted session writes as Zoé.
		const helper = connectWithToken(w.url, w.room, w.aliceToken, token);
		await synced(helper.provider);
		padText(helper.doc).insert(0, 'Zoé dit : ');
		await waitFor(() => (app.rooms.flush(), app.db.prepare('SELECT count(*) FROM doc_updates WHERE helper_id = ?').pluck().get(alice.id) === 1));
		expect(app.db.prepare('SELECT author_id FROM doc_updates WHERE helper_id = ?').pluck().get(alice.id)).toBe(w.zoe.id);
		helper.provider.destroy();
		w.bobsPhone.provider.destroy();
	});

	it('only facilitators ask, only participants of the workshop are asked, and asking needs the person connected', async () => {
		const w = await world();
		const { app, organiser: alice, bob } = w;
		const stranger = app.accounts.createGuest({ displayName: 'Inconnu' });
		expectAppError(() => app.assisted.ask(alice, w.pad.id, { participantId: stranger.id }), 'invalid');
		expectAppError(() => app.assisted.ask(alice, w.pad.id, { participantId: w.zoe.id, mode: 'ask' }), 'invalid');
		expectAppError(() => app.assisted.ask(bob, w.pad.id, { participantId: w.zoe.id }), 'forbidden');
		expect(app.assisted.present(bob, w.pad.id)).toEqual([]);
		expect(app.assisted.sessions(bob, w.pad.id)).toEqual([]);
		const declined = app.assisted.ask(alice, w.pad.id, { participantId: bob.id });
		app.assisted.answer(bob, declined.id, { accept: false });
		expectAppError(() => app.assisted.answer(bob, declined.id, { accept: true }), 'conflict');
		expectAppError(() => app.assisted.writingAs(alice, declined.id), 'conflict');
		expectAppError(() => app.assisted.writingAs(bob, declined.id), 'not_found');
		w.bobsPhone.provider.destroy();
	});
});
