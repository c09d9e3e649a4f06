// One guest's unreadable update must cost that guest its connection, and nothing else (issue 13).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeSyncStep1, encodeUpdate } from '../../../server/collab/protocol';
import { openDatabase } from '../../../server/db/open';
import { collabCloseCodes } from '../../../server/shared/errors';
import { PAD_FRAGMENT } from '../../../server/shared/pad-schema';
import { padScenario, padText } from './realtime-fixtures';
import { connectClient, rawSocket, startHarness, synced, waitFor, type Harness } from './realtime-harness';

let harness: Harness | undefined;
const providers: { destroy(): void }[] = [];
afterEach(async () => {
	for (const p of providers.splice(0)) p.destroy();
	await harness?.close();
	harness = undefined;
});
function client(...args: Parameters<typeof connectClient>) {
	const c = connectClient(...args);
	providers.push(c.provider);
	return c;
}

/** A valid pad update with a deletion (a paragraph « abc » whose « b » was removed), cut inside its delete set. */
function truncatedDeleteSet(): Uint8Array {
	const doc = new Y.Doc();
	const paragraph = new Y.XmlElement('paragraph');
	doc.getXmlFragment(PAD_FRAGMENT).insert(0, [paragraph]);
	const text = new Y.XmlText();
	paragraph.insert(0, [text]);
	text.insert(0, 'abc');
	text.delete(1, 1);
	const valid = Y.encodeStateAsUpdate(doc);
	// The delete set is last: one client, one range (clock, length) — drop the range's length.
	return valid.slice(0, valid.length - 1);
}

