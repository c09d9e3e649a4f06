import { redirect } from '@sveltejs/kit';
import { AppError } from '$lib/server/app';
import { formAction, orError } from '$lib/server/forms';
import { editionRoles, type EditionRole } from '$server/shared/vocabulary';
import type { Actions, PageServerLoad } from './$types';

const isRole = (value: unknown): value is EditionRole => editionRoles.includes(value as EditionRole);

export const load: PageServerLoad = ({ locals, params }) => {
	const { members, invites } = orError(() => locals.app.members.list(locals.viewer, params.editionId));
	return {
		members: members.map((m) => ({ id: m.user_id, displayName: m.display_name, username: m.username, isGuest: m.is_guest === 1, role: m.role, joinedAt: m.joined_at })),
		invites: invites.map((i) => ({ id: i.id, role: i.role, note: i.note, createdAt: i.created_at, expiresAt: i.expires_at })),
		viewerId: locals.viewer?.id ?? null
	};
};

export const actions: Actions = {
	changeRole: async ({ request, locals, params }) =>
		formAction(request, (values) => {
			const userId = String(values.id ?? '');
			if (!isRole(values.role)) throw new AppError('invalid', 'error.member.unknownRole', { role: 'invalidChoice' });
			locals.app.members.changeRole(locals.viewer, params.editionId, userId, values.role);
			// Organisers who step down lose this area; send them to the public page rather than a 403.
			if (userId === locals.viewer?.id && values.role !== 'organiser' && !locals.viewer.isAdmin) redirect(303, `/editions/${params.editionId}`);
			return { savedId: userId };
		}),
	invite: async ({ request, locals, params, url }) =>
		formAction(request, (values) => {
			const { token } = locals.app.members.createInvite(locals.viewer, params.editionId, values);
			return { inviteLink: `${url.origin}/invite/${token}`, invitedRole: String(values.role) };
		}),
	revoke: async ({ request, locals, params }) =>
		formAction(request, (values) => {
			locals.app.members.revokeInvite(locals.viewer, params.editionId, String(values.inviteId ?? ''));
			return { revoked: true };
		})
};
