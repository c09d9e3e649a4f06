// The projected wall: members-only by default, public on the organiser's choice with only what anonymous readers may read.
import { describe, expect, it } from 'vitest';
import { latestLines } from '../../../server/domain/desk/wall.service';
import { createAccount, createEdition, createTestApp, createWorkshop, expectAppError } from '../factories';

describe('the wall', () => {
	it('is for the edition’s people unless public; a public wall shows no live lines and no join code', async () => {
		const { app } = createTestApp();
		const organiser = await createAccount(app, 'olga');
		const reader = await createAccount(app, 'rita');
		const edition = createEdition(app, organiser, { status: 'published' });
		// 10:00 in Nantes: this workshop is live.
		const workshopId = createWorkshop(app, organiser, edition.id, { title: 'En cours', startsAt: '2018-09-13T09:30', endsAt: '2018-09-13T11:00' });
		createWorkshop(app, organiser, edition.id, { title: 'Plus tard', startsAt: '2018-09-13T14:00', endsAt: '2018-09-13T15:00' });
		app.pads.create(organiser, workshopId, { title: 'Notes' });

		const members = await app.wall.view(organiser, edition.id);
		expect(members.live.map((w) => w.title)).toEqual(['En cours']);
		expect(members.live[0]!.joinCode).toMatch(/\w+/);
		expect(members.upcoming.map((w) => w.title)).toEqual(['Plus tard']);
		await expectAppError(() => app.wall.view(reader, edition.id), 'not_found');
		await expectAppError(() => app.wall.view(null, edition.id), 'not_found');

		app.deskSettings.update(organiser, edition.id, { emptyPadMinutes: '5', wallPublic: 'on' });
		const open = await app.wall.view(null, edition.id);
		expect(open.public).toBe(true);
		expect(open.live[0]).toMatchObject({ title: 'En cours', joinCode: null, lines: [] });
		await expectAppError(() => app.deskSettings.update(reader, edition.id, { emptyPadMinutes: '5' }), 'forbidden');
	});

	it('shows the last lines of a pad without Markdown markup', () => {
		const doc = {
			type: 'doc' as const,
			content: [
				{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Idées' }] },
				{ type: 'bulletList', content: [1, 2, 3, 4].map((n) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Idée ${n}` }] }] })) }
			]
		};
		expect(latestLines(doc, 3)).toEqual(['Idée 2', 'Idée 3', 'Idée 4']);
	});
});
