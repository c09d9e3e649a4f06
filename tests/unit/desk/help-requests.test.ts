// Help requests to the MédiaLab desk: asked, claimed, closed, cancelled, and who may do what (the policy's helpRequest row).
import { beforeEach, describe, expect, it } from 'vitest';
import type { Viewer } from '../../../server/domain/types';
import type { DeskEvent } from '../../../server/domain/desk/desk-events';
import { anonymousLabel } from '../../../server/domain/deliverables/credits';
import { createAccount, createEdition, createGuest, createTestApp, createWorkshop, expectAppError, joinCodeOf, MINUTE, PASSWORD, type TestApp } from '../factories';

type World = TestApp & { editionId: string; workshopId: string; otherWorkshopId: string; organiser: Viewer; fanny: Viewer; farid: Viewer; guest: Viewer; otherGuest: Viewer; outsider: Viewer; events: DeskEvent[] };

async function world(): Promise<World> {
	const t = createTestApp();
	const { app } = t;
	const organiser = await createAccount(app, 'olga');
	const edition = createEdition(app, organiser);
	const fanny = await createAccount(app, 'fanny');
	const farid = await createAccount(app, 'farid');
	for (const f of [fanny, farid]) app.members.acceptInvite(f, app.members.createInvite(organiser, edition.id, { role: 'facilitator' }).token);
	const workshopId = createWorkshop(app, organiser, edition.id, { title: 'Cartographier les lieux' });
	const otherWorkshopId = createWorkshop(app, organiser, edition.id, { title: 'Autre atelier' });
	const guest = createGuest(app, 'Camille');
	app.workshops.join(guest, joinCodeOf(app, workshopId));
	const otherGuest = createGuest(app, 'Dominique');
	app.workshops.join(otherGuest, joinCodeOf(app, otherWorkshopId));
	// A facilitator of another edition.
	const outsider = await createAccount(app, 'oscar');
	const otherEdition = createEdition(app, outsider, { title: 'Autre édition' });
	void otherEdition;
	const events: DeskEvent[] = [];
	app.deskEvents.subscribe(edition.id, (e) => events.push(e));
	return { ...t, editionId: edition.id, workshopId, otherWorkshopId, organiser, fanny, farid, guest, otherGuest, outsider, events };
}

