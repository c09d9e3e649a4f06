// A published edition with one published deliverable written by two people who chose different credits.
import type { App } from '../../../server/app';
import { exportLabels } from '../../../src/lib/components/archive/export-labels';
import { deliverableScenario, writeParagraph } from '../deliverables/deliverable-fixtures';

export const ORIGIN = 'https://medialab.example';
export const labelsFr = exportLabels('fr');

export async function publishedArchive(app: App) {
	const s = await deliverableScenario(app);
	writeParagraph(app, s.pad.id, s.alice.id, 'Une grille pour identifier les communs numériques du territoire.');
	writeParagraph(app, s.pad.id, s.bob.id, 'Trois questions : puis-je contribuer ? est-ce dans mon intérêt ? est-ce important pour mon écosystème ?');
	await app.credits.setChoice(s.alice, s.edition.id, { mode: 'pseudonym', pseudonym: 'alice_communs' });
	await app.credits.setChoice(s.bob, s.edition.id, { mode: 'anonymous' });
	const deliverableId = app.deliverables.create(s.facilitator, s.workshopId, {
		padId: s.pad.id,
		title: 'Grille d’identification des communs',
		summary: 'Trois questions pour savoir si l’on peut contribuer.',
		themeIds: [s.themeId],
		licence: 'CC-BY-SA-4.0'
	});
	await app.deliverables.publish(s.facilitator, deliverableId);
	return { ...s, deliverableId };
}
