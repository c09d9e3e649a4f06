// People connected to a workshop's rooms are named, on the desk's tiles and in the « aidant » list, by their credit choice for the edition.
import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, startHarness, synced, waitFor, type Harness } from '../collab/realtime-harness';
import { padScenario } from '../collab/realtime-fixtures';

let harness: Harness | undefined;
const providers: { destroy(): void }[] = [];
afterEach(async () => {
	for (const p of providers.splice(0)) p.destroy();
	await harness?.close();
	harness = undefined;
});

describe('presence names follow the credit choice', () => {
	it('names a participant present in a pad by their pseudonym, then as an anonymous contributor, on the desk and for the facilitator', async () => {
		harness = await startHarness();
		const app = harness.app;
		const s = await padScenario(app);
		const bob = s.guest('Bob');
		const client = connectClient(harness.url, s.room, s.tokenOf(bob));
		providers.push(client.provider);
		await synced(client.provider);
		const tile = () => app.desk.board(s.organiser, s.edition.id).tiles.find((t) => t.id === s.workshopId)!.present;
		const forFacilitator = () => app.assisted.present(s.organiser, s.pad.id).map((p) => p.name);
		await waitFor(() => tile().includes('Bob'));
		expect(forFacilitator()).toEqual(['Bob']);

		app.credits.setChoice(bob, s.edition.id, { mode: 'pseudonym', pseudonym: 'b0b' });
		expect(tile()).toContain('b0b');
		expect(tile()).not.toContain('Bob');
		expect(forFacilitator()).toEqual(['b0b']);

		app.credits.setChoice(bob, s.edition.id, { mode: 'anonymous' });
		expect(forFacilitator()).toEqual(['contributeur anonyme']);
	});
});
