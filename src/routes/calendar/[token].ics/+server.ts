import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n/catalogue';
import { errorText } from '$lib/server/error-text';
import { renderSchedule } from '$lib/server/presenters';
import { httpStatusOf, isAppError } from '$server/shared/errors';
import type { RequestHandler } from './$types';

/** A person's « Mon programme » as an iCalendar feed: the secret token is the capability, no login (calendar apps have none). */
export const GET: RequestHandler = ({ locals, params, url }) => {
	try {
		const programme = locals.app.myProgramme.feed(params.token);
		const { body, contentType } = renderSchedule(programme, 'ics', {
			baseUrl: `${url.origin}/editions/${programme.edition.id}`,
			now: locals.app.clock(),
			calendarName: translate(locals.locale ?? 'fr', 'myProgramme.calendarName', { title: programme.edition.title })
		});
		// Personal: no shared cache keeps it, no search engine lists it.
		return new Response(body, { headers: { 'Content-Type': contentType, 'Cache-Control': 'private, max-age=300', 'X-Robots-Tag': 'noindex', 'Referrer-Policy': 'no-referrer' } });
	} catch (e) {
		if (isAppError(e)) error(httpStatusOf[e.code], { message: errorText(e), code: e.code });
		throw e;
	}
};
