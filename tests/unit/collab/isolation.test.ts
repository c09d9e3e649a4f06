// A failure in one room (its versions cannot be saved) is that room's alone: others and the process go on.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rootLogger } from '../../../server/log';
import { defaultRoomLimits } from '../../../server/collab/room';
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

describe('one room failing', () => {
	it('does not stop other rooms or the process when its version cannot be saved (compaction in its turn, and at unload)', async () => {
		harness = await startHarness({ idleUnloadMs: 50, limits: { ...defaultRoomLimits, compactEvery: 3 } });
		const broken = await padScenario(harness.app);
		const healthy = await padScenario(harness.app);
		// A real SQLite failure, for that room only (what a full disk or a corrupt page would do).
		harness.db.exec(`CREATE TRIGGER no_versions BEFORE INSERT ON doc_snapshots WHEN NEW.room = '${broken.room}' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);
		const versionsOf = (room: string) => harness!.db.prepare('SELECT count(*) FROM doc_snapshots WHERE room = ?').pluck().get(room) as number;
		const [brokenVersions, healthyVersions] = [versionsOf(broken.room), versionsOf(healthy.room)];
		const errors = vi.spyOn(rootLogger(), 'error').mockImplementation(() => undefined);

		const a = client(harness.url, broken.room, broken.tokenOf(broken.organiser));
		const b1 = client(harness.url, healthy.room, healthy.tokenOf(healthy.organiser));
		const b2 = client(harness.url, healthy.room, healthy.tokenOf(healthy.guest('Bob')));
		await Promise.all([synced(a.provider), synced(b1.provider), synced(b2.provider)]);

		// Enough updates for a compaction in each room's fan-out turn: the broken room's fails there.
		for (const ch of 'cassé') padText(a.doc).insert(padText(a.doc).length, ch);
		for (const ch of 'sain') padText(b1.doc).insert(padText(b1.doc).length, ch);
		await waitFor(() => padText(b2.doc).toString() === 'sain');
		await waitFor(() => errors.mock.calls.some(([fields, line]) => (fields as { room?: string }).room === broken.room && line === 'room version failed'));

		// The broken room still relays; then it unloads, and its last version fails too.
		const a2 = client(harness.url, broken.room, broken.tokenOf(broken.organiser));
		await synced(a2.provider);
		await waitFor(() => padText(a2.doc).toString() === 'cassé');
		a.provider.destroy();
		a2.provider.destroy();
		await waitFor(() => !harness!.app.rooms.rooms.has(broken.room));
		expect(errors.mock.calls.some(([fields, line]) => (fields as { room?: string }).room === broken.room && line === 'room session version failed')).toBe(true);
		expect(versionsOf(broken.room)).toBe(brokenVersions);

		// The other room went on all along, and saves its versions.
		padText(b2.doc).insert(0, 'toujours ');
		await waitFor(() => padText(b1.doc).toString() === 'toujours sain');
		expect(versionsOf(healthy.room)).toBeGreaterThan(healthyVersions);
		// The broken room's text was stored as updates: it opens again with everything.
		const again = client(harness.url, broken.room, broken.tokenOf(broken.organiser));
		await synced(again.provider);
		await waitFor(() => padText(again.doc).toString() === 'cassé');
		expect((await harness.app.padDocuments.currentContent(broken.pad.id)).content).toHaveLength(1);
	});
});
