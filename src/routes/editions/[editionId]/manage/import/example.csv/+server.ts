// A small programme to download, fill in and import back: its days are the edition's own, so it imports as it is.
import { orError } from '$lib/server/forms';
import type { RequestHandler } from './$types';

const header = ['title', 'format', 'day', 'start', 'end', 'room', 'track', 'themes', 'speakers', 'description'];

const quoted = (cell: string) => (/[",;\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

export const GET: RequestHandler = ({ locals, params }) => {
	const { edition } = orError(() => locals.app.access.managed(locals.viewer, params.editionId));
	const firstDay = edition.starts_on;
	const lastDay = edition.ends_on;
	const rows = [
		header,
		[
			'Identifier les ressources d’un commun',
			'atelier-contributif',
			firstDay,
			'10:00',
			'11:30',
			'Plateforme C',
			'Communs numériques',
			'#communs|#données',
			'Inno3',
			'Première étape du parcours : repérer, avec une grille simple, les ressources de son territoire qui peuvent devenir des communs.'
		],
		[
			'Regards croisés : ouvrir les données publiques',
			'Regards croisés',
			firstDay,
			'14:00',
			'15:30',
			'Stereolux, salle Maxi',
			'',
			'#données',
			'Une collectivité, une association et un chercheur',
			'Trois points de vue sur l’ouverture des données locales, suivis d’un temps d’échange avec la salle.'
		],
		[
			'Scène ouverte aux initiatives des territoires',
			'Scène ouverte',
			lastDay,
			'16:00',
			'17:30',
			'La Fabrique',
			'',
			'#lieux|#inclusion',
			'Tiers-lieux, fablabs et espaces publics numériques',
			'Cinq minutes par initiative pour présenter un projet de médiation numérique et trouver des partenaires.'
		]
	];
	// The byte order mark lets spreadsheet software recognise UTF-8 accents; the importer ignores it.
	const body = '\uFEFF' + rows.map((row) => row.map(quoted).join(',')).join('\r\n') + '\r\n';
	return new Response(body, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': 'attachment; filename="programme-exemple.csv"'
		}
	});
};
