// The demo edition's fictional participants and what they did: chat messages, a shared file, published deliverables.
export type DemoPersonaKey = 'camille' | 'yanis' | 'nadia' | 'louis' | 'sophie';
export type DemoCredit = { mode: 'name' } | { mode: 'pseudonym'; pseudonym: string } | { mode: 'anonymous' };
export type DemoPersona = { key: DemoPersonaKey; displayName: string; credit: DemoCredit; workshops: string[] };

const GRID = 'Identifier les ressources';
const TIERS_LIEUX = 'Ouvrir un tiers-lieu sans copier-coller';
const REGARDS = 'Lieux, données, communs : les enjeux matériels de la culture numérique';
const SCENE = 'Scène ouverte : initiatives inspirantes des territoires';
const MASTERCLASS = 'Masterclass pouvoirs publics et numérique : quels enjeux, quels rôles, quels leviers ?';

/** Nobody can log in as them: guests without a session, marked « (démo) » so no one mistakes them for real people. */
export const demoPersonas: DemoPersona[] = [
	{ key: 'camille', displayName: 'Camille (démo)', credit: { mode: 'name' }, workshops: [GRID, TIERS_LIEUX, MASTERCLASS] },
	{ key: 'yanis', displayName: 'Yanis (démo)', credit: { mode: 'pseudonym', pseudonym: 'yanis_tiers_lieux' }, workshops: [TIERS_LIEUX, SCENE] },
	{ key: 'nadia', displayName: 'Nadia (démo)', credit: { mode: 'anonymous' }, workshops: [GRID, REGARDS, MASTERCLASS] },
	{ key: 'louis', displayName: 'Louis (démo)', credit: { mode: 'name' }, workshops: [GRID, TIERS_LIEUX, REGARDS] },
	{ key: 'sophie', displayName: 'Sophie (démo)', credit: { mode: 'pseudonym', pseudonym: 'so_communs' }, workshops: [GRID, SCENE] }
];

/** `minute`: minutes after the workshop starts; `replyTo`: index of an earlier message of the same workshop. */
export type DemoChatMessage = { by: DemoPersonaKey; minute: number; text: string; replyTo?: number };

export const demoChats: { workshop: string; messages: DemoChatMessage[] }[] = [
	{
		workshop: GRID,
		messages: [
			{ by: 'camille', minute: 12, text: 'Bonjour ! Les notes sont dans le pad « Notes de l’atelier », n’hésitez pas à compléter.' },
			{ by: 'nadia', minute: 25, text: 'Est-ce que quelqu’un a le lien vers la matrice dynamisme / importance stratégique ?' },
			{ by: 'sophie', minute: 27, text: 'Elle est présentée dans les supports d’Inno3, je l’ajoute dans « En savoir + » à la fin de l’atelier.', replyTo: 1 },
			{ by: 'louis', minute: 64, text: 'Proposition : on garde les trois questions comme livrable, c’est simple à réutiliser chez nous.' }
		]
	},
	{
		workshop: TIERS_LIEUX,
		messages: [
			{ by: 'yanis', minute: 8, text: 'J’ai déposé la liste des ressources citées dans le drive (ressources-citees.md).' },
			{ by: 'camille', minute: 40, text: 'Merci ! La question de la gouvernance SCIC mériterait un atelier à elle seule.', replyTo: 0 },
			{ by: 'louis', minute: 41, text: 'D’accord, et avec des retours de lieux ruraux, pas seulement de métropoles.' }
		]
	},
	{
		workshop: SCENE,
		messages: [
			{ by: 'sophie', minute: 15, text: 'Le Pop Café a l’air d’un bon modèle pour notre médiathèque : quelqu’un sait comment ils se financent ?' },
			{ by: 'yanis', minute: 18, text: 'Modèle hybride : le café et le coworking payants, les services numériques soutenus par la collectivité.', replyTo: 0 }
		]
	}
];

export const demoFile = {
	workshop: TIERS_LIEUX,
	by: 'yanis' as DemoPersonaKey,
	name: 'ressources-citees.md',
	content: `# Ressources citées pendant l’atelier « Ouvrir un tiers-lieu sans copier-coller »

Liste tenue par les participants, à compléter.

## Tiers-lieux présentés

- Pop Café (Lille) : prototype de lieu de médiation numérique, testé pendant l’événement.
- La Quincaillerie, tiers-lieu d’assemblage local du Grand Guéret.
- La Fabulerie (Marseille) : http://lafabulerie.com/
- Camp’TIC (Bretagne-Sud) : http://www.camptic.fr/
- Aux Fils Conducteurs (Rouen) : https://auxfilsconducteurs.fr/

## Pour aller plus loin

- Le cahier d’activités des tiers-lieux, un commun améliorable et forkable.
- Rapport « Faire ensemble pour mieux vivre ensemble » (mission coworking, 2018) : https://www.fondation-travailler-autrement.org/2018/09/19/mission-coworking-faire-ensemble-pour-mieux-vivre-ensemble/
- La charte du réseau des tiers-lieux.
`
};

/** `pad`: key of a pad in demoPads. The grid gets a second version after Louis's addition. */
export const demoDeliverables = [
	{
		pad: 'grille',
		title: 'Grille d’identification des communs numériques',
		summary: 'Trois questions à se poser avant de contribuer à un commun numérique existant, et ce qu’une réponse négative invite à changer.',
		themes: ['#communs']
	},
	{
		pad: 'tiers-lieux',
		title: 'Ouvrir un tiers-lieu : les questions à se poser',
		summary: 'Usages, gouvernance, modèle économique et valeur créée : ce que les participants retiennent pour lancer un tiers-lieu sans copier-coller.',
		themes: ['#lieux', '#communs']
	},
	{
		pad: 'scene',
		title: 'Initiatives des territoires à reprendre chez soi',
		summary: 'Quatre initiatives présentées sur la scène ouverte, et les idées transposables dans d’autres territoires.',
		themes: ['#lieux', '#inclusion']
	}
] as const;
