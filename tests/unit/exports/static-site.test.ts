import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderStaticSite } from '../../../server/exports/static-site/build';
import { zipFiles } from '../../../server/exports/zip';
import { createTestApp } from '../factories';
import { writeParagraph } from '../deliverables/deliverable-fixtures';
import { labelsFr, ORIGIN, publishedArchive } from '../archive/archive-fixtures';
import { readStream, unzip } from './unzip';

async function siteZip() {
	const { app } = createTestApp();
	const s = await publishedArchive(app);
	writeParagraph(app, s.pad.id, s.alice.id, 'Un paragraphe ajouté en version deux.');
	app.deliverables.publish(s.facilitator, s.deliverableId);
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
	const build = () => zipFiles(renderStaticSite(app.archive.snapshot(s.edition.id), labelsFr, ORIGIN));
	return { s, trackId, bytes: await readStream(build()), again: await readStream(build()) };
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

	it('gives the same bytes for the same content: sorted entries, fixed dates', async () => {
		const { bytes, again } = await siteZip();
		const files = await unzip(bytes);
		expect([...files.keys()]).toEqual([...files.keys()].sort());
		expect(new Set([...files.values()].map((f) => f.mtime.getFullYear()))).toEqual(new Set([1980]));
		// Two separate apps: ids differ, so compare two builds of one app.
		expect(bytes.equals(again)).toBe(true);
	});
});
