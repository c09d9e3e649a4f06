import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Viewer } from '../../../server/domain/types';
import { KitError, type KitProblem } from '../../../server/kits/kit-files';
import { count, createAccount, createTestApp, expectAppError, type TestApp } from '../factories';
import { kitZip, rawZip, tinyKit } from './kit-fixtures';
import { errorText, messageItemsText } from '$lib/server/error-text';
import { actions as newEditionActions } from '../../../src/routes/editions/new/+page.server';
import { catalogue, translate, type MessageKey } from '../../../src/lib/i18n/catalogue';
import { createBuiltInKits } from '../../../server/kits/built-in-kits';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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
	async function refused(zip: Buffer): Promise<KitProblem[]> {
		const before = rows();
		const error = await expectAppError(async () => t.app.kits.fork(orga, await t.app.kits.readUpload(zip), brest), 'invalid');
		expect(rows()).toEqual(before);
		expect(error).toBeInstanceOf(KitError);
		return (error as KitError).problems;
	}

	const problem = (key: string, params: Record<string, string | number>) => ({ key: `error.kit.problem.${key}`, params });
	const field = (key: string, params: Record<string, string | number>) => ({ key: `error.kit.field.${key}`, params });
	const english = (problems: KitProblem[]) => messageItemsText(problems, 'en');

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
			problem('zipSlip', { path: '../x' }),
			problem('zipSlip', { path: 'mini-kit/guides/../../../etc/passwd.md' }),
			problem('absolutePath', { path: '/etc/x' }),
			problem('symlink', { path: 'mini-kit/assets/link.md' })
		]);
		expect(english(problems)[0]).toBe('path « ../x » leaves the kit folder (zip-slip) and is refused');
	});

	it('refuses more than 500 files', async () => {
		const many = Array.from({ length: 501 }, (_, i) => ({ name: `mini-kit/assets/n${i}.md`, data: 'x' }));
		expect(await refused(kitZip(tinyKit(), many))).toEqual([problem('tooManyFiles', { max: 500 })]);
	});

	it('refuses an uncompressed total over 20 MB, by the declared sizes and by the bytes actually inflated', async () => {
		// Base64 noise barely compresses: the zip stays under 20 MB while its content is over.
		const big = Array.from({ length: 3 }, (_, i) => ({ name: `mini-kit/assets/big-${i}.md`, data: randomBytes(5_400_000).toString('base64'), deflate: true }));
		expect(english(await refused(kitZip(tinyKit(), big))).at(-1)).toMatch(/^uncompressed size 2\d(\.\d)? MB is over the 20 MB limit$/);

		// A header claiming a small size while the data inflates to more: the running budget stops it.
		const liar = { name: 'mini-kit/assets/liar.md', data: 'a'.repeat(21 * 1024 * 1024), deflate: true, declaredSize: 10 };
		const problems = await refused(kitZip(tinyKit(), [liar]));
		expect(english(problems).join('\n')).toMatch(/over the 20 MB limit|damaged zip entry/);
	});

	it('refuses a zip bomb by its compression ratio', async () => {
		const problems = await refused(kitZip(tinyKit(), [{ name: 'mini-kit/assets/bomb.md', data: '0'.repeat(5 * 1024 * 1024), deflate: true }]));
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject(problem('zipBomb', { path: 'mini-kit/assets/bomb.md', max: 100 }));
		expect(english(problems)[0]).toMatch(/^« mini-kit\/assets\/bomb\.md » has a suspicious compression ratio \(\d+:1, at most 100:1\): refused as a possible zip bomb$/);
	});

	it('refuses binaries, non-UTF-8 text and files that are not zips', async () => {
		expect(await refused(kitZip(tinyKit(), [{ name: 'mini-kit/assets/photo.png', data: Buffer.from([0x89, 0x50]) }]))).toEqual([
			problem('notText', { path: 'mini-kit/assets/photo.png', extensions: '.md .json .svg .txt .csv .yml .yaml' })
		]);
		expect(await refused(kitZip(tinyKit(), [{ name: 'mini-kit/assets/latin1.md', data: Buffer.from([0x63, 0x61, 0x66, 0xe9]) }]))).toEqual([problem('notUtf8', { path: 'mini-kit/assets/latin1.md' })]);
		expect((await refused(Buffer.from('PK not really a zip')))[0]!.key).toBe('error.kit.problem.unreadableZip');
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
		const formatChoices = 'atelier-contributif, regards-croises, scene-ouverte, masterclass, table-ronde, conference, pleniere, forum, seminaire, podcast, video, prototype, centre-de-ressource, sprint, webinaire';
		// An invalid manifest does not hide the programme's own problems.
		const problems = await refused(kitZip(files));
		expect(problems).toEqual([
			field('semver', { file: 'kit.json', field: 'version' }),
			field('oneOf', { file: 'kit.json', field: 'licence', values: 'etalab-2.0, CC-BY-4.0, CC-BY-SA-4.0, CC0-1.0' }),
			field('notInteger', { file: 'programme.json', field: 'formats[0].durationMinutes' }),
			field('oneOf', { file: 'programme.json', field: 'workshops[0].format', values: formatChoices })
		]);
		expect(english(problems).slice(0, 3)).toEqual([
			'kit.json: version: must be semver (e.g. 1.0.0)',
			'kit.json: licence: must be one of etalab-2.0, CC-BY-4.0, CC-BY-SA-4.0, CC0-1.0',
			'programme.json: formats[0].durationMinutes: must be a whole number'
		]);
		const fixedManifest = tinyKit({ manifest: { templates: [{ format: 'atelier-contributif', file: 'templates/absent.md', title: 'Atelier' }] }, programme: JSON.parse(files['programme.json']!) });
		expect(await refused(kitZip(fixedManifest))).toEqual([
			problem('fileMissing', { file: 'kit.json', field: 'templates[0].file', path: 'templates/absent.md' }),
			field('notInteger', { file: 'programme.json', field: 'formats[0].durationMinutes' }),
			field('oneOf', { file: 'programme.json', field: 'workshops[0].format', values: formatChoices })
		]);
	});

	it('checks cross-references inside the programme', async () => {
		const files = tinyKit({
			programme: {
				workshops: [{ title: 'Hors piste', format: 'atelier-contributif', track: 'Parcours fantôme', themes: ['#inconnu'], day: 1, start: '10:00', end: '09:00', room: 'Salle 9' }]
			}
		});
		const at = (f: string) => ({ file: 'programme.json', field: `workshops[0].${f}` });
		expect(await refused(kitZip(files))).toEqual([
			problem('unknownTrack', { ...at('track'), value: 'Parcours fantôme' }),
			problem('unknownRoom', { ...at('room'), value: 'Salle 9' }),
			problem('unknownTheme', { ...at('themes[0]'), value: '#inconnu' }),
			problem('endBeforeStart', at('end'))
		]);
	});

	it('refuses a missing manifest or programme, and invalid JSON', async () => {
		const { 'kit.json': _manifest, ...noManifest } = tinyKit();
		expect(await refused(rawZip(Object.entries(noManifest).map(([name, data]) => ({ name, data }))))).toEqual([problem('missing', { file: 'kit.json' })]);
		const { 'programme.json': _programme, ...noProgramme } = tinyKit();
		expect(await refused(kitZip(noProgramme))).toEqual([problem('fileMissing', { file: 'kit.json', field: 'programme', path: 'programme.json' })]);
		expect((await refused(kitZip({ ...tinyKit(), 'kit.json': '{ "id": ' })))[0]).toMatchObject({ key: 'error.kit.problem.notJson', params: { file: 'kit.json' } });
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

describe('a refused kit in the reader’s language', () => {
	/** Words of the English problem sentences: none may reach a French page. */
	const english = /\b(is|are|must|missing|refused|unknown|listed|twice|only|allowed|cannot|after|start|whole|number|one of|not valid|file)\b/;
	const broken = () =>
		tinyKit({
			manifest: { version: '1.0', licence: 'MIT', templates: [{ format: 'atelier-contributif', file: 'templates/absent.md', title: 'Atelier' }] },
			programme: { workshops: [{ title: 'Hors piste', format: 'atelier-contributif', track: 'Parcours fantôme', themes: ['#inconnu'], day: 1, start: '10:00', end: '09:00', room: 'Salle 9' }] }
		});

	it('lists an uploaded kit’s problems in French on the new-edition page, with no English sentence', async () => {
		const t = createTestApp();
		const orga = await createAccount(t.app, 'olivia');
		const form = new FormData();
		for (const [name, value] of Object.entries({ ...brest, source: 'upload' })) form.set(name, value);
		form.set('kitFile', new File([new Uint8Array(kitZip(broken()))], 'kit.zip', { type: 'application/zip' }));
		const request = new Request('http://localhost/editions/new', { method: 'POST', body: form });
		const answer = (await newEditionActions.default!({ request, locals: { app: t.app, viewer: orga, locale: 'fr' } } as never)) as { data: { errors: Record<string, string>; problems?: string[] } };
		expect(answer.data.errors).toEqual({ kit: 'invalidKit' });
		const problems = answer.data.problems ?? [];
		expect(problems).toContain('kit.json, version : doit être une version semver (par ex. 1.0.0)');
		expect(problems).toContain('programme.json, workshops[0].track : parcours « Parcours fantôme » inconnu');
		expect(problems.length).toBeGreaterThan(4);
		for (const line of problems) expect(line).not.toMatch(english);
	});

	it('names only kit problems the catalogue has, in both languages', () => {
		const keys = new Set<string>();
		for (const file of ['server/kits/kit-files.ts', 'server/kits/kit-validate.ts', 'server/kits/check-cli.ts']) {
			const text = fs.readFileSync(path.resolve(file), 'utf8');
			for (const [, name] of text.matchAll(/\b(?:kitProblem|problem|at\([^,]+,)\s*\(?'([a-zA-Z]+)'/g)) keys.add(`error.kit.problem.${name}`);
			for (const [, name] of text.matchAll(/\bfield\('([a-zA-Z]+)'/g)) keys.add(`error.kit.field.${name}`);
		}
		for (const [, key] of fs.readFileSync(path.resolve('server/shared/kit-format.ts'), 'utf8').matchAll(/'(error\.kit\.field\.[a-zA-Z]+)'/g)) keys.add(key!);
		expect(keys.size).toBeGreaterThan(30);
		expect([...keys].filter((key) => !(key in catalogue.fr) || !(key in catalogue.en))).toEqual([]);
	});

	it('lists a broken built-in kit’s problems as message keys the kits page translates', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kits-'));
		try {
			fs.mkdirSync(path.join(dir, 'mini-kit'));
			for (const [name, body] of Object.entries(broken())) {
				fs.mkdirSync(path.dirname(path.join(dir, 'mini-kit', name)), { recursive: true });
				fs.writeFileSync(path.join(dir, 'mini-kit', name), body);
			}
			const [kit] = createBuiltInKits(dir).listBuiltIn();
			expect(kit!.problems.length).toBeGreaterThan(4);
			for (const p of kit!.problems) {
				const french = translate('fr', p.key as MessageKey, p.params);
				expect(french).not.toBe(p.key);
				expect(french).not.toMatch(english);
			}
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
