import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { renderStaticSite } from '../../../server/exports/static-site/build';
import { fileLinksOf } from '../../../server/exports/static-site/pages';
import { readSiteFiles } from '../../../server/exports/static-site/site-files';
import { zipFiles } from '../../../server/exports/zip';
import { createTestApp, expectAppError } from '../factories';
import { writeParagraph } from '../deliverables/deliverable-fixtures';
import { writeImage } from '../deliverables/pad-writer';
import { labelsFr, ORIGIN, publishedArchive } from '../archive/archive-fixtures';
import { readStream, unzip } from './unzip';

async function siteZip() {
	const { app } = createTestApp();
	const s = await publishedArchive(app);
	writeParagraph(app, s.pad.id, s.alice.id, 'Un paragraphe ajouté en version deux.');
	await app.deliverables.publish(s.facilitator, s.deliverableId);
	const trackId = app.structure.addTrack(s.organiser, s.edition.id, { title: 'Communs numériques', lead: 'Inno3' });
	const workshop = app.workshops.getForEdit(s.organiser, s.workshopId);
	app.workshops.update(s.organiser, s.workshopId, {
		title: workshop.row.title,
		format: workshop.row.format,
		startsAt: workshop.row.starts_at,
		endsAt: workshop.row.ends_at,
		themeIds: workshop.themeIds,
		facilitatorIds: workshop.facilitatorIds,
		trackId
	});
	const build = async () => zipFiles(renderStaticSite(await app.archive.snapshot(s.edition.id), labelsFr, ORIGIN));
	return { s, trackId, bytes: await readStream(await build()), again: await readStream(await build()) };
}

/** Every href/src of a page that is not an outside address, resolved against the page's folder. */
function relativeLinks(page: string, html: string): string[] {
	const links = [...html.matchAll(/\s(?:href|src)="([^"]+)"/g)].map((m) => m[1]!);
	return links.filter((l) => !/^(https?:|mailto:|#)/.test(l)).map((l) => path.posix.normalize(path.posix.join(path.posix.dirname(page), l.split('#')[0]!)));
}

describe('static site export', () => {
	it('holds one page per workshop, deliverable, version, theme and track, linked to each other with relative links that all resolve', async () => {
		const { s, trackId, bytes } = await siteZip();
		const files = await unzip(bytes);
		const names = [...files.keys()];
		for (const expected of [
			'index.html',
			'style.css',
			'figures.html',
			`workshops/${s.workshopId}.html`,
			`deliverables/${s.deliverableId}.html`,
			`deliverables/${s.deliverableId}-v1.html`,
			`deliverables/${s.deliverableId}-v2.html`,
			`deliverables/${s.deliverableId}-v2.md`,
			`themes/${s.themeId}.html`,
			`tracks/${trackId}.html`,
			'data/open-data.json',
			'data/credits.csv'
		])
			expect(names).toContain(expected);

		let checked = 0;
		for (const [name, { text }] of files) {
			if (!name.endsWith('.html')) continue;
			expect(text, name).not.toMatch(/\b(archive|format)\.[a-z]/); // no untranslated message key
			for (const target of relativeLinks(name, text)) {
				expect(names, `${name} links to ${target}`).toContain(target);
				checked += 1;
			}
		}
		expect(checked).toBeGreaterThan(30);

		const index = files.get('index.html')!.text;
		expect(index).toContain(`href="workshops/${s.workshopId}.html"`);
		expect(index).toContain(`href="deliverables/${s.deliverableId}.html"`);
		const workshop = files.get(`workshops/${s.workshopId}.html`)!.text;
		expect(workshop).toContain(`href="../deliverables/${s.deliverableId}.html"`);
		expect(workshop).toContain(`href="../tracks/${trackId}.html"`);
		const page = files.get(`deliverables/${s.deliverableId}.html`)!.text;
		expect(page).toContain('Une grille pour identifier les communs numériques du territoire.');
		expect(page).toContain('Un paragraphe ajouté en version deux.');
		expect(page).toContain('alice_communs');
		expect(page).toContain('contributeur anonyme');
		expect(page).not.toContain('Bob le guest');
		expect(page).toContain('https://creativecommons.org/licenses/by-sa/4.0/');
		expect(page).toContain(`${ORIGIN}/archive/${s.edition.id}/deliverables/${s.deliverableId}/v/2`);
		expect(files.get(`deliverables/${s.deliverableId}-v1.html`)!.text).not.toContain('version deux');
		expect(files.get(`themes/${s.themeId}.html`)!.text).toContain(`href="../deliverables/${s.deliverableId}.html"`);
	});

	it('copies the images a deliverable shows into the site, so they show offline; others stay links to the live site', async () => {
		const { app } = createTestApp();
		const s = await publishedArchive(app);
		const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
		const image = await app.files.upload(s.facilitator, s.workshopId, { name: 'grille.png', source: Readable.from([png]) });
		// Before the deliverable shows it, a reader of the archive cannot open a file of this (live) workshop.
		await expectAppError(() => app.files.open(null, image.id), 'not_found');
		writeImage(app, s.pad.id, s.alice.id, `/files/${image.id}`, 'La grille');
		await app.deliverables.publish(s.facilitator, s.deliverableId);
		const snapshot = await app.archive.snapshot(s.edition.id);
		const latest = snapshot.versions[0]![0]!;
		expect(latest.html).toContain(`/files/${image.id}`);
		latest.html += '<p><img src="/files/elsewhere" alt=""></p>';

		const shown = await readSiteFiles(app.files, [...fileLinksOf(latest.html), 'no-such-file']);
		expect([...shown.keys()]).toEqual([image.id]);
		expect(shown.get(image.id)!.equals(png)).toBe(true);
		const site = renderStaticSite(snapshot, labelsFr, ORIGIN, new Set(shown.keys()));
		const page = site.get(`deliverables/${s.deliverableId}.html`)!;
		expect(page).toContain(`src="../files/${image.id}"`);
		expect(page).toContain(`src="${ORIGIN}/files/elsewhere"`);
	});

	it('gives the same bytes for the same content: sorted entries, fixed dates', async () => {
		const { bytes, again } = await siteZip();
		const files = await unzip(bytes);
		expect([...files.keys()]).toEqual([...files.keys()].sort());
		expect(new Set([...files.values()].map((f) => f.mtime.getFullYear()))).toEqual(new Set([1980]));
		// Two separate apps: ids differ, so compare two builds of one app.
		expect(bytes.equals(again)).toBe(true);
	});
});
