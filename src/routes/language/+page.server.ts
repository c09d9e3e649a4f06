import { redirect } from '@sveltejs/kit';
import { isLocale } from '$lib/i18n/locales';
import { safeRedirectTarget } from '$lib/redirect-target';
import { LANG_COOKIE } from '$server/shared/cookies';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');


export const actions: Actions = {
	default: async ({ request, cookies }) => {
		const form = await request.formData();
		const locale = form.get('locale');
		if (isLocale(locale)) cookies.set(LANG_COOKIE, locale, { path: '/', sameSite: 'lax', httpOnly: false, maxAge: 400 * 24 * 3600 });
		redirect(303, safeRedirectTarget(form.get('redirectTo')));
	}
};
