import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, params, locals }) => {
	const { archive } = await parent();
	const workshop = archive.workshops.find((w) => w.id === params.workshopId);
	if (!workshop) error(404, { message: 'workshop not found', code: 'not_found' });
	// « En savoir + »: the edition is readable (the layout checked it), and links are public once added.
	const links = locals.app.syntheses.publicLinks(params.editionId).filter((l) => l.targetKind === 'workshop' && l.targetId === workshop.id);
	return { workshop, links };
};
