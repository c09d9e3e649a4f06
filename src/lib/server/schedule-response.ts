// Answers the schedule export routes: read the programme as the viewer, render it, map domain errors to HTTP.
import { error, type RequestEvent } from '@sveltejs/kit';
import { renderSchedule, type ScheduleFormat } from './presenters';
import { httpStatusOf, isAppError } from '$server/shared/errors';
import { errorText } from './error-text';

export function scheduleResponse(event: Pick<RequestEvent, 'locals' | 'url'> & { params: { editionId: string } }, format: ScheduleFormat): Response {
	const { locals, params, url } = event;
	try {
		const programme = locals.app.workshops.programme(locals.viewer, params.editionId);
		const filter = { room: url.searchParams.get('room'), track: url.searchParams.get('track') };
		const { body, contentType } = renderSchedule(programme, format, { baseUrl: `${url.origin}/editions/${params.editionId}`, filter, now: locals.app.clock() });
		// Drafts are private: a shared cache must not keep them.
		const cache = programme.edition.status === 'published' ? 'public, max-age=300' : 'private, no-store';
		return new Response(body, { headers: { 'Content-Type': contentType, 'Cache-Control': cache } });
	} catch (e) {
		if (isAppError(e)) error(httpStatusOf[e.code], { message: errorText(e), code: e.code });
		throw e;
	}
}
