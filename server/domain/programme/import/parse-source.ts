// Recognises a schedule file by its content and reads it with the matching format module.
import { AppError, isAppError } from '../../../shared/errors';
import { parseCsvProgramme } from './csv';
import { parseFrabXml } from './frab-xml';
import { parseICalendar } from './icalendar';
import { isIndicoEventExport, parseIndicoEvent, parseIndicoTimetable } from './indico';
import type { ImportedProgramme } from './normalised';
import { parsePretalxApi, parseScheduleJson } from './schedule-json';

export const MAX_SOURCE_BYTES = 5 * 1024 * 1024;

export function parseSource(raw: string, timeZone: string): ImportedProgramme {
	if (Buffer.byteLength(raw, 'utf8') > MAX_SOURCE_BYTES) throw new AppError('too_large', 'error.import.tooLargeMb', { source: 'tooLarge' }, {}, { mb: MAX_SOURCE_BYTES / 1024 / 1024 });
	const text = raw.replace(/^\uFEFF/, '');
	const start = text.trimStart();
	if (start === '') throw new AppError('invalid', 'error.import.empty', { source: 'empty' });
	if (start.startsWith('<')) return parseFrabXml(text, timeZone);
	if (/^BEGIN:VCALENDAR/i.test(start)) return parseICalendar(text, timeZone);
	if (start.startsWith('{') || start.startsWith('[')) {
		let data: unknown;
		try {
			data = JSON.parse(text);
		} catch (e) {
			throw new AppError('invalid', 'error.import.jsonUnreadable', { source: 'unreadable' }, {}, { reason: (e as Error).message });
		}
		if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new AppError('invalid', 'error.import.jsonNotObject', { source: 'notSchedule' });
		const obj = data as Record<string, unknown>;
		if ('schedule' in obj) return parseScheduleJson(obj, timeZone);
		if (isIndicoEventExport(obj)) return parseIndicoEvent(obj, timeZone);
		if (Array.isArray(obj.results)) return parsePretalxApi(obj, timeZone);
		if (typeof obj.results === 'object' && obj.results !== null) return parseIndicoTimetable(obj, timeZone);
		throw new AppError('invalid', 'error.import.jsonUnknown', { source: 'notSchedule' });
	}
	try {
		return parseCsvProgramme(text);
	} catch (e) {
		if (isAppError(e) && Object.keys(e.fields).length === 0) throw new AppError(e.code, e.message, { source: 'csvRows' }, e.hint, e.params);
		throw e;
	}
}

/** A file with no readable session would cancel every imported workshop: refused, with the first reasons. */
export function parseSchedule(raw: string, timeZone: string): ImportedProgramme {
	const programme = parseSource(raw, timeZone);
	if (programme.sessions.length > 0) return programme;
	const reasons = programme.report.slice(0, 5).map((r) => `${r.item}: ${r.reason}${r.detail ? ` (${r.detail})` : ''}`);
	throw new AppError('invalid', reasons.length ? 'error.import.noSessionBecause' : 'error.import.noSession', { source: 'noSession' }, {}, { reasons: reasons.join('; ') });
}
