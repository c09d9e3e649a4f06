// The CSV import's rows (checked by csv-import.ts) in the normalised shape; a row's identity is its title.
import { parseProgrammeCsv } from '../csv-import';
import type { ImportedProgramme } from './normalised';

export function parseCsvProgramme(text: string): ImportedProgramme {
	const rows = parseProgrammeCsv(text);
	const seen = new Set<string>();
	const programme: ImportedProgramme = { kind: 'csv', version: '', title: '', sessions: [], report: [] };
	for (const row of rows) {
		const key = `id:${row.title.toLowerCase()}`;
		if (seen.has(key)) {
			programme.report.push({ item: `« ${row.title} »`, reason: 'duplicateId', detail: row.title });
			continue;
		}
		seen.add(key);
		programme.sessions.push({
			key,
			ref: '',
			title: row.title,
			type: row.format,
			startsAt: row.startsAt,
			endsAt: row.endsAt,
			room: row.room,
			track: row.track,
			speakers: row.speakers ? [row.speakers] : [],
			description: row.description,
			themes: row.themes
		});
	}
	return programme;
}