describe('help requests', () => {
	let w: World;
	beforeEach(async () => {
		w = await world();
	});

	it('reaches the desk at once, is claimed by one facilitator (the other sees who), then closed', () => {
		const { app } = w;
		const { id, token } = app.helpRequests.create(w.guest, { workshopId: w.workshopId, message: 'Je ne trouve pas le pad', place: 'Salle 2, table 4' });
		expect(w.events).toEqual([{ type: 'help', editionId: w.editionId, requestId: id }]);
		const [queued] = app.helpRequests.pending(w.farid, w.editionId);
		expect(queued).toMatchObject({ id, requesterName: 'Camille', message: 'Je ne trouve pas le pad', place: 'Salle 2, table 4', status: 'open', workshopTitle: 'Cartographier les lieux' });

		w.advance(3 * MINUTE);
		expect(app.helpRequests.claim(w.fanny, id)).toMatchObject({ status: 'claimed', claimedByName: 'Fanny', claimedByMe: true });
		expect(app.helpRequests.pending(w.farid, w.editionId)[0]).toMatchObject({ status: 'claimed', claimedByName: 'Fanny', claimedByMe: false });
		expect(app.helpRequests.state(id, token)).toMatchObject({ status: 'claimed', claimedByName: 'Fanny' });

		app.helpRequests.close(w.fanny, id);
		expect(app.helpRequests.pending(w.fanny, w.editionId)).toEqual([]);
		expect(app.helpRequests.state(id, token).status).toBe('done');
		expect(w.events).toHaveLength(3);
		expect(app.helpRequests.figures(w.organiser, w.editionId)).toEqual({ count: 1, claimed: 1, cancelled: 0, medianMsToClaim: 3 * MINUTE });
		// Over: only names and times stay.
		expect(app.db.prepare('SELECT message, place FROM help_requests WHERE id = ?').get(id)).toEqual({ message: '', place: '' });
	});

	it('a second claim is a conflict that names who came first', async () => {
		const { id } = w.app.helpRequests.create(w.guest, { workshopId: w.workshopId });
		w.app.helpRequests.claim(w.fanny, id);
		const e = await expectAppError(() => w.app.helpRequests.claim(w.farid, id), 'conflict');
		expect(e.message).toContain('Fanny');
	});

	it('the asker cancels with their token; a wrong token finds nothing', async () => {
		const { id, token } = w.app.helpRequests.create(w.guest, { workshopId: w.workshopId });
		await expectAppError(() => w.app.helpRequests.cancel(id, 'not-the-token'), 'not_found');
		w.app.helpRequests.cancel(id, token);
		expect(w.app.helpRequests.state(id, token).status).toBe('cancelled');
		await expectAppError(() => w.app.helpRequests.claim(w.fanny, id), 'conflict');
	});

	it('from the join page, the join code lets someone without an account ask, with a name', async () => {
		const code = joinCodeOf(w.app, w.workshopId);
		await expectAppError(() => w.app.helpRequests.create(null, { joinCode: code }), 'invalid');
		const { id } = w.app.helpRequests.create(null, { joinCode: code, name: 'Lou', place: 'Accueil' });
		expect(w.app.helpRequests.pending(w.fanny, w.editionId)[0]).toMatchObject({ id, requesterName: 'Lou', place: 'Accueil' });
		await expectAppError(() => w.app.helpRequests.create(null, { joinCode: 'nope' }), 'not_found');
	});

	it('only people of the workshop ask from it', async () => {
		await expectAppError(() => w.app.helpRequests.create(w.otherGuest, { workshopId: w.workshopId }), 'forbidden');
		// The edition is a draft: someone outside it learns nothing of it.
		await expectAppError(() => w.app.helpRequests.create(null, { workshopId: w.workshopId }), 'not_found');
	});

	it('a guest (of this or another workshop) cannot see the queue nor claim; a facilitator of another edition gets not_found', async () => {
		const { id } = w.app.helpRequests.create(w.guest, { workshopId: w.workshopId });
		for (const viewer of [w.guest, w.otherGuest, w.outsider, null]) {
			await expectAppError(() => w.app.helpRequests.claim(viewer, id), 'not_found');
			await expectAppError(() => w.app.helpRequests.close(viewer, id), 'not_found');
			await expectAppError(() => w.app.helpRequests.pending(viewer, w.editionId), 'not_found');
			await expectAppError(() => w.app.desk.board(viewer, w.editionId), 'not_found');
		}
		expect(w.app.helpRequests.pending(w.organiser, w.editionId)).toHaveLength(1);
	});

	it('names the asker and the facilitator who came by their credit choice for the edition, as it is when the request is shown', () => {
		const { app } = w;
		app.credits.setChoice(w.guest, w.editionId, { mode: 'pseudonym', pseudonym: 'cam' });
		const { id, token } = app.helpRequests.create(w.guest, { workshopId: w.workshopId });
		expect(app.helpRequests.pending(w.farid, w.editionId)[0]).toMatchObject({ requesterName: 'cam' });
		app.helpRequests.claim(w.fanny, id);
		app.credits.setChoice(w.fanny, w.editionId, { mode: 'pseudonym', pseudonym: 'F.' });
		app.credits.setChoice(w.guest, w.editionId, { mode: 'anonymous' });
		expect(app.helpRequests.pending(w.farid, w.editionId)[0]).toMatchObject({ requesterName: anonymousLabel.fr, claimedByName: 'F.' });
		expect(app.helpRequests.state(id, token)).toMatchObject({ claimedByName: 'F.' });
		// Nothing stored names Camille, and someone without an account keeps the name they typed.
		expect(app.db.prepare('SELECT requester_name FROM help_requests WHERE id = ?').pluck().get(id)).toBe('cam');
		const typed = app.helpRequests.create(null, { joinCode: joinCodeOf(app, w.workshopId), name: 'Lou' });
		expect(app.helpRequests.pending(w.farid, w.editionId).find((r) => r.id === typed.id)).toMatchObject({ requesterName: 'Lou' });
	});

	it('erasing an account takes its name off its requests and claims', async () => {
		const { id } = w.app.helpRequests.create(w.guest, { workshopId: w.workshopId });
		w.app.helpRequests.claim(w.fanny, id);
		await w.app.privacy.erase(w.guest, { confirmName: 'Camille' });
		await w.app.privacy.erase(w.fanny, { password: PASSWORD });
		expect(w.app.db.prepare('SELECT requester_name, claimed_by_name FROM help_requests WHERE id = ?').get(id)).toEqual({
			requester_name: anonymousLabel.fr,
			claimed_by_name: anonymousLabel.fr
		});
	});
});