describe('an update that cannot be merged', () => {
	it('closes the sender alone with 4420; the pad, its other writers, other rooms and a restart are unharmed', async () => {
		const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'medialab-poison-')), 'db.sqlite');
		harness = await startHarness({ db: openDatabase(file) });
		const s = await padScenario(harness.app);
		const other = await padScenario(harness.app);
		const writer = client(harness.url, s.room, s.tokenOf(s.organiser));
		const reader = client(harness.url, s.room, s.tokenOf(s.guest('Chloé')));
		const elsewhere = client(harness.url, other.room, other.tokenOf(other.organiser));
		await Promise.all([synced(writer.provider), synced(reader.provider), synced(elsewhere.provider)]);
		padText(writer.doc).insert(0, 'avant ');
		await waitFor(() => padText(reader.doc).toString() === 'avant ');

		const poison = truncatedDeleteSet();
		// What the server checked before: the structs read fine, the delete set is never looked at.
		expect(() => Y.parseUpdateMeta(poison)).not.toThrow();
		expect(() => Y.mergeUpdates([new Uint8Array([0, 0]), poison])).toThrow();

		const guest = await rawSocket(`${harness.url}/${s.room}`, s.tokenOf(s.guest('Mallory')));
		guest.ws.send(encodeUpdate(poison));
		const closed = await guest.closed;
		expect(closed.code).toBe(collabCloseCodes.malformedUpdate);
		expect(closed.reason).toMatch(/unreadable update/);

		// Same room and another room keep serving, and new joins sync.
		padText(writer.doc).insert(6, 'après');
		padText(elsewhere.doc).insert(0, 'ailleurs');
		await waitFor(() => padText(reader.doc).toString() === 'avant après');
		const late = client(harness.url, s.room, s.tokenOf(s.organiser));
		await synced(late.provider);
		await waitFor(() => padText(late.doc).toString() === 'avant après');
		expect((await harness.app.padDocuments.currentContent(s.pad.id)).content).toHaveLength(1);
		// Nothing of it was stored.
		harness.app.rooms.flush();
		const rows = harness.db.prepare('SELECT data FROM doc_updates WHERE room = ?').pluck().all(s.room) as Buffer[];
		expect(rows.some((r) => Buffer.compare(r, Buffer.from(poison)) === 0)).toBe(false);
		expect(() => Y.mergeUpdates(rows.map((r) => new Uint8Array(r)))).not.toThrow();

		// A restart replays the stored rows: the pad opens, exports and saves a version.
		for (const p of providers.splice(0)) p.destroy();
		await harness.close();
		harness = await startHarness({ db: openDatabase(file) });
		const again = client(harness.url, s.room, s.tokenOf(s.organiser));
		await synced(again.provider);
		await waitFor(() => padText(again.doc).toString() === 'avant après');
		expect((await harness.app.padDocuments.currentContent(s.pad.id)).content).toHaveLength(1);
		await harness!.app.padDocuments.saveVersion(s.pad.id);
	});

	it('closes with 4420 a value placed straight into the pad’s fragment next to a paragraph (exports and Tiptap would fail)', async () => {
		harness = await startHarness();
		const s = await padScenario(harness.app);
		const writer = client(harness.url, s.room, s.tokenOf(s.organiser));
		await synced(writer.provider);
		padText(writer.doc).insert(0, 'notes');
		await waitFor(async () => (await harness!.app.padDocuments.currentContent(s.pad.id)).content!.length === 1);

		// Its parent is not written in the update: Yjs takes it from the paragraph on its left.
		const attacker = new Y.Doc();
		Y.applyUpdate(attacker, Y.encodeStateAsUpdate(writer.doc));
		const stray = (() => {
			const before = Y.encodeStateVector(attacker);
			attacker.getXmlFragment(PAD_FRAGMENT).insert(1, ['stray' as never]);
			return Y.encodeStateAsUpdate(attacker, before);
		})();
		const guest = await rawSocket(`${harness.url}/${s.room}`, s.tokenOf(s.guest('Mallory')));
		guest.ws.send(encodeUpdate(stray));
		const closed = await guest.closed;
		expect(closed).toEqual({ code: collabCloseCodes.malformedUpdate, reason: 'only elements and text nodes can sit directly in a pad' });

		padText(writer.doc).insert(5, ' suite');
		await waitFor(async () => JSON.stringify(await harness!.app.padDocuments.currentContent(s.pad.id)).includes('notes suite'));
		expect(writer.doc.getXmlFragment(PAD_FRAGMENT).length).toBe(1);
	});

	it('accepts a message of exactly the size limit, refuses one byte more with 1009', async () => {
		const limit = 2000;
		harness = await startHarness({ maxMessageBytes: limit });
		const s = await padScenario(harness.app);
		const writer = client(harness.url, s.room, s.tokenOf(s.organiser));
		await synced(writer.provider);
		const messageOf = (length: number) => {
			const doc = new Y.Doc();
			doc.clientID = 424242; // a fixed id: its encoded size would otherwise change the message's length
			Y.applyUpdate(doc, Y.encodeStateAsUpdate(writer.doc));
			const before = Y.encodeStateVector(doc);
			padText(doc).insert(0, 'x'.repeat(length));
			return encodeUpdate(Y.encodeStateAsUpdate(doc, before));
		};
		let length = limit - 60;
		while (messageOf(length).length < limit) length++;
		const exact = messageOf(length);
		expect(exact.length).toBe(limit);

		const sender = await rawSocket(`${harness.url}/${s.room}`, s.tokenOf(s.organiser));
		sender.ws.send(exact);
		await waitFor(() => padText(writer.doc).length === length);
		expect(sender.closedWith()).toBeNull();

		const over = await rawSocket(`${harness.url}/${s.room}`, s.tokenOf(s.organiser));
		over.ws.send(new Uint8Array([...exact, 0]));
		expect((await over.closed).code).toBe(collabCloseCodes.tooBig);
		expect(sender.closedWith()).toBeNull();
	});

	it('closes a malformed state vector with the « malformed message » code, not 4503', async () => {
		harness = await startHarness();
		const s = await padScenario(harness.app);
		const token = s.tokenOf(s.organiser);
		for (const stateVector of [new Uint8Array([3, 1]), new Uint8Array([1, 200]), new Uint8Array([0, 7])]) {
			const sender = await rawSocket(`${harness.url}/${s.room}`, token);
			sender.ws.send(encodeSyncStep1(stateVector));
			expect((await sender.closed).code, `[${stateVector.join(',')}]`).toBe(collabCloseCodes.malformedMessage);
		}
	});
});
