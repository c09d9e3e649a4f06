// Story: someone without an account looks around the published demo edition. They read its programme, workshops and
// published deliverables; the workshops' live pads, histories, versions, exports, chats and drives answer 404.
import { expect, test } from './fixtures';

test('a reader without an account gets 404 for the demo edition’s live workspace, and 200 for what is published', async ({ app, request }) => {
	const edition = app.editions.listPublished()[0]!;
	const pads = app.db
		.prepare<[string], { id: string; workshop_id: string }>('SELECT p.id, p.workshop_id FROM pads p JOIN workshops w ON w.id = p.workshop_id WHERE w.edition_id = ? AND p.deleted_at IS NULL')
		.all(edition.id);
	expect(pads.length).toBeGreaterThan(0);
	const file = app.db
		.prepare<[string], { id: string; workshop_id: string }>('SELECT f.id, f.workshop_id FROM files f JOIN workshops w ON w.id = f.workshop_id WHERE w.edition_id = ?')
		.get(edition.id)!;

	expect((await request.get(`/editions/${edition.id}`)).status()).toBe(200);
	expect((await request.get(`/archive/${edition.id}`)).status()).toBe(200);
	for (const pad of pads) {
		const workshop = `/editions/${edition.id}/workshops/${pad.workshop_id}`;
		const base = `${workshop}/pads/${pad.id}`;
		const version = (await app.padDocuments.history(pad.id)).versions[0]?.id ?? 1;
		expect((await request.get(workshop)).status(), workshop).toBe(200);
		for (const url of [
			base,
			`${base}/history`,
			`${base}/history?version=${version}`,
			`${base}/export?format=md`,
			`${base}/export?format=html`,
			`${base}/export?format=print`,
			`${workshop}/pads`,
			`${workshop}/chat`,
			`${workshop}/chat/history`,
			`${workshop}/drive`
		]) {
			expect((await request.get(url, { maxRedirects: 0 })).status(), url).toBe(404);
		}
	}
	// the shared file is not shown by a published deliverable: only the workshop's members may download it
	if (app.deliverables.showsFile(file.id)) test.info().annotations.push({ type: 'note', description: 'demo file is public through a deliverable' });
	else expect((await request.get(`/files/${file.id}`)).status()).toBe(404);
});
