// « Aidant »: a facilitator writes in a pad for a participant, who is credited with the edit; others may not.
import { describe, expect, it } from 'vitest';
import { createAccount, createEdition, createGuest, createTestApp, createWorkshop, expectAppError, joinCodeOf } from '../factories';

describe('assisted contribution', () => {
	it('writes the participant’s words in the pad, « avec l’aide de » the facilitator, as the participant’s edit', async () => {
		const { app } = createTestApp();
		const organiser = await createAccount(app, 'olga');
		const edition = createEdition(app, organiser);
		const workshopId = createWorkshop(app, organiser, edition.id, { statusOverride: 'live' });
		const pad = app.pads.create(organiser, workshopId, { title: 'Notes' });
		const bob = createGuest(app, 'Bob');
		app.workshops.join(bob, joinCodeOf(app, workshopId));
		const stranger = createGuest(app, 'Zoé');

		app.assisted.write(organiser, pad.id, { participantId: bob.id, text: 'Une carte des tiers-lieux' }, 'fr');
		const text = app.pads.exportDocument(organiser, pad.id).markdown;
		expect(text).toContain('Une carte des tiers-lieux');
		expect(text).toContain('— Bob, avec l’aide de Olga');
		// Both people are named by id in the pad, so their names follow their credit choices.
		expect(JSON.stringify(app.padDocuments.currentContent(pad.id))).toContain(`"userId":"${bob.id}"`);
		app.credits.setChoice(organiser, edition.id, { mode: 'pseudonym', pseudonym: 'OlgaP' });
		expect(app.pads.exportDocument(organiser, pad.id).markdown).toContain('— Bob, avec l’aide de OlgaP');
		app.rooms.flush();
		expect(app.db.prepare("SELECT DISTINCT author_id FROM doc_updates WHERE room = ? AND author_id IS NOT NULL").pluck().all(`pad:${pad.id}`)).toContain(bob.id);

		await expectAppError(() => app.assisted.write(organiser, pad.id, { participantId: stranger.id, text: 'x' }, 'fr'), 'invalid');
		await expectAppError(() => app.assisted.write(bob, pad.id, { participantId: bob.id, text: 'x' }, 'fr'), 'forbidden');
		expect(app.assisted.present(bob, pad.id)).toEqual([]);
	});
});
