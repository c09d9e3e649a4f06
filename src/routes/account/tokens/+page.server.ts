import { redirect } from '@sveltejs/kit';
import { formAction } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

const loginFirst = () => redirect(303, '/login?redirectTo=/account/tokens');

export const load: PageServerLoad = ({ locals }) => {
	const viewer = locals.viewer;
	if (!viewer) loginFirst();
	// Guests see an explanation instead of an error page: they can fix it by creating an account.
	if (viewer!.isGuest) return { guestOnly: true as const, tokens: [] };
	return { guestOnly: false as const, tokens: locals.app.apiTokens.list(viewer) };
};

export const actions: Actions = {
	create: ({ request, locals }) =>
		formAction(request, (values) => {
			if (!locals.viewer) loginFirst();
			const { token } = locals.app.apiTokens.create(locals.viewer, values);
			return { created: { name: String(values.name ?? '').trim(), token } };
		}),

	revoke: ({ request, locals }) =>
		formAction(request, (values) => {
			if (!locals.viewer) loginFirst();
			locals.app.apiTokens.revoke(locals.viewer, String(values.id ?? ''));
			return { revoked: true };
		})
};
