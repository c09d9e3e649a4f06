// A published edition with a theme, two published deliverables with headings, and a facilitator to write the synthesis.
import type { App } from '../../../server/app';
import { deliverableScenario, writeParagraph } from '../deliverables/deliverable-fixtures';
import { writeHeading } from './heading-writer';

export { writeHeading };

export async function proceedingsScenario(app: App) {
	const s = await deliverableScenario(app);
	writeHeading(app, s.pad.id, s.alice.id, 'Constats');
	writeParagraph(app, s.pad.id, s.alice.id, 'Les communs numériques manquent de contributeurs réguliers.');
	writeHeading(app, s.pad.id, s.bob.id, 'Propositions');
	writeParagraph(app, s.pad.id, s.bob.id, 'Créer une grille pour identifier les communs du territoire.');
	const first = app.deliverables.create(s.facilitator, s.workshopId, { padId: s.pad.id, title: 'Grille des communs', themeIds: [s.themeId], licence: 'CC-BY-SA-4.0' });
	await app.deliverables.publish(s.facilitator, first);
	const pad2 = app.pads.create(s.facilitator, s.workshopId, { title: 'Restitution' });
	writeHeading(app, pad2.id, s.alice.id, 'Divergences');
	writeParagraph(app, pad2.id, s.alice.id, 'Certains veulent une licence unique, d’autres non.');
	const second = app.deliverables.create(s.facilitator, s.workshopId, { padId: pad2.id, title: 'Restitution plénière', themeIds: [s.themeId] });
	await app.deliverables.publish(s.facilitator, second);
	return { ...s, first, second, pad2 };
}
