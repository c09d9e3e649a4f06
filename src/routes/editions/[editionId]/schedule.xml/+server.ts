import { scheduleResponse } from '$lib/server/schedule-response';
import type { RequestHandler } from './$types';

/** The programme as schedule.xml (frab / c3voc shape), whole or ?room=<id> / ?track=<id>. */
export const GET: RequestHandler = (event) => scheduleResponse(event, 'xml');
