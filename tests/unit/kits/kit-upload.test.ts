import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Viewer } from '../../../server/domain/types';
import { KitError } from '../../../server/kits/kit-files';
import { count, createAccount, createTestApp, expectAppError, type TestApp } from '../factories';
import { kitZip, rawZip, tinyKit } from './kit-fixtures';
import { errorText } from '$lib/server/error-text';

const brest = { title: 'NEC Brest 2027', city: 'Brest', startsOn: '2027-03-10', endsOn: '2027-03-11' };
const tables = ['editions', 'themes', 'tracks', 'rooms', 'workshops', 'edition_kits', 'edition_kit_documents', 'outbox', 'edition_members'];

describe('uploading a kit zip', () => {
	let t: TestApp;
	let orga: Viewer;
	beforeEach(async () => {
		t = createTestApp();
		orga = await createAccount(t.app, 'olivia');
	});

	const rows = () => Object.fromEntries(tables.map((table) => [table, count(t.app, table)]));

	/** Uploading then forking: the problems listed, and not one row written anywhere. */
	async function refused(zip: Buffer): Promise<string[]> {
		const before = rows();
		const error = await expectAppError(async () => t.app.kits.fork(orga, await t.app.kits.readUpload(zip), brest), 'invalid');
		expect(rows()).toEqual(before);
		expect(error).toBeInstanceOf(KitError);
		return (error as KitError).problems;
	}

	it('forks a valid zip of a kit folder into a new edition', async () => {
		const edition = t.app.kits.fork(orga, await t.app.kits.readUpload(kitZip(tinyKit())), brest);
		expect(edition.title).toBe('NEC Brest 2027');
		expect(count(t.app, 'workshops', 'edition_id = ?', edition.id)).toBe(2);
	});

	it('refuses zip-slip, absolute paths and symbolic links, naming each', async () => {
		const problems = await refused(
			kitZip(tinyKit(), [
				{ name: '../x', data: 'evil' },
				{ name: 'mini-kit/guides/../../../etc/passwd.md', data: 'evil' },
				{ name: '/etc/x', data: 'evil' },
				{ name: 'mini-kit/assets/link.md', data: '/etc/passwd', mode: 0o120777 }
			])
		);
		expect(problems).toEqual([
			'path « ../x » leaves the kit folder (zip-slip) and is refused',
			'path « mini-kit/guides/../../../etc/passwd.md » leaves the kit folder (zip-slip) and is refused',
			'absolute path « /etc/x » refused',
			'symbolic link « mini-kit/assets/link.md » refused'
		]);
	});

	it('refuses more than 500 files', async () => {
		const many = Array.from({ length: 501 }, (_, i) => ({ name: `mini-kit/assets/n${i}.md`, data: 'x' }));
		expect(await refused(kitZip(tinyKit(), many))).toEqual(['too many files: a kit holds at most 500']);
	});

	it('refuses an uncompressed total over 20 MB, by the declared sizes and by the bytes actually inflated', async () => {
		// Base64 noise barely compresses: the zip stays under 20 MB while its content is over.
		const big = Array.from({ length: 3 }, (_, i) => ({ name: `mini-kit/assets/big-${i}.md`, data: randomBytes(5_400_000).toString('base64'), deflate: true }));
		expect((await refused(kitZip(tinyKit(), big))).at(-1)).toMatch(/^uncompressed size 2\d\.\d MB is over the 20\.0 MB limit$/);

		// A header claiming a small size while the data inflates to more: the running budget stops it.
		const liar = { name: 'mini-kit/assets/liar.md', data: 'a'.repeat(21 * 1024 * 1024), deflate: true, declaredSize: 10 };
		const problems = await refused(kitZip(tinyKit(), [liar]));
		expect(problems.join('\n')).toMatch(/over the 20\.0 MB limit|damaged zip entry/);
	});

	it('refuses a zip bomb by its compression ratio', async () => {
		const problems = await refused(kitZip(tinyKit(), [{ name: 'mini-kit/assets/bomb.md', data: '0'.repeat(5 * 1024 * 1024), deflate: true }]));
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(/^« mini-kit\/assets\/bomb\.md » has a suspicious compression ratio \(\d+:1, at most 100:1\): refused as a possible zip bomb$/);
	});

	it('refuses binaries, non-UTF-8 text and files that are not zips', async () => {
		expect(await refused(kitZip(tinyKit(), [{ name: 'mini-kit/assets/photo.png', data: Buffer.from([0x89, 0x50]) }]))).toEqual([
			'« mini-kit/assets/photo.png »: only text files are allowed in a kit (.md .json .svg .txt .csv .yml .yaml)'
		]);
		expect(await refused(kitZip(tinyKit(), [{ name: 'mini-kit/assets/latin1.md', data: Buffer.from([0x63, 0x61, 0x66, 0xe9]) }]))).toEqual([
			'« mini-kit/assets/latin1.md » is not UTF-8 text'
		]);
		expect((await refused(Buffer.from('PK not really a zip')))[0]).toMatch(/^not a readable zip file/);
		await expectAppError(() => t.app.kits.readUpload(new Uint8Array()), 'invalid');
	});

	it('lists every manifest and programme problem with its file and field', async () => {
		const files = tinyKit({
			manifest: { version: '1.0', licence: 'MIT', templates: [{ format: 'atelier-contributif', file: 'templates/absent.md', title: 'Atelier' }] },
			programme: {
				formats: [{ key: 'atelier-contributif', label: 'Atelier', durationMinutes: 1.5, template: 'atelier-contributif' }],
				workshops: [{ title: 'Hors piste', format: 'karaoke', themes: ['#inconnu'], day: 1, start: '10:00', end: '09:00', room: 'Salle 9' }]
			}
		});
		const formatChoices = 'must be one of atelier-contributif, regards-croises, scene-ouverte, masterclass, table-ronde, conference, pleniere, forum, seminaire, podcast, video, prototype, centre-de-ressource, sprint, webinaire';
		// An invalid manifest does not hide the programme's own problems.
		expect(await refused(kitZip(files))).toEqual([
			'kit.json: version: must be semver (e.g. 1.0.0)',
			'kit.json: licence: must be one of etalab-2.0, CC-BY-4.0, CC-BY-SA-4.0, CC0-1.0',
			'programme.json: formats[0].durationMinutes: must be a whole number of minutes',
			`programme.json: workshops[0].format: ${formatChoices}`
		]);
		const fixedManifest = tinyKit({ manifest: { templates: [{ format: 'atelier-contributif', file: 'templates/absent.md', title: 'Atelier' }] }, programme: JSON.parse(files['programme.json']!) });
		expect(await refused(kitZip(fixedManifest))).toEqual([
			'kit.json: templates[0].file: file « templates/absent.md » is missing from the kit',
			'programme.json: formats[0].durationMinutes: must be a whole number of minutes',
			`programme.json: workshops[0].format: ${formatChoices}`
		]);
	});

	it('checks cross-references inside the programme', async () => {
		const files = tinyKit({
			programme: {
				workshops: [{ title: 'Hors piste', format: 'atelier-contributif', track: 'Parcours fantôme', themes: ['#inconnu'], day: 1, start: '10:00', end: '09:00', room: 'Salle 9' }]
			}
		});
		expect(await refused(kitZip(files))).toEqual([
			'programme.json: workshops[0].track: unknown track « Parcours fantôme »',
			'programme.json: workshops[0].room: unknown room « Salle 9 »',
			'programme.json: workshops[0].themes[0]: unknown theme « #inconnu »',
			'programme.json: workshops[0].end: must be after start'
		]);
	});

	it('refuses a missing manifest or programme, and invalid JSON', async () => {
		const { 'kit.json': _manifest, ...noManifest } = tinyKit();
		expect(await refused(rawZip(Object.entries(noManifest).map(([name, data]) => ({ name, data }))))).toEqual(['kit.json: missing']);
		const { 'programme.json': _programme, ...noProgramme } = tinyKit();
		expect(await refused(kitZip(noProgramme))).toEqual(['kit.json: programme: file « programme.json » is missing from the kit']);
		expect((await refused(kitZip({ ...tinyKit(), 'kit.json': '{ "id": ' })))[0]).toMatch(/^kit\.json: not valid JSON/);
	});

	it('creates nothing when the edition form is wrong or the programme does not fit its dates', async () => {
		const kit = await t.app.kits.readUpload(kitZip(tinyKit()));
		const before = rows();
		const short = await expectAppError(() => t.app.kits.fork(orga, kit, { ...brest, endsOn: '2027-03-10' }), 'invalid');
		expect(short.fields).toEqual({ endsOn: 'kitTooShort' });
		expect(errorText(short, 'en')).toBe('The kit’s programme spans 2 days: the edition must end on 2027-03-11 or later.');
		const untitled = await expectAppError(() => t.app.kits.fork(orga, kit, { ...brest, title: '' }), 'invalid');
		expect(untitled.fields).toEqual({ title: 'required' });
		expect(rows()).toEqual(before);
	});

	it('rolls the whole fork back when a step fails midway', async () => {
		// A room listed twice after validation: themes, tracks and the first room are already written when the second collides.
		const kit = await t.app.kits.readUpload(kitZip(tinyKit()));
		kit.programme.rooms.push({ label: 'Salle 1' });
		const before = rows();
		await expectAppError(() => t.app.kits.fork(orga, kit, brest), 'conflict');
		expect(rows()).toEqual(before);
	});

	it('refuses guests', async () => {
		const kit = await t.app.kits.readUpload(kitZip(tinyKit()));
		await expectAppError(() => t.app.kits.fork(null, kit, brest), 'unauthenticated');
	});
});
