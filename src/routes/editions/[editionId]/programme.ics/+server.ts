import { scheduleResponse } from '$lib/server/schedule-response';
import type { RequestHandler } from './$types';

/** The programme as an iCalendar feed, whole or ?room=<id> / ?track=<id>; UIDs follow workshop ids. */
export const GET: RequestHandler = (event) => scheduleResponse(event, 'ics');
