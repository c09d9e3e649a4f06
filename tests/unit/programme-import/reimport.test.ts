import { beforeEach, describe, expect, it } from 'vitest';
import type { EditionRow } from '../../../server/domain/editions/editions.repo';
import type { Viewer } from '../../../server/domain/types';
import { count, createAccount, createEdition, createTestApp, expectAppError, type TestApp } from '../factories';
import { fixture, laterVersion } from './fixtures';
import { errorText } from '$lib/server/error-text';

describe('programme import: preview, apply, re-import', () => {
	let t: TestApp;
	let orga: Viewer;
	let edition: EditionRow;
	const xml = fixture('pretalx-dialect.xml');
	beforeEach(async () => {
		t = createTestApp();
		orga = await createAccount(t.app, 'olivia');
		edition = createEdition(t.app, orga, { startsOn: '2026-10-08', endsOn: '2026-10-09' });
	});
	const importer = () => t.app.programmeImport;
	const prepareAndPreview = (text: string) => importer().preview(orga, edition.id, importer().prepare(orga, edition.id, text));
	const byTitle = () => new Map(t.app.workshops.programme(orga, edition.id).workshops.map((w) => [w.title, w]));

	it('previews everything as new, writes nothing until applied, then creates workshops, rooms and tracks', async () => {
		const preview = prepareAndPreview(xml);
		expect(preview.plan.counts).toEqual({ added: 4, updated: 0, unchanged: 0, cancelled: 0 });
		expect(preview.source).toEqual({ kind: 'frab-xml', version: '0.7', title: 'Numérique en Commun[s] 2026', sessions: 4 });
		expect(preview.types).toEqual([
			{ type: 'Keynote', count: 1, format: 'pleniere', remembered: false },
			{ type: 'Workshop', count: 2, format: 'atelier-contributif', remembered: false },
			{ type: 'Hackathon', count: 1, format: 'sprint', remembered: false }
		]);
		expect(preview.report.map((r) => r.reason)).toEqual(['duplicateId']);
		expect(count(t.app, 'workshops')).toBe(0);

		const summary = importer().apply(orga, edition.id, preview.draftId, { Hackathon: 'atelier-contributif' });
		expect(summary).toEqual({ added: 4, updated: 0, cancelled: 0, unchanged: 0, rooms: 2, tracks: 2 });
		const w = byTitle();
		expect(w.get("Ouverture : le numérique d'intérêt général & ses communs")).toMatchObject({ format: 'pleniere', room: { name: 'Grand amphi' }, track: { title: 'Communs' }, speakers: 'Camille Martin, Sacha Durand', startsAt: '2026-10-08T09:30' });
		expect(w.get('Nuit du code ouvert')).toMatchObject({ format: 'atelier-contributif', startsAt: '2026-10-08T23:30', endsAt: '2026-10-09T01:00' });
		expect(w.get('Sprint de documentation sur deux jours')).toMatchObject({ startsAt: '2026-10-09T10:00', endsAt: '2026-10-10T16:00' });
		expect(count(t.app, 'workshop_sources')).toBe(4);
		// The draft is consumed: applying twice is refused rather than importing twice.
		await expectAppError(() => importer().apply(orga, edition.id, preview.draftId), 'not_found');
	});

	it('re-imports the same file as all unchanged, and remembers the confirmed formats', async () => {
		importer().apply(orga, edition.id, prepareAndPreview(xml).draftId, { Hackathon: 'forum' });
		const before = t.app.db.prepare('SELECT id, updated_at FROM workshops ORDER BY id').all();
		const again = prepareAndPreview(xml);
		expect(again.plan.counts).toEqual({ added: 0, updated: 0, unchanged: 4, cancelled: 0 });
		expect(again.types.find((x) => x.type === 'Hackathon')).toEqual({ type: 'Hackathon', count: 1, format: 'forum', remembered: true });
		t.advance(60_000);
		expect(importer().apply(orga, edition.id, again.draftId)).toMatchObject({ added: 0, updated: 0, unchanged: 4, cancelled: 0, rooms: 0, tracks: 0 });
		expect(t.app.db.prepare('SELECT id, updated_at FROM workshops ORDER BY id').all()).toEqual(before);
	});

	it('applies a changed copy in place: only the changes appear, ids, pads and join codes stay, a vanished session is cancelled', async () => {
		importer().apply(orga, edition.id, prepareAndPreview(xml).draftId);
		const first = byTitle();
		const atelier = first.get('Cartographier les lieux de médiation')!;
		const pad = t.app.pads.create(orga, atelier.id, { title: 'Notes' });
		const joinCode = t.app.db.prepare('SELECT join_code FROM workshops WHERE id = ?').pluck().get(atelier.id);

		const preview = prepareAndPreview(laterVersion(xml));
		expect(preview.plan.counts).toEqual({ added: 0, updated: 2, unchanged: 1, cancelled: 1 });
		const changed = preview.plan.changes.filter((c) => c.kind !== 'unchanged').map((c) => (c.kind === 'updated' ? [c.kind, c.session.ref, c.fields] : c.kind === 'cancelled' ? [c.kind, c.ref, c.before.title] : [c.kind]));
		expect(changed).toEqual([
			['updated', '101', ['title']],
			['updated', '102', ['slot', 'room']],
			['cancelled', '103', 'Nuit du code ouvert']
		]);

		const summary = importer().apply(orga, edition.id, preview.draftId);
		expect(summary).toEqual({ added: 0, updated: 2, cancelled: 1, unchanged: 1, rooms: 1, tracks: 0 });
		const after = byTitle();
		expect(after.get('Cartographier les lieux de médiation')).toMatchObject({ id: atelier.id, startsAt: '2026-10-08T14:00', room: { name: 'Salle 3' } });
		expect(after.get("Ouverture officielle : le numérique d'intérêt général & ses communs")!.id).toBe(first.get("Ouverture : le numérique d'intérêt général & ses communs")!.id);
		expect(t.app.pads.list(orga, atelier.id).map((p) => p.id)).toEqual([pad.id]);
		expect(t.app.db.prepare('SELECT join_code FROM workshops WHERE id = ?').pluck().get(atelier.id)).toBe(joinCode);
		// Cancelled, not deleted.
		expect(after.get('Nuit du code ouvert')).toMatchObject({ cancelled: true });
		expect(t.app.db.prepare('SELECT schedule_version FROM workshop_sources WHERE workshop_id = ?').pluck().get(atelier.id)).toBe('0.8');

		// The session comes back in a later version: restored in place.
		const back = prepareAndPreview(xml);
		const restored = back.plan.changes.find((c) => c.kind === 'updated' && c.session.ref === '103');
		expect(restored && restored.kind === 'updated' ? restored.fields : null).toEqual(['restored']);
		importer().apply(orga, edition.id, back.draftId);
		expect(byTitle().get('Nuit du code ouvert')).toMatchObject({ id: first.get('Nuit du code ouvert')!.id, cancelled: false });
	});

	it('matches a session by its id when a later file adds GUIDs (pentabarf to frab)', async () => {
		const old = fixture('pentabarf-dialect.xml');
		importer().apply(orga, edition.id, prepareAndPreview(old).draftId);
		const withGuid = old.replace('<event id="2997">', '<event id="2997" guid="0b7e0a52-1111-4c6b-9f00-000000002997">');
		const preview = prepareAndPreview(withGuid);
		expect(preview.plan.counts).toEqual({ added: 0, updated: 0, unchanged: 3, cancelled: 0 });
		importer().apply(orga, edition.id, preview.draftId);
		expect(t.app.db.prepare("SELECT count(*) FROM workshop_sources WHERE source_key LIKE 'guid:%'").pluck().get()).toBe(1);
	});

	it('leaves workshops made by hand alone and writes nothing when the file is wrong or the mapping invalid', async () => {
		t.app.workshops.create(orga, edition.id, { title: 'Atelier maison', format: 'forum', startsAt: '2026-10-08T09:00', endsAt: '2026-10-08T10:00' });
		await expectAppError(() => importer().prepare(orga, edition.id, '<schedule><day></schedule>'), 'invalid');
		const preview = prepareAndPreview(xml);
		await expectAppError(() => importer().apply(orga, edition.id, preview.draftId, { Keynote: 'karaoke' }), 'invalid');
		expect(count(t.app, 'workshops')).toBe(1);
		importer().apply(orga, edition.id, preview.draftId);
		const again = prepareAndPreview('title,format,day,start,end\nAtelier CSV,forum,2026-10-08,15:00,16:00');
		// The CSV is another source of this edition: the XML's sessions it lacks are cancelled, the hand-made workshop is not.
		expect(again.plan.counts).toEqual({ added: 1, updated: 0, unchanged: 0, cancelled: 4 });
	});

	it('writes nothing at all when the database refuses one session halfway through', async () => {
		const draft = importer().prepare(orga, edition.id, xml);
		// A draft altered behind the parser's back: its last session ends before it starts, which SQLite refuses.
		const row = t.app.db.prepare('SELECT document FROM programme_import_drafts WHERE id = ?').pluck().get(draft) as string;
		const doc = JSON.parse(row);
		doc.sessions.at(-1).endsAt = '2026-10-01T00:00';
		t.app.db.prepare('UPDATE programme_import_drafts SET document = ? WHERE id = ?').run(JSON.stringify(doc), draft);
		const tables = ['workshops', 'rooms', 'tracks', 'workshop_sources', 'programme_import_formats', 'outbox'];
		const before = tables.map((table) => count(t.app, table));
		expect(() => importer().apply(orga, edition.id, draft)).toThrow(/CHECK constraint/);
		expect(tables.map((table) => count(t.app, table))).toEqual(before);
		expect(before.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
		expect(count(t.app, 'programme_import_drafts')).toBe(1);
	});

	it('refuses a file where no session can be read rather than cancel every imported workshop', async () => {
		importer().apply(orga, edition.id, importer().prepare(orga, edition.id, xml));
		const onlyCancelled = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:z@x\r\nDTSTAMP:20260901T000000Z\r\nDTSTART:20261008T100000Z\r\nDTEND:20261008T110000Z\r\nSTATUS:CANCELLED\r\nSUMMARY:Annulée\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
		const e = await expectAppError(() => importer().prepare(orga, edition.id, onlyCancelled), 'invalid');
		expect(e.fields).toEqual({ source: 'noSession' });
		expect(errorText(e, 'en')).toContain('z@x « Annulée »: cancelledInSource');
		expect((await expectAppError(() => importer().prepare(orga, edition.id, '<schedule>\n<day>\n</schedule>'), 'invalid')).fields).toEqual({ source: 'xmlNotWellFormed' });
		expect((await expectAppError(() => importer().prepare(orga, edition.id, 'title,format\nx,y'), 'invalid')).fields).toEqual({ source: 'csvRows' });
	});

	it('is for organisers only', async () => {
		const bob = await createAccount(t.app, 'bob');
		await expectAppError(() => importer().prepare(null, edition.id, xml), 'not_found');
		t.app.editions.setStatus(orga, edition.id, { status: 'published' });
		await expectAppError(() => importer().prepare(null, edition.id, xml), 'unauthenticated');
		await expectAppError(() => importer().prepare(bob, edition.id, xml), 'forbidden');
		const draft = importer().prepare(orga, edition.id, xml);
		await expectAppError(() => importer().apply(bob, edition.id, draft), 'forbidden');
		expect(count(t.app, 'workshops')).toBe(0);
	});
});
