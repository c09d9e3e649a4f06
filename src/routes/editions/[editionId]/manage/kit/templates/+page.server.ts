import { redirect } from '@sveltejs/kit';
import { workshopFormats } from '$server/shared/vocabulary';
import type { PageServerLoad } from './$types';

/** The « add a template » form is a GET with the format chosen in a list: send it to that format's page. */
export const load: PageServerLoad = ({ params, url }) => {
	const format = workshopFormats.find((f) => f === url.searchParams.get('format'));
	redirect(303, `/editions/${params.editionId}/manage/kit${format ? `/templates/${format}` : ''}`);
};
