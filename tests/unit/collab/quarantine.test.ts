// Stored rows that no longer apply are moved aside when their room loads; the document opens from the rest.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rootLogger } from '../../../server/log';
import * as Y from 'yjs';
import { PAD_FRAGMENT } from '../../../server/shared/pad-schema';
import { padScenario, padText } from './realtime-fixtures';
import { connectClient, startHarness, synced, waitFor, type Harness } from './realtime-harness';

let harness: Harness | undefined;
const providers: { destroy(): void }[] = [];
afterEach(async () => {
	for (const p of providers.splice(0)) p.destroy();
	await harness?.close();
	harness = undefined;
	vi.restoreAllMocks();
});
function client(...args: Parameters<typeof connectClient>) {
	const c = connectClient(...args);
	providers.push(c.provider);
	return c;
}

/** What main stored from a guest: a pad update whose delete set is cut short (structs read fine). */
function truncatedDeleteSet(): Uint8Array {
	const doc = new Y.Doc();
	const paragraph = new Y.XmlElement('paragraph');
	doc.getXmlFragment(PAD_FRAGMENT).insert(0, [paragraph]);
	const text = new Y.XmlText();
	paragraph.insert(0, [text]);
	text.insert(0, 'abc');
	text.delete(1, 1);
	const valid = Y.encodeStateAsUpdate(doc);
	return valid.slice(0, valid.length - 1);
}

/** A pad whose stored rows are, in order: its version, « compte rendu », `middle`, « final » (never loaded since). */
async function storedPad(h: Harness, middle: Uint8Array | null) {
	const s = await padScenario(h.app);
	await waitFor(() => !h.app.rooms.rooms.has(s.room)); // the fixture's paragraph is saved as a version
	const base = h.db.prepare('SELECT data FROM doc_snapshots WHERE room = ? ORDER BY id DESC').pluck().get(s.room) as Buffer;
	const doc = new Y.Doc();
	Y.applyUpdate(doc, base);
	const edit = (work: () => void) => {
		const before = Y.encodeStateVector(doc);
		work();
		return Y.encodeStateAsUpdate(doc, before);
	};
	const first = edit(() => padText(doc).insert(0, 'compte rendu'));
	const last = edit(() => padText(doc).insert(padText(doc).length, ' final'));
	const insert = h.db.prepare('INSERT INTO doc_updates (room, data, author_id, created_at) VALUES (?, ?, ?, ?)');
	insert.run(s.room, first, s.organiser.id, 1_536_840_000_000);
	const bad = middle ? Number(insert.run(s.room, middle, s.organiser.id, 1_536_840_060_000).lastInsertRowid) : null;
	insert.run(s.room, last, s.organiser.id, 1_536_840_120_000);
	return { ...s, bad };
}

describe('quarantine at load', () => {
	it('moves a stored update that does not apply aside; the pad opens and exports from the rest', async () => {
		harness = await startHarness({ idleUnloadMs: 20 });
		const poison = truncatedDeleteSet();
		const s = await storedPad(harness, poison);
		const warnings = vi.spyOn(rootLogger(), 'warn').mockImplementation(() => undefined);

		const reader = client(harness.url, s.room, s.tokenOf(s.organiser));
		await synced(reader.provider);
		await waitFor(() => padText(reader.doc).toString() === 'compte rendu final');
		expect((await harness.app.padDocuments.currentContent(s.pad.id)).content).toHaveLength(1);
		expect(warnings).toHaveBeenCalledWith({ component: 'collab', room: s.room, moved: 1 }, 'stored rows did not apply and were moved to doc_quarantine');

		expect(harness.db.prepare('SELECT count(*) FROM doc_updates WHERE id = ?').pluck().get(s.bad)).toBe(0);
		const [row] = harness.app.quarantine.list();
		expect(row).toMatchObject({ room: s.room, source: 'update', size: poison.length, authorId: s.organiser.id, createdAt: 1_536_840_060_000 });
		expect(row!.error).toMatch(/Unexpected end of array/);
		const kept = harness.db.prepare('SELECT data FROM doc_quarantine WHERE id = ?').pluck().get(row!.id) as Buffer;
		expect(Buffer.compare(kept, Buffer.from(poison))).toBe(0);

		// Loaded again: nothing more to move, and a version saves.
		reader.provider.destroy();
		await waitFor(() => !harness!.app.rooms.rooms.has(s.room));
		expect((await harness.app.padDocuments.currentContent(s.pad.id)).content).toHaveLength(1);
		expect(harness.app.quarantine.list()).toHaveLength(1);
	});

	it('moves a version that does not apply aside and opens from the one before', async () => {
		harness = await startHarness({ idleUnloadMs: 20 });
		const s = await storedPad(harness, null);
		const good = await harness.app.padDocuments.currentContent(s.pad.id);
		await waitFor(() => !harness!.app.rooms.rooms.has(s.room));
		const versions = harness.db.prepare('SELECT count(*) FROM doc_snapshots WHERE room = ?').pluck();
		const before = versions.get(s.room) as number;
		// The newest version is cut short (what a torn write would leave).
		const newest = harness.db.prepare('SELECT id, data FROM doc_snapshots WHERE room = ? ORDER BY id DESC LIMIT 1').get(s.room) as { id: number; data: Buffer };
		harness.db.prepare('INSERT INTO doc_snapshots (room, data, upto_update_id, reason, created_at) SELECT room, ?, upto_update_id, reason, created_at FROM doc_snapshots WHERE id = ?').run(newest.data.subarray(0, newest.data.length - 3), newest.id);
		vi.spyOn(rootLogger(), 'warn').mockImplementation(() => undefined);

		expect(await harness.app.padDocuments.currentContent(s.pad.id)).toEqual(good);
		expect(versions.get(s.room)).toBe(before);
		expect(harness.app.quarantine.list()[0]).toMatchObject({ room: s.room, source: 'snapshot' });
	});
});
