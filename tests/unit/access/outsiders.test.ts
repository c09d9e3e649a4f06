// What a reader without an account, or signed in but outside the edition, sees of a published edition: written down here by hand, not read from the table.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Viewer } from '../../../server/domain/types';
import { writeParagraph } from '../deliverables/pad-writer';
import { chunks } from '../drive/drive-fixtures';
import { say } from '../search/search-world';
import { createAccount, createEdition, createGuest, createTestApp, createWorkshop, expectAppError, joinCodeOf, type TestApp } from '../factories';

describe('a published edition, seen from outside', () => {
	let t: TestApp;
	let organiser: Viewer;
	let outsider: Viewer;
	let camille: Viewer;
	let editionId: string;
	let workshopId: string;
	let padId: string;

	beforeEach(async () => {
		t = createTestApp();
		organiser = await createAccount(t.app, 'olivia');
		outsider = await createAccount(t.app, 'oscar');
		editionId = createEdition(t.app, organiser, { status: 'published' }).id;
		workshopId = createWorkshop(t.app, organiser, editionId, { statusOverride: 'closed' });
		camille = createGuest(t.app, 'Camille Martin');
		t.app.workshops.join(camille, joinCodeOf(t.app, workshopId));
		padId = t.app.pads.create(organiser, workshopId, { title: 'Notes' }).id;
		writeParagraph(t.app, padId, camille.id, 'Une idée de Camille.');
	});

	it('shows the programme, published deliverables and key figures to everyone', async () => {
		const id = t.app.deliverables.create(organiser, workshopId, { padId, title: 'Synthèse' });
		await t.app.deliverables.publish(organiser, id);
		for (const viewer of [null, outsider]) {
			expect(t.app.workshops.programme(viewer, editionId).workshops.map((w) => w.id)).toEqual([workshopId]);
			expect((await t.app.deliverables.get(viewer, id)).title).toBe('Synthèse');
			expect(t.app.deliverables.listForWorkshop(viewer, workshopId).map((d) => d.id)).toEqual([id]);
		}
		expect((await t.app.archive.figures(editionId)).workshops).toBe(1);
	});

	it('keeps the live pads, their history, versions, exports, chat and drive with its members: not found for others', async () => {
		const version = (await t.app.pads.history(organiser, padId)).versions[0]?.id ?? 1;
		for (const viewer of [null, outsider]) {
			expect(t.app.pads.list(viewer, workshopId)).toEqual([]);
			await expectAppError(() => t.app.pads.get(viewer, padId), 'not_found');
			await expectAppError(() => t.app.pads.exportDocument(viewer, padId), 'not_found');
			await expectAppError(() => t.app.pads.history(viewer, padId), 'not_found');
			await expectAppError(() => t.app.pads.version(viewer, padId, version), 'not_found');
			await expectAppError(() => t.app.pads.roomAccess(viewer, padId), 'not_found');
			await expectAppError(() => t.app.chat.open(viewer, workshopId), 'not_found');
			await expectAppError(() => t.app.chat.history(viewer, workshopId, null), 'not_found');
			await expectAppError(() => t.app.files.list(viewer, workshopId), 'not_found');
		}
		expect((await t.app.pads.exportDocument(camille, padId)).markdown).toContain('Une idée de Camille.');
	});

	it('opens closed workshops’ pads and drive (not their chat) once the organiser ticks the workspace setting', async () => {
		t.app.editions.setSharing(organiser, editionId, { workspacePublic: 'on' });
		expect((await t.app.pads.exportDocument(null, padId)).markdown).toContain('Une idée de Camille.');
		expect(t.app.pads.roomAccess(outsider, padId).mode).toBe('read');
		expect((await t.app.files.list(null, workshopId)).files).toEqual([]);
		await expectAppError(() => t.app.chat.open(null, workshopId), 'not_found');
		// a workshop still running stays with its members
		const live = createWorkshop(t.app, organiser, editionId, { title: 'En cours', statusOverride: 'live' });
		const livePad = t.app.pads.create(organiser, live, { title: 'Direct' }).id;
		await expectAppError(() => t.app.pads.get(null, livePad), 'not_found');
	});

	it('lets every reader download a drive file a facilitator marked public, and only that one', async () => {
		const upload = (name: string) => t.app.files.upload(camille, workshopId, { name, source: chunks(`contenu de ${name}`) });
		const shared = await upload('programme.txt');
		const kept = await upload('brouillon.txt');
		await expectAppError(() => t.app.files.setPublic(camille, shared.id, { public: true }), 'forbidden');
		expect((await t.app.files.setPublic(organiser, shared.id, { public: true })).public).toBe(true);
		for (const viewer of [null, outsider]) {
			const opened = await t.app.files.open(viewer, shared.id);
			opened.body.destroy();
			expect(opened.file.name).toBe('programme.txt');
			await expectAppError(() => t.app.files.open(viewer, kept.id), 'not_found');
			await expectAppError(() => t.app.files.list(viewer, workshopId), 'not_found');
		}
		await t.app.files.setPublic(organiser, shared.id, { public: false });
		await expectAppError(() => t.app.files.open(null, shared.id), 'not_found');
	});

	it('names writers in the pad history and export as they chose to be credited in the edition', async () => {
		await t.app.credits.setChoice(camille, editionId, { mode: 'pseudonym', pseudonym: 'cam_m' });
		const history = await t.app.pads.history(organiser, padId);
		expect([...history.versions.flatMap((v) => v.authors), ...history.unsavedAuthors]).toContain('cam_m');
		expect(JSON.stringify(history)).not.toContain('Camille Martin');
		expect((await t.app.pads.exportDocument(organiser, padId)).credits.map((c) => c.display)).toEqual(['cam_m']);
		await t.app.credits.setChoice(camille, editionId, { mode: 'anonymous' });
		expect((await t.app.pads.exportDocument(organiser, padId, 'fr')).credits.map((c) => c.display)).toEqual(['contributeur anonyme']);
	});

	it('credits a chat message promoted into a pad as its author chose, not by their account name', async () => {
		await t.app.credits.setChoice(camille, editionId, { mode: 'pseudonym', pseudonym: 'Camcam' });
		const messageId = say(t.app, workshopId, camille, 'Une carte des communs', t.now());
		await t.app.chat.promote(organiser, workshopId, { messageId, padId }, { chatUrl: 'http://localhost/chat', locale: 'fr' });
		const text = (await t.app.pads.exportDocument(organiser, padId)).markdown;
		expect(text).toContain('— Camcam, dans le chat');
		expect(text).not.toContain('Camille Martin');
	});
});
