import { defineMessages } from '../define';

export const programme = defineMessages(
	{
		'home.title': 'Les événements contributifs',
		'home.intro': 'Notes partagées, discussions et fichiers de chaque atelier, documentés en direct et ouverts à tous.',
		'home.published': 'Événements publiés',
		'home.drafts': 'Mes brouillons',
		'home.none': 'Aucun événement publié pour le moment.'
	},
	{
		'home.title': 'Contributive events',
		'home.intro': 'Shared notes, discussions and files of every workshop, documented live and open to all.',
		'home.published': 'Published events',
		'home.drafts': 'My drafts',
		'home.none': 'No published event yet.'
	}
);
