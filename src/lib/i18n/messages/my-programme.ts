import { defineMessages } from '../define';

export const myProgramme = defineMessages(
	{
		'myProgramme.title': 'Mon programme',
		'myProgramme.link': 'Mon programme ({count})',
		'myProgramme.intro': 'Les séances que vous avez choisies dans le programme, avec l’étoile ☆. Abonnez votre agenda à votre lien personnel : il suit vos choix et les changements du programme.',
		'myProgramme.empty': 'Vous n’avez encore choisi aucune séance. Dans le programme, l’étoile ☆ d’une séance l’ajoute ici.',
		'myProgramme.back': 'Retour au programme',
		'myProgramme.add': 'Ajouter « {title} » à mon programme',
		'myProgramme.remove': 'Retirer « {title} » de mon programme',
		'myProgramme.pick': 'Dans mon programme : « {title} »',
		'myProgramme.feedHeading': 'Mon agenda personnel',
		'myProgramme.feedHint':
			'Copiez ce lien dans votre application d’agenda (« s’abonner à un agenda par URL ») : elle y lira vos séances choisies, sans connexion. Gardez-le pour vous ; s’il a circulé, renouvelez-le.',
		'myProgramme.feedNone': 'Vous n’avez pas encore de lien d’agenda.',
		'myProgramme.feedLabel': 'Lien de mon agenda',
		'myProgramme.feedCreate': 'Obtenir mon lien d’agenda',
		'myProgramme.feedRenew': 'Renouveler le lien (l’ancien cesse de fonctionner)',
		'myProgramme.feedRevoke': 'Supprimer le lien',
		'myProgramme.feedRenewed': 'Nouveau lien créé : l’ancien ne fonctionne plus.',
		'myProgramme.feedRevoked': 'Lien supprimé.',
		'myProgramme.calendarName': 'Mon programme — {title}',
		'myProgramme.loginHint': 'Connectez-vous ou rejoignez un atelier pour composer votre programme.',
		'error.myProgramme.feedNotFound': 'Ce lien d’agenda n’existe pas ou a été renouvelé.'
	},
	{
		'myProgramme.title': 'My programme',
		'myProgramme.link': 'My programme ({count})',
		'myProgramme.intro': 'The sessions you picked in the programme with the star ☆. Subscribe your calendar to your personal link: it follows your picks and the programme’s changes.',
		'myProgramme.empty': 'You have not picked any session yet. In the programme, a session’s star ☆ adds it here.',
		'myProgramme.back': 'Back to the programme',
		'myProgramme.add': 'Add « {title} » to my programme',
		'myProgramme.remove': 'Remove « {title} » from my programme',
		'myProgramme.pick': 'In my programme: « {title} »',
		'myProgramme.feedHeading': 'My personal calendar',
		'myProgramme.feedHint':
			'Paste this link in your calendar app (« subscribe to a calendar by URL »): it reads your picked sessions from it, without logging in. Keep it to yourself; if it was shared, renew it.',
		'myProgramme.feedNone': 'You have no calendar link yet.',
		'myProgramme.feedLabel': 'My calendar link',
		'myProgramme.feedCreate': 'Get my calendar link',
		'myProgramme.feedRenew': 'Renew the link (the old one stops working)',
		'myProgramme.feedRevoke': 'Delete the link',
		'myProgramme.feedRenewed': 'New link created: the old one no longer works.',
		'myProgramme.feedRevoked': 'Link deleted.',
		'myProgramme.calendarName': 'My programme — {title}',
		'myProgramme.loginHint': 'Log in or join a workshop to build your programme.',
		'error.myProgramme.feedNotFound': 'This calendar link does not exist or was renewed.'
	}
);
