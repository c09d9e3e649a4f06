import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
	published: locals.app.editions.listPublished(),
	own: locals.app.editions.listOwn(locals.viewer).filter((e) => e.status === 'draft'),
	happening: locals.app.happening.now(locals.viewer)
});
