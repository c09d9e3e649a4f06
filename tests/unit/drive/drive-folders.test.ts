import { describe, expect, it } from 'vitest';
import { expectAppError } from '../factories';
import { chunks, createDriveWorld } from './drive-fixtures';

/** Sons/ (interview.mp3) › Bruts/ (raw.txt), and notes.md at the root. */
async function tree() {
	const w = await createDriveWorld();
	const sons = await w.files.createFolder(w.bob, w.workshopId, { name: 'Sons' });
	const bruts = await w.files.createFolder(w.bob, w.workshopId, { name: 'Bruts', parentId: sons.id });
	const audio = await w.files.upload(w.bob, w.workshopId, { name: 'interview.mp3', folderId: sons.id, source: chunks(Buffer.from('ID3\u0003\u0000mp3')) });
	const raw = await w.files.upload(w.bob, w.workshopId, { name: 'raw.txt', folderId: bruts.id, source: chunks('brut') });
	const notes = await w.files.upload(w.bob, w.workshopId, { name: 'notes.md', source: chunks('# Notes') });
	const live = (id: string) => [...w.liveFiles(), ...w.liveFolders()].find((e) => e.id === id)!;
	const liveFolder = (id: string) => w.liveFolders().find((e) => e.id === id)!;
	return { ...w, sons, bruts, audio, raw, notes, live, liveFolder };
}

