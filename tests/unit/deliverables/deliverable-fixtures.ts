// A workshop with a facilitator, two participants and a pad, and a way to write in the pad through its real-time room.
import type { App } from '../../../server/app';
import type { Viewer } from '../../../server/domain/types';
import { createAccount, createEdition, createGuest, createWorkshop, joinCodeOf, type EditionOverrides } from '../factories';

export { writeParagraph } from './pad-writer';

export async function deliverableScenario(app: App, options: { edition?: EditionOverrides; workshop?: Record<string, string> } = {}) {
	const organiser = await createAccount(app, 'organiser');
	const edition = createEdition(app, organiser, { status: 'published', ...options.edition });
	const themeId = app.structure.addTheme(organiser, edition.id, { label: 'communs' });
	const facilitator = await createAccount(app, 'fanny');
	app.members.acceptInvite(facilitator, app.members.createInvite(organiser, edition.id, { role: 'facilitator' }).token);
	const workshopId = createWorkshop(app, organiser, edition.id, { facilitatorIds: [facilitator.id], themeIds: [themeId], ...options.workshop });
	const join = (viewer: Viewer) => app.workshops.join(viewer, joinCodeOf(app, workshopId));
	const alice = await createAccount(app, 'alice');
	join(alice);
	const bob = createGuest(app, 'Bob le guest');
	join(bob);
	const pad = app.pads.create(facilitator, workshopId, { title: 'Notes de l’atelier' });
	return { organiser, edition, themeId, facilitator, workshopId, alice, bob, pad, join };
}
