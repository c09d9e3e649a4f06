// Notes taken in the demo edition's pads, section by section, by fictional personas, from what the NEC 2018 proceedings report.
import type { DemoPersonaKey } from './nec2018-people';

/** A paragraph, or a bullet list (one string per item). */
export type DemoBlock = string | string[];
/** Replaces the prompt under a heading of the pad's template; `heading` may also be a new section. */
export type DemoSection = { heading: string; by: DemoPersonaKey; blocks: DemoBlock[] };
export type DemoPad = { key: string; workshop: string; title: string; sections: DemoSection[] };

export const demoPads: DemoPad[] = [
	{
		key: 'grille',
		workshop: 'Identifier les ressources',
		title: 'Notes de l’atelier : identifier les ressources',
		sections: [
			{
				heading: 'Contexte',
				by: 'camille',
				blocks: [
					'Premier atelier du parcours « Communs numériques ». Question de départ : comment savoir si une ressource peut devenir un commun ? Réponse de l’animation : ce n’est pas la ressource qui fait le commun, c’est la communauté qui la porte et la fait vivre.',
					'Tour rapide des méthodes existantes pour repérer des communs : les appels à communs construits à partir de défis, les fonds de dotation, et une matrice qui croise le dynamisme d’une communauté avec l’importance stratégique de la ressource.'
				]
			},
			{
				heading: 'Points de convergence',
				by: 'sophie',
				blocks: [
					'Tout le monde s’accorde sur un point : on ne contribue pas par principe, on contribue quand on y trouve un sens. Les freins cités le plus souvent sont le manque de temps, la peur de mal faire et l’absence de reconnaissance. Les moteurs : résoudre un problème que l’on a soi-même, apprendre, et appartenir à un collectif.',
					['Une ressource sans communauté active reste un simple document partagé.', 'La contribution doit être facile à faire et visible une fois faite.']
				]
			},
			{
				heading: 'Points de divergence',
				by: 'nadia',
				blocks: [
					'Débat sur le rôle des collectivités : certaines veulent financer directement des communs, d’autres préfèrent contribuer en temps d’agents. Pas d’accord non plus sur la question de savoir si une ressource produite avec de l’argent public devient automatiquement un commun.'
				]
			},
			{
				heading: 'Initiatives citées',
				by: 'camille',
				blocks: [['La Fabrique des mobilités et ses appels à communs.', 'Open Law, communauté ouverte autour du droit et du numérique.']]
			},
			{
				heading: 'Livrables',
				by: 'sophie',
				blocks: [
					'Une grille d’identification en trois questions, à se poser avant de contribuer à un commun numérique existant :',
					['Suis-je capable de contribuer ?', 'Ai-je intérêt à contribuer ?', 'Ma contribution a-t-elle un intérêt pour mon écosystème ?'],
					'Si une réponse est non, la grille aide à repérer ce qu’il faudrait changer pour qu’elle devienne oui.'
				]
			}
		]
	},
	{
		key: 'tiers-lieux',
		workshop: 'Ouvrir un tiers-lieu sans copier-coller',
		title: 'Notes partagées : ouvrir un tiers-lieu',
		sections: [
			{
				heading: 'Contexte',
				by: 'yanis',
				blocks: [
					'Un tiers-lieu ne se définit pas, il se vit : chaque lieu invente sa définition à partir des activités et des compétences qu’il réunit. Le point commun reste le collectif, et des lieux de rencontre qui font la part belle à l’intelligence collective.',
					'L’atelier s’appuie sur le cahier d’activités des tiers-lieux, imaginé pendant un sprint de deux jours à Lille. Il est pensé comme un commun : disponible en ligne, améliorable et forkable à souhait.'
				]
			},
			{
				heading: 'Points de convergence',
				by: 'louis',
				blocks: [
					'Avant le bâtiment, il faut un projet qui a du sens pour la communauté accueillie. Les questions à se poser : comment convertir un lieu existant, comment identifier les forces de son lieu ou de sa communauté, quelle gouvernance, quels modèles économiques.',
					['Partir des usages plutôt que des équipements.', 'Associer dès le départ acteurs publics, associations, entreprises et habitants.']
				]
			},
			{
				heading: 'Points de divergence',
				by: 'camille',
				blocks: [
					'À qui appartient la valeur créée par les coopérations, et comment la répartir ? Certains défendent une gouvernance de type SCIC, d’autres craignent qu’elle soit trop lourde pour un petit lieu rural qui démarre.'
				]
			},
			{
				heading: 'Initiatives citées',
				by: 'yanis',
				blocks: [
					[
						'Pop Café (Lille) : un commerce où l’on prend un café, où l’on se forme et où l’on est accompagné dans ses démarches en ligne.',
						'La Quincaillerie (Grand Guéret) : un tiers-lieu d’assemblage local qui lutte contre la fracture numérique avec des aidants et des ateliers ouverts à tous.',
						'La Fabulerie (Marseille) : une collection de dispositifs de médiation culturelle co-conçus avec les publics et mis en commun.'
					]
				]
			},
			{
				heading: 'En savoir +',
				by: 'louis',
				blocks: ['Le cahier d’activités des tiers-lieux et le rapport « Faire ensemble pour mieux vivre ensemble » sur les tiers-lieux et le coworking (liens dans le drive de l’atelier).']
			}
		]
	},
	{
		key: 'regards',
		workshop: 'Lieux, données, communs : les enjeux matériels de la culture numérique',
		title: 'Notes : regards croisés lieux, données, communs',
		sections: [
			{
				heading: 'Intervenant·es et points de vue',
				by: 'nadia',
				blocks: [
					'Une chercheuse en sciences de l’information, un animateur de fablab et une chargée de mission données d’une métropole. Trois regards sur ce que le numérique doit aux lieux physiques et aux infrastructures.'
				]
			},
			{
				heading: 'Questions posées',
				by: 'louis',
				blocks: [['Qui capte nos traces numériques, et pour quoi faire ?', 'Comment leur redonner du sens pour les habitants ?', 'Quelle place pour des lieux partagés face aux grandes plateformes ?']]
			},
			{
				heading: 'Points de convergence',
				by: 'nadia',
				blocks: [
					'Le numérique n’est pas immatériel : il repose sur des câbles, des machines et des lieux. Les espaces de convergence, où l’on fait ensemble pour apprendre, deviennent nécessaires justement parce que tout passe en ligne.'
				]
			},
			{
				heading: 'Points de divergence',
				by: 'louis',
				blocks: [
					'Faut-il ouvrir toutes les données des lieux publics ? L’animateur de fablab y voit un commun à construire, la chargée de mission rappelle les limites fixées par la protection des données personnelles.'
				]
			},
			{
				heading: 'Ce que retient la salle',
				by: 'nadia',
				blocks: ['Penser ensemble lieux, données et communs : un tiers-lieu peut aussi être l’endroit où les habitants apprennent à comprendre et à maîtriser leurs données.']
			}
		]
	},
	{
		key: 'scene',
		workshop: 'Scène ouverte : initiatives inspirantes des territoires',
		title: 'Fil de la scène ouverte',
		sections: [
			{
				heading: 'Initiatives présentées',
				by: 'yanis',
				blocks: [
					[
						'Pop Café (Lille) : prototype d’un lieu de médiation numérique inspiré des tiers-lieux, au modèle économique hybride.',
						'Camp’TIC (Lorient et Auray) et Aux Fils Conducteurs (Rouen) : l’entraide entre pairs autour du numérique, dans les médiathèques et les centres sociaux, avec la couture comme porte d’entrée.',
						'Maison des services publics du quartier Mayollet (Roanne) : travailleurs sociaux, espace public numérique, point lecture et médiation santé dans un même bâtiment.',
						'La Quincaillerie (Guéret) : matériel en libre service, aidants numériques et ateliers d’initiation toutes les deux semaines.'
					]
				]
			},
			{
				heading: 'Ce qui peut être repris ailleurs',
				by: 'sophie',
				blocks: [
					'Réunir des services complémentaires sous un même toit facilite les parcours des habitants et permet aux agents de croiser leurs regards, à la façon d’un espace de coworking.',
					'Passer par une activité concrète, la cuisine, la couture ou un débat au café, pour parler de numérique à des personnes qui n’y viendraient pas autrement.'
				]
			},
			{
				heading: 'Contacts et liens',
				by: 'yanis',
				blocks: [['http://www.camptic.fr/', 'https://auxfilsconducteurs.fr/', 'http://lafabulerie.com/']]
			}
		]
	},
	{
		key: 'masterclass',
		workshop: 'Masterclass pouvoirs publics et numérique : quels enjeux, quels rôles, quels leviers ?',
		title: 'Notes de la masterclass élus et cadres',
		sections: [
			{
				heading: 'Objectifs d’apprentissage',
				by: 'camille',
				blocks: [
					[
						'Se repérer dans les enjeux de la transition numérique des territoires.',
						'Comprendre l’impact du numérique et l’importance des usages quand les services publics se dématérialisent.',
						'Découvrir des outils et des ressources pour faire évoluer ses pratiques, celles de ses équipes et celles des habitants.'
					]
				]
			},
			{
				heading: 'Notions clés',
				by: 'nadia',
				blocks: [
					'Des données ouvertes, ce sont des données gratuites, sous licence libre, dans un format ouvert et lisible par une machine (CSV, JSON, XML), accessibles à tous sans inscription. Un tableur ou un PDF mis en ligne n’est pas de l’open data.'
				]
			},
			{
				heading: 'Exemples',
				by: 'nadia',
				blocks: [['1995 : l’expression « open data » apparaît dans une publication scientifique sur le climat.', '2009 : le prix Nobel d’économie récompense des travaux sur la gouvernance des biens communs.', '2009 : les États-Unis ouvrent leurs données publiques.']]
			},
			{
				heading: 'Questions de la salle',
				by: 'camille',
				blocks: ['Une élue demande par où commencer avec une petite équipe. Réponse : partir des demandes réelles des habitants et ouvrir d’abord les jeux de données qui répondent à leurs questions.']
			},
			{
				heading: 'Ce que je retiens',
				by: 'camille',
				blocks: [['La dématérialisation demande un accompagnement humain.', 'Ouvrir ses données est une politique publique, pas un projet technique.', 'Se former soi-même avant de former ses équipes.']]
			}
		]
	}
];

/** What Louis adds to the grid's pad after its first publication: the second version's change. */
export const gridFollowUp: DemoSection = {
	heading: 'Réponses aux questions opérationnelles',
	by: 'louis',
	blocks: [
		'Comment utiliser la grille en pratique ? En début de projet, chaque structure y répond seule, puis le groupe compare les réponses.',
		['Une réponse « non » à la première question appelle une formation ou un binôme.', 'Une réponse « non » à la troisième question invite à chercher un autre commun, plus proche de son écosystème.']
	]
};