describe('drive folders', () => {
	it('renames a folder, live, with the same name rules as files', async () => {
		const w = await tree();
		await w.files.renameFolder(w.bob, w.sons.id, { name: '  Sons / podcasts ' });
		expect(w.live(w.sons.id)).toMatchObject({ name: 'Sons _ podcasts' });
		const error = await expectAppError(() => w.files.renameFolder(w.bob, w.sons.id, { name: '   ' }), 'invalid');
		expect(error.fields.name).toBe('required');
	});

	it('moves a folder into another one or to the root, and never into itself or below itself', async () => {
		const w = await tree();
		const archive = await w.files.createFolder(w.alice, w.workshopId, { name: 'Archives' });
		await w.files.moveFolder(w.bob, w.sons.id, { parentId: archive.id });
		expect(w.live(w.sons.id)).toMatchObject({ parentId: archive.id });
		await w.files.moveFolder(w.bob, w.bruts.id, { parentId: null });
		expect(w.live(w.bruts.id)).toMatchObject({ parentId: null });
		await w.files.moveFolder(w.bob, w.bruts.id, { parentId: w.sons.id });

		const intoItself = await expectAppError(() => w.files.moveFolder(w.bob, w.sons.id, { parentId: w.sons.id }), 'invalid');
		expect(intoItself.fields.parentId).toBe('folderCycle');
		const intoChild = await expectAppError(() => w.files.moveFolder(w.bob, archive.id, { parentId: w.bruts.id }), 'invalid');
		expect(intoChild.fields.parentId).toBe('folderCycle');
		await expectAppError(() => w.files.moveFolder(w.bob, w.sons.id, { parentId: 'zzzzzzzzzzzz' }), 'invalid');
		// Nothing moved by the refused requests.
		expect([w.liveFolder(w.sons.id).parentId, w.liveFolder(w.bruts.id).parentId, w.liveFolder(archive.id).parentId]).toEqual([archive.id, w.sons.id, null]);
	});

	it('trashes a folder with its subfolders and files, and a facilitator restores exactly those', async () => {
		const w = await tree();
		// Trashed on its own before the folder: it must stay in the trash when the folder comes back.
		const draft = await w.files.upload(w.bob, w.workshopId, { name: 'draft.txt', folderId: w.bruts.id, source: chunks('draft') });
		await w.files.trash(w.bob, draft.id);

		await w.files.trashFolder(w.bob, w.sons.id);
		for (const id of [w.sons.id, w.bruts.id, w.audio.id, w.raw.id]) expect(w.live(id)).toMatchObject({ trashedWith: w.sons.id });
		expect(w.live(w.sons.id).trashedAt).not.toBeNull();
		expect(w.live(w.notes.id).trashedAt).toBeNull();
		expect(w.live(draft.id)).toMatchObject({ trashedWith: null });
		await expectAppError(() => w.files.open(w.bob, w.audio.id), 'not_found');
		// A trashed folder takes no new content and no changes.
		const upload = await expectAppError(() => w.files.upload(w.bob, w.workshopId, { name: 'x.txt', folderId: w.sons.id, source: chunks('x') }), 'invalid');
		expect(upload.fields.folderId).toBe('folderTrashed');
		await expectAppError(() => w.files.move(w.bob, w.notes.id, { folderId: w.bruts.id }), 'invalid');
		await expectAppError(() => w.files.renameFolder(w.bob, w.sons.id, { name: 'Autre' }), 'conflict');

		await expectAppError(() => w.files.restoreFolder(w.bob, w.sons.id), 'forbidden');
		const inner = await expectAppError(() => w.files.restoreFolder(w.alice, w.bruts.id), 'conflict');
		expect(inner.fields.folderId).toBe('trashedWithParent');
		await w.files.restoreFolder(w.alice, w.sons.id);
		for (const id of [w.sons.id, w.bruts.id, w.audio.id, w.raw.id]) expect(w.live(id)).toMatchObject({ trashedAt: null, trashedWith: null });
		expect(w.liveFolder(w.bruts.id).parentId).toBe(w.sons.id);
		expect(w.live(draft.id).trashedAt).not.toBeNull();
		const opened = await w.files.open(w.bob, w.audio.id);
		opened.body.destroy();
	});

	it('brings a restored folder or file back at the root when its parent stays in the trash', async () => {
		const w = await tree();
		await w.files.trash(w.bob, w.raw.id);
		await w.files.trashFolder(w.bob, w.bruts.id);
		await w.files.trashFolder(w.bob, w.sons.id);
		await w.files.restoreFolder(w.alice, w.bruts.id);
		expect(w.live(w.bruts.id)).toMatchObject({ parentId: null, trashedAt: null });
		await w.files.restore(w.alice, w.raw.id);
		expect(w.live(w.raw.id)).toMatchObject({ folderId: w.bruts.id, trashedAt: null });
		await w.files.trash(w.bob, w.raw.id);
		await w.files.moveFolder(w.bob, w.bruts.id, { parentId: null });
		await w.files.trashFolder(w.bob, w.bruts.id);
		await w.files.restore(w.alice, w.raw.id);
		expect(w.live(w.raw.id)).toMatchObject({ folderId: null, trashedAt: null });
	});

	it('lists the stored drive for a server-rendered page, the same entries as the live room', async () => {
		const w = await tree();
		await w.files.trashFolder(w.bob, w.bruts.id);
		const listed = w.files.list(w.bob, w.workshopId);
		expect((await listed).files.map((f) => f.name)).toEqual(['interview.mp3', 'notes.md', 'raw.txt']);
		expect((await listed).folders.map((f) => f.name)).toEqual(['Bruts', 'Sons']);
		expect(new Set((await listed).files)).toEqual(new Set(w.liveFiles()));
		expect(new Set((await listed).folders)).toEqual(new Set(w.liveFolders()));
		await expectAppError(() => w.files.list(null, w.workshopId), 'not_found');
	});

	it('refuses people outside the workshop, and folders of another workshop through this one', async () => {
		const w = await tree();
		// The edition is a draft: to an anonymous visitor it does not exist.
		await expectAppError(() => w.files.renameFolder(null, w.sons.id, { name: 'x' }), 'not_found');
		await expectAppError(() => w.files.trashFolder(null, w.sons.id), 'not_found');
		expect(w.live(w.sons.id)).toMatchObject({ name: 'Sons', trashedAt: null });
		await expectAppError(() => w.files.moveFolder(w.bob, 'zzzzzzzzzzzz', { parentId: null }), 'not_found');
		await expectAppError(() => Promise.resolve(w.files.assertFolderInWorkshop(w.sons.id, 'otherworkshop1')), 'not_found');
	});
});
