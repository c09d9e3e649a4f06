import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, params }) => {
	const { archive } = await parent();
	const workshop = archive.workshops.find((w) => w.id === params.workshopId);
	if (!workshop) error(404, { message: 'workshop not found', code: 'not_found' });
	return { workshop };
};
