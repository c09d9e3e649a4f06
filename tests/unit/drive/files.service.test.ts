import { describe, expect, it } from 'vitest';
import { expectAppError } from '../factories';
import { chunks, createDriveWorld, PNG } from './drive-fixtures';
import { errorText } from '$lib/server/error-text';

describe('drive uploads keep bytes, rows and live metadata consistent', () => {
	it('stores a guest upload on disk, in SQLite and in the drive room, with the type from its content', async () => {
		const w = await createDriveWorld();
		const file = await w.files.upload(w.bob, w.workshopId, { name: 'photo.png', source: chunks(PNG) });
		expect(file).toMatchObject({ name: 'photo.png', mime: 'image/png', kind: 'image', active: false, size: PNG.length, uploadedBy: { name: 'Bob' } });
		expect(w.rows()).toBe(1);
		expect(w.blobFiles()).toHaveLength(1);
		expect(w.liveFiles()).toEqual([file]);
	});

	it('treats a .png that is really HTML as active text/html', async () => {
		const w = await createDriveWorld();
		const file = await w.files.upload(w.bob, w.workshopId, { name: 'cat.png', source: chunks('<html><script>alert(1)</script></html>') });
		expect(file).toMatchObject({ mime: 'text/html', active: true });
		const opened = await w.files.open(w.alice, file.id);
		expect(opened.file.active).toBe(true);
		opened.body.destroy();
	});

	it('leaves no blob, no row and no live entry when the per-file limit is exceeded half-way, naming the limit', async () => {
		const w = await createDriveWorld();
		const error = await expectAppError(() => w.files.upload(w.bob, w.workshopId, { name: 'big.bin', source: chunks(Buffer.alloc(600), Buffer.alloc(600)) }), 'too_large');
		expect(errorText(error, 'en')).toContain('per-file limit of 1000 B');
		expect(error.fields).toMatchObject({ file: 'fileTooLarge', limitBytes: '1000' });
		expect([w.rows(), w.blobFiles(), w.liveFiles()]).toEqual([0, [], []]);
	});

	it('leaves nothing behind when the upload stream fails half-way', async () => {
		const w = await createDriveWorld();
		await expect(w.files.upload(w.bob, w.workshopId, { name: 'cut.txt', source: chunks('hello ', new Error('connection reset')) })).rejects.toThrow('connection reset');
		expect([w.rows(), w.blobFiles(), w.liveFiles()]).toEqual([0, [], []]);
	});

	it('enforces the workshop quota, naming it, and keeps the files already stored', async () => {
		const w = await createDriveWorld();
		await w.files.upload(w.bob, w.workshopId, { name: 'a.txt', source: chunks('a'.repeat(900)) });
		await w.files.upload(w.bob, w.workshopId, { name: 'b.txt', source: chunks('b'.repeat(900)) });
		const error = await expectAppError(() => w.files.upload(w.bob, w.workshopId, { name: 'c.txt', source: chunks('c'.repeat(900)) }), 'too_large');
		expect(errorText(error, 'en')).toContain('shared files quota of 2 KB');
		expect(error.fields.file).toBe('quotaExceeded');
		expect([w.rows(), w.blobFiles().length, w.liveFiles().length]).toEqual([2, 2, 2]);
	});

	it('refuses people outside the workshop, and non-images where only images are accepted', async () => {
		const w = await createDriveWorld();
		// The edition is a draft: to an anonymous visitor it does not exist.
		await expectAppError(() => w.files.upload(null, w.workshopId, { name: 'x.txt', source: chunks('x') }), 'not_found');
		await expectAppError(() => w.files.upload(w.bob, w.workshopId, { name: 'x.svg', accept: 'image', source: chunks('<svg onload="alert(1)"></svg>') }), 'invalid');
		expect([w.rows(), w.blobFiles(), w.liveFiles()]).toEqual([0, [], []]);
	});

	it('shares one blob between identical uploads', async () => {
		const w = await createDriveWorld();
		await w.files.upload(w.bob, w.workshopId, { name: 'one.png', source: chunks(PNG) });
		await w.files.upload(w.alice, w.workshopId, { name: 'two.png', source: chunks(PNG) });
		expect([w.rows(), w.blobFiles().length, w.liveFiles().length]).toEqual([2, 1, 2]);
	});
});

describe('drive changes', () => {
	it('sends a deleted file to the trash, which only a facilitator restores', async () => {
		const w = await createDriveWorld();
		const file = await w.files.upload(w.bob, w.workshopId, { name: 'notes.md', source: chunks('# Notes') });
		expect(file.mime).toBe('text/markdown');
		await w.files.trash(w.bob, file.id);
		expect(w.liveFiles()[0]!.trashedAt).not.toBeNull();
		await expectAppError(() => w.files.open(w.bob, file.id), 'not_found');
		await expectAppError(() => w.files.restore(w.bob, file.id), 'forbidden');
		await w.files.restore(w.alice, file.id);
		expect(w.liveFiles()[0]!.trashedAt).toBeNull();
		expect(w.blobFiles()).toHaveLength(1);
	});

	it('renames, moves into a folder and keeps a typed transcript for audio', async () => {
		const w = await createDriveWorld();
		const folder = await w.files.createFolder(w.bob, w.workshopId, { name: 'Sons' });
		const audio = await w.files.upload(w.bob, w.workshopId, { name: 'interview.mp3', source: chunks(Buffer.from('ID3\u0003\u0000rest-of-mp3')) });
		expect(audio.kind).toBe('audio');
		await w.files.rename(w.alice, audio.id, { name: 'Entretien / Alice.mp3' });
		await w.files.move(w.bob, audio.id, { folderId: folder.id });
		await w.files.setTranscript(w.bob, audio.id, { transcript: 'Bonjour à toutes et à tous.' });
		expect(w.liveFiles()[0]).toMatchObject({ name: 'Entretien _ Alice.mp3', folderId: folder.id, transcript: 'Bonjour à toutes et à tous.' });
		await expectAppError(() => w.files.move(w.bob, audio.id, { folderId: 'zzzzzzzzzzzz' }), 'invalid');
		const text = await w.files.upload(w.bob, w.workshopId, { name: 't.txt', source: chunks('x') });
		await expectAppError(() => w.files.setTranscript(w.bob, text.id, { transcript: 'x' }), 'invalid');
	});
});
