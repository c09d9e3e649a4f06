// Data for real-time tests: an edition, a workshop, a pad, and people with sessions.
import type { App } from '../../../server/app';
import type { Viewer } from '../../../server/domain/types';

/** `workspacePublic` (the organiser opening closed workshops' pads to readers) follows `workshopClosed` unless given. */
export async function padScenario(app: App, options: { status?: 'published' | 'draft'; workshopClosed?: boolean; workspacePublic?: boolean } = {}) {
	const organiser = await app.accounts.signUp({ username: `org${Math.random().toString(36).slice(2, 8)}`, displayName: 'Alice', password: 'correct horse battery' });
	const edition = app.editions.create(organiser, { title: 'NEC test', startsOn: '2018-09-13', endsOn: '2018-09-14' });
	if (options.workspacePublic ?? options.workshopClosed === true) app.editions.setSharing(organiser, edition.id, { workspacePublic: 'on' });
	if (options.status === 'published') app.editions.setStatus(organiser, edition.id, { status: 'published' });
	const workshopId = app.workshops.create(organiser, edition.id, {
		title: 'Produire des communs',
		format: 'atelier-contributif',
		startsAt: '2018-09-13T09:00',
		endsAt: '2018-09-13T10:00',
		statusOverride: options.workshopClosed ? 'closed' : 'live'
	});
	const pad = app.pads.create(organiser, workshopId, { title: 'Notes' });
	const guest = (name: string): Viewer => {
		const g = app.accounts.createGuest({ displayName: name });
		app.workshops.join(g, app.workshops.get(organiser, workshopId).joinCode!);
		return g;
	};
	const tokenOf = (viewer: Viewer) => app.sessions.create(viewer.id, viewer.isGuest).token;
	return { organiser, edition, workshopId, pad, room: `pad:${pad.id}`, guest, tokenOf };
}
