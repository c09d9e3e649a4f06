// The three schedule exports behind one call: whoever may read the programme may take it as JSON, XML or iCalendar.
import type { Programme } from '../../domain/programme/programme-view';
import { renderICalendar } from './icalendar';
import { renderScheduleJson } from './schedule-json';
import { buildScheduleModel, type ScheduleFilter } from './schedule-model';
import { renderScheduleXml } from './schedule-xml';

export type ScheduleFormat = 'json' | 'xml' | 'ics';
const types: Record<ScheduleFormat, string> = { json: 'application/json; charset=utf-8', xml: 'application/xml; charset=utf-8', ics: 'text/calendar; charset=utf-8' };

/** `programme` comes from workshops.programme(viewer, …), which already checked that the viewer may read it. */
export function renderSchedule(programme: Pick<Programme, 'edition' | 'workshops'>, format: ScheduleFormat, options: { baseUrl: string; filter?: ScheduleFilter; now: number; calendarName?: string }) {
	// Calendars must learn that a session was cancelled; schedule apps simply stop listing it.
	const model = buildScheduleModel({ edition: programme.edition, workshops: programme.workshops, baseUrl: options.baseUrl, filter: options.filter, includeCancelled: format === 'ics' });
	const body = format === 'json' ? JSON.stringify(renderScheduleJson(model), null, 1) : format === 'xml' ? renderScheduleXml(model) : renderICalendar(model, options.now, options.calendarName);
	return { body, contentType: types[format] };
}
