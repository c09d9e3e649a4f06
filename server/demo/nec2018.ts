// Demo edition modelled on the NEC 2018 programme (Nantes), written for MédiaLab's first run.
export type DemoTheme = { label: string; aliases: string[] };
export type DemoTrack = { title: string; lead: string; description: string };
export type DemoRoom = { name: string; venue: string };
export type DemoWorkshop = {
	title: string;
	format: 'atelier-contributif' | 'regards-croises' | 'scene-ouverte' | 'masterclass' | 'table-ronde' | 'conference' | 'pleniere' | 'forum' | 'podcast' | 'video' | 'prototype' | 'sprint';
	description: string; // 2–4 French sentences, plain text
	themes: string[]; // labels from the themes list
	track?: string; // title from tracks list; workshops of a track are listed in track order
	room: string; // name from rooms list
	startsAt: string; // 'YYYY-MM-DDTHH:MM' local time (Europe/Paris)
	endsAt: string;
	speakers: string; // free text, e.g. "Inno3" or "Animé par …" — use organisation names from the proceedings, no private persons' contact data
};

export const demoSeries = 'Numérique en Commun[s]';

export const demoEdition: {
	title: string;
	city: 'Nantes';
	venue: string;
	startsOn: '2018-09-13';
	endsOn: '2018-09-14';
	description: string;
	licence: 'etalab-2.0';
} = {
	title: 'Numérique en Commun[s] 2018',
	city: 'Nantes',
	venue: 'Île de Nantes : Stereolux, La Fabrique, Plateforme C et l’École d’architecture',
	startsOn: '2018-09-13',
	endsOn: '2018-09-14',
	description:
		'Deux journées pour réfléchir ensemble à un numérique qui profite à toutes et à tous, héritières des Assises de la médiation numérique. Médiateurs, élus, agents publics, chercheurs, fablabs et tiers-lieux y construisent des réponses communes à partir de quatre thèmes : l’inclusion, les données, les lieux et les communs. Le programme mêle ateliers contributifs, regards croisés, une masterclass pour les élus et une scène ouverte aux initiatives des territoires. Chaque séance est documentée en direct dans le MédiaLab, afin que ses traces restent réutilisables bien après l’événement.',
	licence: 'etalab-2.0'
};

export const demoThemes: DemoTheme[] = [
	{ label: '#inclusion', aliases: ['#inclusion-numerique', '#inclusion-numérique'] },
	{ label: '#données', aliases: ['#data', '#donnees'] },
	{ label: '#lieux', aliases: ['#tiers-lieux', '#tierslieux'] },
	{ label: '#communs', aliases: ['#commun', '#communs-numeriques'] }
];

export const demoTracks: DemoTrack[] = [
	{
		title: 'Communs numériques',
		lead: 'Inno3',
		description:
			'Un parcours de cinq ateliers pour suivre la vie d’un commun numérique, de son repérage à sa diffusion. Chaque étape produit un outil concret : grille d’identification, panorama des contributions, piliers de la gouvernance, plan de financement et argumentaires types. Les ateliers peuvent se suivre en entier ou à la carte.'
	},
	{
		title: 'Inclusion numérique',
		lead: 'La MedNum',
		description:
			'Trois ateliers consacrés aux personnes éloignées du numérique et à celles et ceux qui les accompagnent. On y part des publics, puis on aborde le financement de la médiation et enfin la coordination entre l’État, les collectivités et les associations. Le parcours s’appuie sur le Plan national pour un numérique inclusif annoncé pendant l’événement.'
	}
];

export const demoRooms: DemoRoom[] = [
	{ name: 'Salle Maxi', venue: 'Stereolux' },
	{ name: 'Studio', venue: 'La Fabrique' },
	{ name: 'Fablab', venue: 'Plateforme C' },
	{ name: 'Grand atelier', venue: 'École d’architecture' },
	{ name: 'Espace MédiaLab', venue: 'École d’architecture' }
];

