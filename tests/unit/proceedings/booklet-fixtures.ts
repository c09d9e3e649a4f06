// A published proceedings version with a synthesis that uses most of Markdown (nesting, quotes, code), a quote and a link.
import type { ProceedingsView } from '../../../server/shared/proceedings-views';
import { createTestApp } from '../factories';
import { proceedingsScenario } from './proceedings-fixtures';

export const RICH_MARKDOWN = [
	'## Convergences',
	'',
	'Tous veulent une **grille** *partagée* & `ouverte`.<br>',
	'',
	'- un',
	'  - un et demi',
	'- deux',
	'',
	'> Une voix : « pas de licence unique ».',
	'',
	'```',
	'a < b',
	'```',
	'',
	'Voir [le wiki](https://example.org/wiki?x=1&y=2) et [la page](/archive).'
].join('\n');

/** `bare`: no synthesis, no introduction, no link: the smallest booklet (deliverables, figures, colophon). */
export async function publishedBooklet(links: string[] = ['https://example.org/v?a=1&b=2'], bare = false): Promise<ProceedingsView> {
	const { app } = createTestApp();
	const s = await proceedingsScenario(app);
	if (bare) {
		app.proceedings.publish(s.organiser, s.edition.id);
		return app.proceedings.read(null, s.edition.id, undefined, 'en');
	}
	const synthesisId = app.syntheses.open(s.facilitator, s.edition.id, s.themeId);
	app.syntheses.save(s.facilitator, synthesisId, { title: 'Les communs & nous', markdown: RICH_MARKDOWN });
	app.syntheses.cite(s.facilitator, synthesisId, { deliverableId: s.second, version: 1, anchor: 'h1-divergences', quotedText: 'Certains veulent une licence unique' });
	for (const url of links) app.syntheses.addLink(s.facilitator, s.edition.id, { targetKind: 'workshop', targetId: s.workshopId, title: 'Vidéo « communs »', url, kind: 'video' });
	app.proceedings.saveDraft(s.organiser, s.edition.id, { introduction: 'Deux jours.', licence: 'CC-BY-4.0', design: 'Dana Design' });
	app.proceedings.publish(s.organiser, s.edition.id);
	return app.proceedings.read(null, s.edition.id);
}
