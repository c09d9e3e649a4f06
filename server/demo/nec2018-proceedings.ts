// The demo edition's proceedings: two short syntheses (after the 2018 proceedings' « communs » and « lieux » pages) quoting its deliverables, published once.
import type { App } from '../app';
import type { Viewer } from '../domain/types';
import type { ResourceKind } from '../shared/proceedings-schemas';

/** A passage to quote: the section of a published demo deliverable, its first sentence. */
type DemoQuote = { deliverable: string; heading: string };
type DemoLink = { title: string; url: string; kind: ResourceKind; licence?: string };
/** `markdown`: `{cite:N}` on its own line stands for the N-th quote. */
type DemoSynthesis = { theme: string; title: string; quotes: DemoQuote[]; markdown: string; links: DemoLink[] };

export const demoSyntheses: DemoSynthesis[] = [
	{
		theme: '#communs',
		title: 'Écrire un cadre pour créer et utiliser les communs numériques',
		quotes: [
			{ deliverable: 'Grille d’identification des communs numériques', heading: 'Points de convergence' },
			{ deliverable: 'Grille d’identification des communs numériques', heading: 'Points de divergence' }
		],
		markdown: `## Le débat

De plus en plus présente dans le discours public, la notion de « communs » traduit une volonté d’ouverture et de mutualisation. Reste à partager un cadre clair pour créer, protéger et utiliser ces ressources administrées collectivement, et à dire quelle place y prennent l’État et les collectivités.

## Points de convergence

Ce n’est pas la ressource qui fait le commun, c’est la communauté qui la porte. Les participants du parcours « Communs numériques » le redisent à partir de leur grille :

{cite:0}

## Points de divergence

Le rôle des acteurs publics partage la salle :

{cite:1}

## Questions ouvertes

- Comment reconnaître le temps qu’un agent public donne à un commun ?
- Une ressource financée par de l’argent public doit-elle devenir un commun ?
`,
		links: [{ title: 'Numérique en Commun[s] : ressources et suites de l’événement', url: 'https://numerique-en-commun.fr/', kind: 'website' }]
	},
	{
		theme: '#lieux',
		title: 'Des lieux pour faire ensemble',
		quotes: [
			{ deliverable: 'Ouvrir un tiers-lieu : les questions à se poser', heading: 'Points de convergence' },
			{ deliverable: 'Initiatives des territoires à reprendre chez soi', heading: 'Ce qui peut être repris ailleurs' }
		],
		markdown: `## Le débat

Tiers-lieux, fablabs, espaces publics numériques : chaque lieu invente sa définition à partir des activités et des compétences qu’il réunit. Le point commun reste le collectif.

## Points de convergence

{cite:0}

## Initiatives citées

Les initiatives de la scène ouverte montrent ce qui voyage d’un territoire à l’autre :

{cite:1}

## Questions ouvertes

- À qui appartient la valeur créée par les coopérations d’un lieu ?
`,
		links: [{ title: 'Cartographie des acteurs signataires de la charte', url: 'http://u.osmfr.org/m/179564/', kind: 'dataset', licence: 'ODbL' }]
	}
];

export const demoIntroduction = `Deux journées à Nantes pour réfléchir ensemble à un numérique qui profite à toutes et à tous. Ces actes rassemblent, thème par thème, la synthèse des débats, les livrables publiés pendant l’événement et les liens pour aller plus loin.`;

const firstSentence = (text: string) => (/^[\s\S]*?[.!?](?=\s|$)/.exec(text.trim())?.[0] ?? text.trim()).slice(0, 600);

/** Writes the syntheses as the team, quoting the published deliverables, then publishes version 1 of the proceedings. */
export function seedProceedings(app: App, editionId: string, team: Viewer, themeIds: Map<string, string>): void {
	for (const s of demoSyntheses) {
		const synthesisId = app.syntheses.open(team, editionId, themeIds.get(s.theme)!);
		const sources = app.syntheses.sources(team, synthesisId);
		const citations = s.quotes.map((q) => {
			const source = sources.find((d) => d.title === q.deliverable);
			const section = source?.sections.find((x) => x.heading === q.heading);
			if (!source || !section) throw new Error(`demo proceedings quote an unknown passage: ${q.deliverable} / ${q.heading}`);
			return app.syntheses.cite(team, synthesisId, { deliverableId: source.id, version: source.version, anchor: section.anchor, quotedText: firstSentence(section.text) });
		});
		// The citations went to the end of the text; the finished text places each one where it belongs.
		const markdown = s.markdown.replace(/^\{cite:(\d+)\}$/gm, (_, n: string) => `[[cite:${citations[Number(n)]}]]`);
		app.syntheses.save(team, synthesisId, { title: s.title, markdown });
		for (const link of s.links) app.syntheses.addLink(team, editionId, { ...link, targetKind: 'synthesis', targetId: synthesisId });
	}
	app.proceedings.saveDraft(team, editionId, { introduction: demoIntroduction, licence: 'etalab-2.0', texts: '', photos: '', illustrations: '', design: '' });
	app.proceedings.publish(team, editionId);
}