export const demoWorkshops: DemoWorkshop[] = [
	// Jeudi 13 septembre 2018
	{
		title: 'Plénière d’ouverture : écrire ensemble la société numérique de demain',
		format: 'pleniere',
		description:
			'Les organisateurs et la Ville hôte lancent les deux journées et rappellent l’ambition d’un événement apprenant. La séance présente les quatre thèmes, les formats proposés et le fonctionnement du MédiaLab. Elle insiste sur le droit à l’expérimentation avant tout passage à l’échelle.',
		themes: ['#inclusion', '#communs'],
		room: 'Salle Maxi',
		startsAt: '2018-09-13T09:30',
		endsAt: '2018-09-13T10:30',
		speakers: 'Nantes Métropole, Mission Société Numérique, La MedNum, PiNG'
	},
	{
		title: 'Lieux, données, communs : les enjeux matériels de la culture numérique',
		format: 'regards-croises',
		description:
			'Chercheurs et praticiens confrontent leurs points de vue sur ce que le numérique doit aux lieux physiques et aux infrastructures. Qui capte nos traces numériques, comment leur donner du sens, et quelle place pour des lieux partagés face aux grandes plateformes ? Le débat cherche les convergences sans masquer les désaccords.',
		themes: ['#lieux', '#données'],
		room: 'Salle Maxi',
		startsAt: '2018-09-13T11:00',
		endsAt: '2018-09-13T12:30',
		speakers: 'Contributeurs thématiques #lieux et #données'
	},
	{
		title: 'Identifier les ressources',
		format: 'atelier-contributif',
		description:
			'Toute ressource ne devient pas un commun : tout dépend de la communauté qui la porte. Après un tour des méthodes existantes (appels à communs par défis, fonds de dotation, matrice dynamisme et importance stratégique), les participants listent ce qui freine ou motive la contribution. Ils en tirent une grille en trois questions : puis-je contribuer, y ai-je intérêt, et cela compte-t-il pour mon écosystème ?',
		themes: ['#communs'],
		track: 'Communs numériques',
		room: 'Grand atelier',
		startsAt: '2018-09-13T11:00',
		endsAt: '2018-09-13T12:30',
		speakers: 'Inno3, avec la Fabrique des mobilités et Open Law'
	},
	{
		title: 'Comment toucher les publics isolés ?',
		format: 'atelier-contributif',
		description:
			'Une personne sur cinq ne sait pas se servir des outils numériques, alors que les démarches administratives passent en ligne. L’atelier distingue celles et ceux qui ne peuvent pas s’équiper de celles et ceux qui ne savent pas s’en servir, puis recense des façons d’aller vers eux. Les pratiques créatives, les ateliers pour les seniors et les actions dans les quartiers prioritaires servent d’exemples.',
		themes: ['#inclusion'],
		track: 'Inclusion numérique',
		room: 'Studio',
		startsAt: '2018-09-13T11:00',
		endsAt: '2018-09-13T12:30',
		speakers: 'ZINC, Lieu multiple (Poitiers)'
	},
	{
		title: 'Produire des communs',
		format: 'atelier-contributif',
		description:
			'Les pratiques du logiciel libre et de l’open data montrent qu’un commun vit de contributions bien organisées. À partir de l’exemple de Zourit, suite d’outils libres pour les associations, les participants listent les besoins d’un projet. Pour chacun, ils cherchent qui peut y répondre, avec quelles incitations, quels outils, quelles règles et quels bénéfices attendus.',
		themes: ['#communs'],
		track: 'Communs numériques',
		room: 'Grand atelier',
		startsAt: '2018-09-13T14:00',
		endsAt: '2018-09-13T15:30',
		speakers: 'Inno3, avec les CEMÉA'
	},
	{
		title: 'Diversifier les modèles économiques de la médiation',
		format: 'atelier-contributif',
		description:
			'La médiation numérique dépend encore largement des subventions publiques. L’atelier examine d’autres sources : le Pass Numérique, les chèques culture numérique APTIC, l’engagement des acteurs privés qui dématérialisent leurs services. Il explore aussi l’idée de rapprocher médiation culturelle et médiation numérique dans des tiers-lieux partagés.',
		themes: ['#inclusion', '#lieux'],
		track: 'Inclusion numérique',
		room: 'Studio',
		startsAt: '2018-09-13T14:00',
		endsAt: '2018-09-13T15:30',
		speakers: 'Simplon.co, Médias-Cité'
	},
	{
		title: 'Masterclass pouvoirs publics et numérique : quels enjeux, quels rôles, quels leviers ?',
		format: 'masterclass',
		description:
			'Une session de formation expérimentale réservée aux élus et aux cadres des collectivités. Elle aide à se repérer dans la transition numérique des territoires et à mesurer ce que la dématérialisation des services publics demande aux habitants. Les participants repartent avec des outils et des ressources pour faire évoluer leurs propres pratiques et celles de leurs équipes.',
		themes: ['#inclusion', '#données'],
		room: 'Salle Maxi',
		startsAt: '2018-09-13T14:00',
		endsAt: '2018-09-13T17:00',
		speakers: 'Mission Société Numérique, La MedNum, Chaire Innovation publique ENA-ENSCI'
	},
	{
		title: 'Maintenir et pérenniser les communs',
		format: 'atelier-contributif',
		description:
			'Publier une ressource partagée ne suffit pas à en faire un commun durable : il faut une gouvernance qui inspire confiance. Les participants comparent des schémas plus ou moins horizontaux, dont le pair-à-pair. Ils travaillent ensuite sur huit piliers, de l’objectif clair à la compostabilité, en passant par la licence libre et la reconnaissance des contributions.',
		themes: ['#communs'],
		track: 'Communs numériques',
		room: 'Grand atelier',
		startsAt: '2018-09-13T16:00',
		endsAt: '2018-09-13T17:30',
		speakers: 'Inno3'
	},
	{
		title: 'Ouvrir un tiers-lieu sans copier-coller',
		format: 'atelier-contributif',
		description:
			'Chaque tiers-lieu s’invente à partir de sa communauté, mais l’expérience acquise ailleurs peut se transmettre. À partir du cahier d’activités des tiers-lieux, un commun que chacun peut améliorer et forker, les participants passent en revue gouvernance, modèles économiques et forces de leur lieu. Des retours de Lille, Guéret et Marseille nourrissent les échanges.',
		themes: ['#lieux', '#communs'],
		room: 'Fablab',
		startsAt: '2018-09-13T16:00',
		endsAt: '2018-09-13T17:30',
		speakers: 'Pop (Lille), La Quincaillerie (Grand Guéret), La Fabulerie'
	},
	// Vendredi 14 septembre 2018
	{
		title: 'Financer les communs',
		format: 'atelier-contributif',
		description:
			'Les dispositifs de financement sont souvent absents ou mal adaptés aux communs. L’atelier passe en revue plusieurs pistes : fonds alimentés par l’économie sociale et solidaire, fonds de dotation, résidences avec les usagers, services vendus autour du commun. Pour chaque financeur possible, les participants précisent les moyens, les besoins couverts et les difficultés, puis esquissent un plan de mutualisation.',
		themes: ['#communs'],
		track: 'Communs numériques',
		room: 'Grand atelier',
		startsAt: '2018-09-14T09:30',
		endsAt: '2018-09-14T11:00',
		speakers: 'Inno3, avec Open Law et Anthropotech'
	},
	{
		title: 'Gouvernance de l’inclusion numérique : État, collectivités, associations',
		format: 'atelier-contributif',
		description:
			'L’empilement des compétences locales et nationales freine une politique d’inclusion numérique cohérente. L’atelier cherche comment coordonner l’État, les collectivités et les acteurs de terrain sans retirer aux territoires leur capacité d’initiative. Il interroge aussi la reconnaissance du métier de médiateur numérique.',
		themes: ['#inclusion'],
		track: 'Inclusion numérique',
		room: 'Studio',
		startsAt: '2018-09-14T09:30',
		endsAt: '2018-09-14T11:00',
		speakers: 'Mission Société Numérique, La MedNum'
	},
	{
		title: 'RGPD : on en parle ?',
		format: 'atelier-contributif',
		description:
			'Depuis mai 2018, toute structure qui traite des données personnelles doit appliquer le règlement européen. L’atelier présente les nouveaux droits (portabilité, transparence) et propose une démarche de mise en conformité en six étapes. Associations et petites collectivités y partagent leurs questions concrètes.',
		themes: ['#données'],
		room: 'Fablab',
		startsAt: '2018-09-14T09:30',
		endsAt: '2018-09-14T11:00',
		speakers: 'Contributeurs thématiques #données, à partir des ressources de la CNIL'
	},
	{
		title: 'Valoriser et disséminer les communs',
		format: 'atelier-contributif',
		description:
			'Faire connaître un commun permet de recueillir des retours, d’attirer contributeurs et financeurs et de créer des ponts avec d’autres projets. Par petits groupes, les participants choisissent un commun existant et rédigent un argumentaire adapté à plusieurs interlocuteurs : une influenceuse, un élu, une directrice de l’innovation, un contributeur qui s’ignore. Chaque argumentaire anticipe les objections et met en avant les bénéfices.',
		themes: ['#communs'],
		track: 'Communs numériques',
		room: 'Grand atelier',
		startsAt: '2018-09-14T11:30',
		endsAt: '2018-09-14T13:00',
		speakers: 'Inno3'
	},
	{
		title: 'Ouvrir les données de sa collectivité',
		format: 'atelier-contributif',
		description:
			'La loi pour une République numérique a fait de l’ouverture des données publiques la règle par défaut. Les participants échangent sur les raisons d’ouvrir, les exemples réussis et les bonnes pratiques : faire circuler les données sur tout le territoire, fixer des règles de gouvernance et choisir des licences de réutilisation. L’atelier privilégie une ouverture qui répond aux demandes réelles des habitants.',
		themes: ['#données', '#communs'],
		room: 'Studio',
		startsAt: '2018-09-14T11:30',
		endsAt: '2018-09-14T13:00',
		speakers: 'Etalab, OpenDataFrance'
	},
	{
		title: 'Scène ouverte : initiatives inspirantes des territoires',
		format: 'scene-ouverte',
		description:
			'Une vingtaine de projets se présentent en quelques minutes chacun, de la métropole aux territoires d’outre-mer. Cafés numériques, tiers-lieux ruraux, entraide entre pairs ou recyclage informatique : chaque porteur explique ce qui marche et ce qu’il cherche. Le public peut ensuite aller à la rencontre des équipes.',
		themes: ['#lieux', '#inclusion'],
		room: 'Salle Maxi',
		startsAt: '2018-09-14T14:00',
		endsAt: '2018-09-14T16:30',
		speakers: 'Pop Café, Camp’TIC, Aux Fils Conducteurs, Guyaclic, Fréquence École et d’autres initiatives'
	},
	{
		title: 'Podcast Nec+ : paroles de participants',
		format: 'podcast',
		description:
			'Enregistrement en public d’un épisode de la série de podcasts de l’événement, au cœur du MédiaLab. Des participants racontent ce qu’ils ont appris pendant ces deux jours et ce qu’ils emportent dans leur territoire. L’épisode rejoint ensuite les ressources en libre accès.',
		themes: ['#inclusion', '#communs'],
		room: 'Espace MédiaLab',
		startsAt: '2018-09-14T14:30',
		endsAt: '2018-09-14T15:30',
		speakers: 'Urban Prod'
	}
];
