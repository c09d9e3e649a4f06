import { error } from '@sveltejs/kit';
import { formAction, orError } from '$lib/server/forms';
import { qrSvg } from '$lib/server/qr';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	const { row } = orError(() => locals.app.workshops.getForEdit(locals.viewer, params.workshopId));
	if (row.edition_id !== params.editionId) error(404, { message: 'workshop not found', code: 'not_found' });
	return { workshop: { id: row.id, title: row.title }, speakers: orError(() => locals.app.speakerClaims.list(locals.viewer, row.id)) };
};

export const actions: Actions = {
	/** The link is shown once, here: only its hash is kept. */
	create: async ({ request, locals, params, url }) =>
		formAction(request, async (values) => {
			const { token } = locals.app.speakerClaims.create(locals.viewer, params.workshopId, values);
			const claimLink = `${url.origin}/claim/${token}`;
			return { claimLink, claimName: String(values.name ?? ''), claimQr: await qrSvg(claimLink) };
		}),
	revoke: async ({ request, locals, params }) =>
		formAction(request, (values) => {
			locals.app.speakerClaims.revoke(locals.viewer, params.workshopId, String(values.claimId ?? ''));
			return { revoked: true };
		})
};
