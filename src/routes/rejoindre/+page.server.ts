import { redirect } from '@sveltejs/kit';
import { isAppError } from '$server/shared/errors';
import { normaliseShortCode } from '$server/shared/join-code';
import type { PageServerLoad } from './$types';

/** A code typed from a sign (any case, with or without its dash) leads to that workshop's join page. */
export const load: PageServerLoad = ({ locals, url }) => {
	const typed = url.searchParams.get('code')?.trim() ?? '';
	if (!typed) return { code: '', error: null };
	const code = normaliseShortCode(typed) ?? typed;
	try {
		locals.app.workshops.peekJoin(code);
	} catch (e) {
		if (!isAppError(e) || e.code !== 'not_found') throw e;
		return { code: typed, error: 'unknownJoinCode' };
	}
	redirect(303, `/join/${encodeURIComponent(code)}`);
};
