import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

/** Administrators only; everybody else gets the same 404 as for a page that does not exist. */
export const load: PageServerLoad = ({ locals }) => {
	if (!locals.viewer?.isAdmin) error(404, { message: 'not found', code: 'not_found' });
	const rows = locals.app.quarantine.list();
	const names = new Map<string, string>();
	for (const id of new Set(rows.map((r) => r.authorId).filter((id): id is string => id !== null))) {
		const viewer = locals.app.accounts.getViewer(id);
		if (viewer) names.set(id, viewer.displayName);
	}
	return { rows: rows.map((r) => ({ ...r, authorName: r.authorId ? (names.get(r.authorId) ?? r.authorId) : null })) };
};
