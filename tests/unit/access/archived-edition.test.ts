// An archived edition: the organisers freeze a published edition; everyone still reads it as published, nobody writes.
import { describe, expect, it } from 'vitest';
import { createAccount, createEdition, createGuest, createTestApp, createWorkshop, expectAppError, joinCodeOf } from '../factories';

async function world() {
	const { app } = createTestApp();
	const organiser = await createAccount(app, 'organiser');
	const facilitator = await createAccount(app, 'facilitator');
	const edition = createEdition(app, organiser, { title: 'NEC 2018', status: 'published' });
	app.db.prepare("INSERT INTO edition_members (edition_id, user_id, role, joined_at) VALUES (?, ?, 'facilitator', '2018-09-01T00:00:00Z')").run(edition.id, facilitator.id);
	const workshopId = createWorkshop(app, organiser, edition.id, { title: 'Identifier les ressources', statusOverride: 'live' });
	const guest = createGuest(app, 'Camille');
	app.workshops.join(guest, joinCodeOf(app, workshopId));
	const padId = app.pads.create(organiser, workshopId, { title: 'Notes' }).id;
	return { app, organiser, facilitator, edition, workshopId, guest, padId };
}

describe('archiving an edition', () => {
	it('makes it read-only for everyone, organisers included, while readers still read it as published', async () => {
		const w = await world();
		const archived = w.app.editions.setArchived(w.organiser, w.edition.id, { archived: 'on' });
		expect(archived.status).toBe('published');
		expect(archived.archived_at).not.toBeNull();

		expect(w.app.editions.get(null, w.edition.id).edition.title).toBe('NEC 2018');
		for (const viewer of [w.guest, w.facilitator, w.organiser]) {
			expect(w.app.pads.get(viewer, w.padId).canWrite, viewer.displayName).toBe(false);
			expect(w.app.pads.roomAccess(viewer, w.padId).mode, viewer.displayName).toBe('read');
			expect(w.app.chat.access(viewer, w.workshopId).canWrite, viewer.displayName).toBe(false);
			expect(w.app.files.rightsIn(viewer, w.workshopId).canWrite, viewer.displayName).toBe(false);
		}
		await expectAppError(() => w.app.pads.create(w.organiser, w.workshopId, { title: 'Encore' }), 'forbidden');
		await expectAppError(() => w.app.deliverables.create(w.facilitator, w.workshopId, { padId: w.padId, title: 'Synthèse' }), 'forbidden');
		await expectAppError(() => w.app.editions.setStatus(w.organiser, w.edition.id, { status: 'draft' }), 'conflict');
	});

	it('gives the writes back when unarchived', async () => {
		const w = await world();
		w.app.editions.setArchived(w.organiser, w.edition.id, { archived: 'on' });
		expect(w.app.editions.setArchived(w.organiser, w.edition.id, { archived: 'off' }).archived_at).toBeNull();
		expect(w.app.pads.get(w.guest, w.padId).canWrite).toBe(true);
		expect(w.app.chat.access(w.guest, w.workshopId).canWrite).toBe(true);
	});

	it('is the organisers’ decision, and only for a published edition', async () => {
		const w = await world();
		await expectAppError(() => w.app.editions.setArchived(w.facilitator, w.edition.id, { archived: 'on' }), 'forbidden');
		await expectAppError(() => w.app.editions.setArchived(w.guest, w.edition.id, { archived: 'on' }), 'forbidden');
		await expectAppError(() => w.app.editions.setArchived(null, w.edition.id, { archived: 'on' }), 'unauthenticated');
		const draft = createEdition(w.app, w.organiser, { title: 'Brouillon' });
		await expectAppError(() => w.app.editions.setArchived(w.organiser, draft.id, { archived: 'on' }), 'conflict');
		await expectAppError(() => w.app.editions.setArchived(w.organiser, w.edition.id, { archived: 'maybe' }), 'invalid');
	});
});
