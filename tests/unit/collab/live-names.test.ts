// The name a page hands its real-time client (shown on the person's caret and in the list of people present) is
// the one they chose to be credited by in the edition, as it is today.
import { afterEach, describe, expect, it } from 'vitest';
import { load as padPage } from '../../../src/routes/editions/[editionId]/workshops/[workshopId]/pads/[padId]/+page.server';
import { load as drivePage } from '../../../src/routes/editions/[editionId]/workshops/[workshopId]/drive/+page.server';
import { load as chatPage } from '../../../src/routes/editions/[editionId]/workshops/[workshopId]/chat/+page.server';
import { load as synthesisPage } from '../../../src/routes/editions/[editionId]/proceedings/syntheses/[synthesisId]/+page.server';
import { proceedingsScenario } from '../proceedings/proceedings-fixtures';
import type { Viewer } from '../../../server/domain/types';
import { createTestApp } from '../factories';
import { padScenario } from './realtime-fixtures';

const apps: { app: { rooms: { closeAll(): void } } }[] = [];
afterEach(() => {
	for (const t of apps.splice(0)) t.app.rooms.closeAll();
});

async function workshopWithBob() {
	const t = createTestApp();
	apps.push(t);
	const s = await padScenario(t.app);
	const bob = s.guest('Bob');
	const params = { editionId: s.edition.id, workshopId: s.workshopId, padId: s.pad.id };
	const event = (viewer: Viewer | null) => ({ locals: { app: t.app, viewer, locale: 'fr' } as App.Locals, params }) as never;
	/** The `me` each live page gives its client. */
	const names = async (viewer: Viewer | null) => {
		const pad = (await padPage(event(viewer))) as { me: { name: string } };
		const drive = (await drivePage(event(viewer))) as { me: { name: string } };
		const chat = (await chatPage(event(viewer))) as { me: { name: string } };
		return [pad.me.name, drive.me.name, chat.me.name];
	};
	return { app: t.app, ...s, bob, names };
}

describe('live names follow the credit choice', () => {
	it('gives the pad, drive and chat clients the pseudonym or the anonymous label the person chose, not their account name', async () => {
		const s = await workshopWithBob();
		expect(await s.names(s.bob)).toEqual(['Bob', 'Bob', 'Bob']);

		s.app.credits.setChoice(s.bob, s.edition.id, { mode: 'pseudonym', pseudonym: 'b0b' });
		expect(await s.names(s.bob)).toEqual(['b0b', 'b0b', 'b0b']);

		s.app.credits.setChoice(s.bob, s.edition.id, { mode: 'anonymous' });
		expect(await s.names(s.bob)).toEqual(['contributeur anonyme', 'contributeur anonyme', 'contributeur anonyme']);
	});

	it('follows the choice made for this edition only', async () => {
		const s = await workshopWithBob();
		const other = s.app.editions.create(s.organiser, { title: 'Autre édition', startsOn: '2019-09-13', endsOn: '2019-09-14' });
		s.app.editions.setStatus(s.organiser, other.id, { status: 'published' });
		s.app.credits.setChoice(s.bob, other.id, { mode: 'pseudonym', pseudonym: 'ailleurs' });
		expect(await s.names(s.bob)).toEqual(['Bob', 'Bob', 'Bob']);
		s.app.credits.setChoice(s.organiser, s.edition.id, { mode: 'pseudonym', pseudonym: 'orga' });
		expect(await s.names(s.organiser)).toEqual(['orga', 'orga', 'orga']);
	});

	it('gives the synthesis editor the name its writer chose for the edition', async () => {
		const t = createTestApp();
		apps.push(t);
		const s = await proceedingsScenario(t.app);
		const synthesisId = t.app.syntheses.open(s.facilitator, s.edition.id, s.themeId);
		t.app.credits.setChoice(s.facilitator, s.edition.id, { mode: 'pseudonym', pseudonym: 'F.' });
		const locals = { app: t.app, viewer: s.facilitator, locale: 'fr' } as App.Locals;
		const page = (await synthesisPage({ locals, params: { editionId: s.edition.id, synthesisId }, url: new URL('http://localhost/') } as never)) as { me: { name: string } };
		expect(page.me.name).toBe('F.');
	});
});
