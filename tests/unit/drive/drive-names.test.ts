// Who added a file or a folder to a drive is shown by their credit choice for the edition, today's choice, live and in pages.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDriveDocuments } from '../../../server/collab/drive-documents';
import { readFiles, readFolders } from '../../../server/shared/drive-doc';
import { createAccount, createEdition, createGuest, createTestApp, createWorkshop, joinCodeOf, PASSWORD } from '../factories';
import { chunks } from './drive-fixtures';

async function driveWithBob() {
	const { app } = createTestApp();
	const alice = await createAccount(app, 'alice');
	const edition = createEdition(app, alice);
	const workshopId = createWorkshop(app, alice, edition.id, { facilitatorIds: [alice.id], statusOverride: 'live' });
	const bob = createGuest(app, 'Bob');
	app.workshops.join(bob, joinCodeOf(app, workshopId));
	const live = () =>
		app.rooms.withRoom(`drive:${workshopId}`, (room) => {
			const doc = new Y.Doc();
			Y.applyUpdate(doc, room.state());
			return { files: readFiles(doc), folders: readFolders(doc) };
		});
	const shown = () => {
		const listed = app.files.list(alice, workshopId);
		const { files, folders } = live();
		return {
			page: [...listed.files.map((f) => f.uploadedBy.name), ...listed.folders.map((f) => f.createdBy.name)],
			live: [...files.map((f) => f.uploadedBy.name), ...folders.map((f) => f.createdBy.name)],
			stored: app.db
				.prepare("SELECT uploader_name FROM files UNION ALL SELECT creator_name FROM drive_folders WHERE created_by = ?")
				.pluck()
				.all(bob.id) as string[]
		};
	};
	return { app, alice, edition, workshopId, bob, shown };
}

describe('drive names follow the credit choice', () => {
	it('names a new file and folder by the pseudonym chosen for the edition, not the account name', async () => {
		const w = await driveWithBob();
		w.app.credits.setChoice(w.bob, w.edition.id, { mode: 'pseudonym', pseudonym: 'b0b' });
		const file = await w.app.files.upload(w.bob, w.workshopId, { name: 'notes.txt', source: chunks('hello') });
		const folder = w.app.files.createFolder(w.bob, w.workshopId, { name: 'Photos', parentId: null });
		expect([file.uploadedBy.name, folder.createdBy.name]).toEqual(['b0b', 'b0b']);
		expect(w.shown()).toEqual({ page: ['b0b', 'b0b'], live: ['b0b', 'b0b'], stored: ['b0b', 'b0b'] });
	});

	it('renames what the person added, live and stored, when they change their choice, and shows the choice even over an older stored name', async () => {
		const w = await driveWithBob();
		await w.app.files.upload(w.bob, w.workshopId, { name: 'notes.txt', source: chunks('hello') });
		w.app.files.createFolder(w.bob, w.workshopId, { name: 'Photos', parentId: null });
		expect(w.shown().live).toEqual(['Bob', 'Bob']);

		w.app.credits.setChoice(w.bob, w.edition.id, { mode: 'anonymous' });
		const anonymous = 'contributeur anonyme';
		expect(w.shown()).toEqual({ page: [anonymous, anonymous], live: [anonymous, anonymous], stored: [anonymous, anonymous] });
		// Nothing kept for the room still names Bob.
		w.app.rooms.flush();
		w.app.rooms.withRoom(`drive:${w.workshopId}`, (room) => expect(Buffer.from(room.state()).toString('utf8')).not.toContain('Bob'));

		// A name stored before choices were followed is shown by today's choice, and opening the drive repairs it, live too.
		w.app.db.prepare('UPDATE files SET uploader_name = ?').run('Bob');
		createDriveDocuments({ rooms: w.app.rooms }).renamePerson(w.workshopId, w.bob.id, 'Bob');
		expect(w.shown()).toEqual({ page: [anonymous, anonymous], live: [anonymous, anonymous], stored: [anonymous, anonymous] });
	});

	it('an erased uploader is shown as an anonymous contributor', async () => {
		const w = await driveWithBob();
		const carol = await createAccount(w.app, 'carol');
		w.app.workshops.join(carol, joinCodeOf(w.app, w.workshopId));
		await w.app.files.upload(carol, w.workshopId, { name: 'carol.txt', source: chunks('hi') });
		expect(w.app.files.list(w.alice, w.workshopId).files.map((f) => f.uploadedBy.name)).toEqual(['Carol']);
		await w.app.privacy.erase(carol, { password: PASSWORD });
		expect(w.app.files.list(w.alice, w.workshopId).files.map((f) => f.uploadedBy.name)).toEqual(['contributeur anonyme']);
	});
});
