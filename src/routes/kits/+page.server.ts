import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({ kits: locals.app.kits.listBuiltIn() });
