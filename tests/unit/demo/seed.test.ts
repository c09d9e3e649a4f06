import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { demoWorkshops } from '../../../server/demo/nec2018';
import { demoPersonas } from '../../../server/demo/nec2018-people';
import { demoPads } from '../../../server/demo/nec2018-notes';
import { seedDemo } from '../../../server/demo/seed';
import { createApp } from '../../../server/app';
import { openDatabase } from '../../../server/db/open';
import { countWords, padText } from '../../../server/domain/archive/words';
import { padTemplates } from '../../../server/domain/pads/templates';
import { isTombstone } from '../../../server/shared/chat-doc';
import type { Viewer } from '../../../server/domain/types';
import { count, createAccount, createEdition, createTestApp, expectAppError, type TestApp } from '../factories';

const demoViewer = (app: TestApp['app'], displayName: string): Viewer => {
	const id = app.db.prepare('SELECT id FROM users WHERE display_name = ?').pluck().get(displayName) as string;
	return { id, username: null, displayName, isGuest: true, isAdmin: false };
};
const workshopIdOf = (app: TestApp['app'], title: string) => app.db.prepare('SELECT id FROM workshops WHERE title = ?').pluck().get(title) as string;

describe('demo seed', () => {
	let t: TestApp;
	let editionId: string;
	beforeEach(async () => {
		t = createTestApp();
		editionId = (await seedDemo(t.app))!;
	});

	it('seeds once', async () => {
		expect(editionId).toMatch(/^[a-z2-7]{16}$/);
		const rows = ['workshops', 'users', 'pads', 'deliverables', 'deliverable_versions', 'files', 'doc_updates'].map((table) => count(t.app, table));
		expect(await seedDemo(t.app)).toBeNull();
		expect(count(t.app, 'editions')).toBe(1);
		expect(['workshops', 'users', 'pads', 'deliverables', 'deliverable_versions', 'files', 'doc_updates'].map((table) => count(t.app, table))).toEqual(rows);
	});

	it('does nothing on an instance that already has an edition', async () => {
		const fresh = createTestApp();
		createEdition(fresh.app, await createAccount(fresh.app, 'olivia'));
		expect(await seedDemo(fresh.app)).toBeNull();
		expect(count(fresh.app, 'workshops')).toBe(0);
	});

	it('publishes the NEC 2018 edition in its series', () => {
		const { edition, access } = t.app.editions.get(null, editionId);
		expect(edition).toMatchObject({ title: 'Numérique en Commun[s] 2018', city: 'Nantes', status: 'published', starts_on: '2018-09-13', ends_on: '2018-09-14', series_title: 'Numérique en Commun[s]' });
		expect(access.canRead).toBe(true);
		expect(t.app.editions.listPublished().map((e) => e.id)).toEqual([editionId]);
	});

	it('has 4 themes with aliases, and every workshop', () => {
		const programme = t.app.workshops.programme(null, editionId);
		expect(programme.themes.map((th) => th.label)).toEqual(['#inclusion', '#données', '#lieux', '#communs']);
		for (const theme of programme.themes) expect(theme.aliases.length).toBeGreaterThan(0);
		expect(programme.workshops).toHaveLength(demoWorkshops.length);
		expect(programme.workshops.length).toBeGreaterThanOrEqual(10);
		expect(programme.days).toEqual(['2018-09-13', '2018-09-14']);
		// Every workshop is in a room, tagged, and facilitated by the demo team.
		for (const w of programme.workshops) {
			expect(w.room, w.title).not.toBeNull();
			expect(w.themes.length, w.title).toBeGreaterThan(0);
			expect(w.facilitators.map((f) => f.displayName), w.title).toEqual(['Équipe MédiaLab (démo)']);
		}
		expect(t.app.workshops.programme(null, editionId, { theme: 'data' }).workshops.length).toBeGreaterThan(0);
	});

	it('lists the 5 workshops of the « Communs numériques » track in order', () => {
		const track = t.app.workshops.programme(null, editionId).tracks.find((tr) => tr.title === 'Communs numériques');
		expect(track?.workshops.map((w) => w.title)).toEqual([
			'Identifier les ressources',
			'Produire des communs',
			'Maintenir et pérenniser les communs',
			'Financer les communs',
			'Valoriser et disséminer les communs'
		]);
	});

	it('is organised by a team and attended by personas nobody can log into', async () => {
		const people = t.app.db.prepare('SELECT * FROM users').all() as { username: string | null; password_hash: string | null; is_admin: number; display_name: string }[];
		expect(people).toHaveLength(1 + demoPersonas.length);
		for (const p of people) {
			expect(p).toMatchObject({ username: null, password_hash: null, is_admin: 0 });
			expect(p.display_name).toMatch(/\(démo\)$/);
		}
		expect(count(t.app, 'auth_sessions')).toBe(0);
		// The first real account still becomes the instance admin.
		expect((await createAccount(t.app, 'alice')).isAdmin).toBe(true);
		await expectAppError(() => t.app.editions.update(null, editionId, { title: 'x', startsOn: '2018-09-13', endsOn: '2018-09-14' }), 'unauthenticated');
	});

	it('fills pads from their format’s template, each written by several personas', () => {
		const prompts = padTemplates.flatMap((tpl) => tpl.sections.map((sec) => sec.prompt));
		const pads = t.app.db.prepare('SELECT p.id, p.template, w.format, w.title AS workshop FROM pads p JOIN workshops w ON w.id = p.workshop_id').all() as { id: string; template: string; format: string; workshop: string }[];
		expect(pads).toHaveLength(demoPads.length);
		expect(new Set(pads.map((p) => p.format))).toEqual(new Set(['atelier-contributif', 'regards-croises', 'scene-ouverte', 'masterclass']));
		for (const pad of pads) {
			expect(pad.template, pad.workshop).toBe(pad.format);
			const text = padText(t.app.padDocuments.currentContent(pad.id));
			expect(countWords(text), pad.workshop).toBeGreaterThanOrEqual(150);
			expect(countWords(text), pad.workshop).toBeLessThanOrEqual(400);
			// The template's prompts were replaced by notes, or removed with their unused section.
			for (const prompt of prompts) expect(text, pad.workshop).not.toContain(prompt);
			// Authors as the history keeps them: the update log, and the versions it was compacted into.
			const authors = t.app.db
				.prepare(
					`SELECT u.display_name FROM users u WHERE u.display_name <> 'Équipe MédiaLab (démo)' AND u.id IN
					 (SELECT author_id FROM doc_updates WHERE room = ? UNION SELECT j.value FROM doc_snapshots s, json_each(s.authors) j WHERE s.room = ?)`
				)
				.pluck()
				.all(`pad:${pad.id}`, `pad:${pad.id}`);
			expect(authors.length, pad.workshop).toBeGreaterThanOrEqual(2);
		}
		const grid = pads.find((p) => p.workshop === 'Identifier les ressources')!;
		const json = JSON.stringify(t.app.padDocuments.currentContent(grid.id));
		expect(json).toContain('"type":"bulletList"');
		expect(json).toContain('Ma contribution a-t-elle un intérêt pour mon écosystème ?');
	});

	it('publishes deliverables under Licence Ouverte, credited as each persona chose', () => {
		const published = t.app.deliverables.listPublished({ editionId });
		expect(published.map((d) => d.title).sort()).toEqual(['Grille d’identification des communs numériques', 'Initiatives des territoires à reprendre chez soi', 'Ouvrir un tiers-lieu : les questions à se poser']);
		const names = new Set<string>();
		for (const summary of published) {
			const d = t.app.deliverables.getPublished(summary.id);
			expect(d).toMatchObject({ licence: 'etalab-2.0', status: 'published' });
			expect(d.themes.length).toBeGreaterThan(0);
			expect(d.markdown.length).toBeGreaterThan(500);
			for (const c of d.credits) names.add(c.display);
			expect(d.credits.filter((c) => c.role === 'author').length, d.title).toBeGreaterThanOrEqual(2);
		}
		expect([...names]).toEqual(expect.arrayContaining(['Camille (démo)', 'Louis (démo)', 'yanis_tiers_lieux', 'so_communs', 'contributeur anonyme', 'Équipe MédiaLab (démo)']));
		// Pseudonymous and anonymous personas are never named.
		for (const hidden of ['Yanis (démo)', 'Sophie (démo)', 'Nadia (démo)']) expect(names.has(hidden)).toBe(false);
	});

	it('dates its deliverables during the event (September 2018), not on the day it was seeded', () => {
		const dates = t.app.db.prepare('SELECT published_at FROM deliverable_versions').pluck().all() as string[];
		expect(dates.length).toBeGreaterThan(0);
		for (const at of dates) expect(at >= '2018-09-13T00:00' && at < '2018-09-15T00:00', at).toBe(true);
	});

	it('gives the grid a second version whose change shows', () => {
		const grid = t.app.deliverables.listPublished({ editionId }).find((d) => d.title.startsWith('Grille'))!;
		expect(t.app.deliverables.getPublished(grid.id).versions.map((v) => v.version)).toEqual([2, 1]);
		const diff = t.app.deliverables.diffVersions(grid.id, 1, 2);
		expect(diff.changed).toEqual({ title: false, summary: false, licence: false, content: true });
		expect(diff.parts.filter((p) => p.kind === 'added').map((p) => p.text).join('')).toContain('Comment utiliser la grille');
		expect(t.app.deliverables.getPublished(grid.id, 1).markdown).not.toContain('Comment utiliser la grille');
		expect(t.app.deliverables.getPublished(grid.id).markdown).toContain('## Réponses aux questions opérationnelles\n');
	});

	it('has non-zero key figures', () => {
		const figures = t.app.archive.figures(editionId);
		expect(figures).toMatchObject({ workshops: demoWorkshops.length, pads: demoPads.length, deliverables: 3, files: 1 });
		expect(figures.words).toBeGreaterThan(900);
		expect(figures.contributors).toBeGreaterThanOrEqual(demoPersonas.length);
		const communs = figures.byTheme.find((th) => th.label === '#communs')!;
		expect(communs.deliverables).toBeGreaterThan(0);
		expect(communs.words).toBeGreaterThan(0);
	});

	it('has chat messages, one of them a reply, written before seeding returns, each under its author’s credit choice', () => {
		const camille = demoViewer(t.app, 'Camille (démo)');
		const chat = t.app.chat.open(camille, workshopIdOf(t.app, 'Identifier les ressources'));
		const messages = chat.entries.filter((e) => !isTombstone(e));
		expect(messages.map((m) => 'authorName' in m && m.authorName)).toEqual(['Camille (démo)', 'contributeur anonyme', 'so_communs', 'Louis (démo)']);
		const reply = messages.find((m) => 'replyTo' in m && m.replyTo);
		expect(reply && 'replyTo' in reply && reply.replyTo).toBe(messages[1]!.id);
		// Stored already: the seed does not leave the group commit pending.
		expect(count(t.app, 'doc_updates', "room LIKE 'chat:%'")).toBeGreaterThanOrEqual(3);
		expect(t.app.db.prepare("SELECT count(DISTINCT room) FROM doc_updates WHERE room LIKE 'chat:%'").pluck().get()).toBe(3);
	});

	it('shares the cited resources as a Markdown file in the tiers-lieux drive', () => {
		const yanis = demoViewer(t.app, 'Yanis (démo)');
		const drive = t.app.files.list(yanis, workshopIdOf(t.app, 'Ouvrir un tiers-lieu sans copier-coller'));
		expect(drive.files).toHaveLength(1);
		expect(drive.files[0]).toMatchObject({ name: 'ressources-citees.md' });
		expect(drive.files[0]!.size).toBeGreaterThan(300);
	});

	it('publishes proceedings whose syntheses quote the demo deliverables, for readers without an account', () => {
		const read = t.app.proceedings.read(null, editionId);
		expect(read.version).toBe(1);
		expect(read.syntheses.map((s) => s.themeLabel)).toEqual(['#lieux', '#communs']);
		for (const s of read.syntheses) {
			// Each synthesis quotes two passages, placed in its text, linked to their deliverable's version and section.
			expect(s.html.match(/<blockquote class="citation"/g)).toHaveLength(2);
			expect(s.html).toMatch(/href="\/archive\/[a-z2-7]+\/deliverables\/[a-z2-7]+\/v\/\d+#h\d+-/);
			expect(s.html.indexOf('<blockquote')).toBeGreaterThan(s.html.indexOf('Points de convergence'));
		}
		expect(read.syntheses.flatMap((s) => s.links.map((l) => l.url))).toEqual(expect.arrayContaining(['https://numerique-en-commun.fr/', 'http://u.osmfr.org/m/179564/']));
		// Written as live documents: their text is in the synthesis rooms' stored history.
		expect(t.app.db.prepare("SELECT count(DISTINCT room) FROM doc_updates WHERE room LIKE 'synthesis:%'").pluck().get()).toBe(2);
	});

	it('seeds nothing at all when a step fails', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'medialab-demo-'));
		// A drive too small for the shared file makes the upload, late in the seed, fail.
		const app = createApp({ db: openDatabase(':memory:'), drive: { dataDir: dir, limits: { uploadMaxBytes: 64, workshopQuotaBytes: 1024 } } });
		await expectAppError(() => seedDemo(app), 'too_large');
		for (const table of ['editions', 'workshops', 'users', 'pads', 'doc_updates', 'files']) expect(count(app, table), table).toBe(0);
		fs.rmSync(dir, { recursive: true, force: true });
	});
});
