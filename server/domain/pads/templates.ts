// Documentation templates facilitators start a pad from: one per session format, sections as headings with a prompt.
import type { WorkshopFormat } from '../../shared/vocabulary';

export type PadTemplate = { key: string; sections: { heading: string; prompt: string }[] };

const section = (heading: string, prompt: string) => ({ heading, prompt });

export const padTemplates: PadTemplate[] = [
	{
		key: 'atelier-contributif',
		sections: [
			section('Contexte', 'Le sujet de l’atelier, la question posée, pourquoi elle compte aujourd’hui.'),
			section('Participants', 'Qui est là : structures, territoires, métiers (sans données personnelles sans accord).'),
			section('Points de convergence', 'Ce sur quoi le groupe s’accorde.'),
			section('Points de divergence', 'Les désaccords, et les raisons de chacun.'),
			section('Initiatives citées', 'Projets de collectivités ou d’associations évoqués, avec un lien si possible.'),
			section('Réponses aux questions opérationnelles', '« Comment faire concrètement ? » : les réponses trouvées ensemble.'),
			section('En savoir +', 'Liens, documents, ressources à partager.'),
			section('Livrables', 'Ce que l’atelier produit : grille, liste, fiche, panorama…'),
			section('Prochaines étapes', 'Qui fait quoi, et quand.')
		]
	},
	{
		key: 'regards-croises',
		sections: [
			section('Intervenant·es et points de vue', 'Qui parle, d’où, et avec quel regard.'),
			section('Questions posées', 'Les questions de l’animation et de la salle.'),
			section('Points de convergence', 'Là où les regards se rejoignent.'),
			section('Points de divergence', 'Là où ils s’opposent, et pourquoi.'),
			section('Ce que retient la salle', 'Les idées à emporter.'),
			section('En savoir +', 'Liens et ressources citées.')
		]
	},
	{
		key: 'scene-ouverte',
		sections: [
			section('Initiatives présentées', 'Pour chacune : nom, territoire, porteur, en une phrase.'),
			section('Ce qui peut être repris ailleurs', 'Les idées transposables dans d’autres territoires.'),
			section('Contacts et liens', 'Sites, documents, contacts publics des porteurs.')
		]
	},
	{
		key: 'masterclass',
		sections: [
			section('Objectifs d’apprentissage', 'À la fin de la séance, les participants sauront…'),
			section('Notions clés', 'Les définitions et repères essentiels.'),
			section('Exemples', 'Cas concrets présentés.'),
			section('Questions de la salle', 'Les questions et leurs réponses.'),
			section('Ressources', 'Pour aller plus loin.'),
			section('Ce que je retiens', 'Trois idées à garder.')
		]
	},
	{
		key: 'notes',
		sections: [
			section('Contexte', 'De quoi parle-t-on ?'),
			section('Notes', 'Ce qui se dit, au fil de la séance.'),
			section('Idées et décisions', 'Ce qui ressort.'),
			section('En savoir +', 'Liens et ressources.'),
			section('Prochaines étapes', 'Qui fait quoi, et quand.')
		]
	}
];

export const templateKeys = ['blank', ...padTemplates.map((t) => t.key)] as const;

/** The template a workshop's format suggests by default. */
export function defaultTemplateFor(format: WorkshopFormat): string {
	return padTemplates.some((t) => t.key === format) ? format : 'notes';
}

/** A template as a ProseMirror document (the pad schema): a level-2 heading and an italic prompt per section. */
export function templateDocument(key: string): { type: 'doc'; content: unknown[] } | null {
	const template = padTemplates.find((t) => t.key === key);
	if (!template) return null;
	return {
		type: 'doc',
		content: template.sections.flatMap((s) => [
			{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: s.heading }] },
			{ type: 'paragraph', content: [{ type: 'text', text: s.prompt, marks: [{ type: 'italic' }] }] }
		])
	};
}
