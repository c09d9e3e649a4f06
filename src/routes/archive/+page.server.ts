import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({ editions: locals.app.archive.listEditions() });
