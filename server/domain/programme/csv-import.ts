// Imports a programme from CSV: every row is checked first, then all are written in one transaction or none.
import { parse } from 'csv-parse/sync';
import type { Db } from '../../db/open';
import { AppError, type MessageItem } from '../../shared/errors';
import { newId, newToken } from '../../shared/ids';
import { isRealDate } from '../../shared/schemas';
import { normaliseThemeLabel, themeKey } from '../../shared/themes';
import { workshopFormats, type WorkshopFormat } from '../../shared/vocabulary';
import type { AccessRules } from '../editions/access';
import { createOutboxRepo } from '../outbox/outbox.repo';
import type { Clock, Viewer } from '../types';
import type { StructureRepo } from './structure.repo';
import type { WorkshopsRepo } from './workshops.repo';
import type { ImportResult } from '../../shared/programme-views';

export type { ImportResult };

export const csvColumns = ['title', 'format', 'day', 'start', 'end', 'room', 'track', 'themes', 'speakers', 'description'] as const;
export const requiredColumns = ['title', 'format', 'day', 'start', 'end'] as const;
export const MAX_CSV_BYTES = 1_000_000;
const MAX_ROWS = 2000;

/** A row's problem as a message key (error.csv.row.*) with its parameters, translated where it is shown. */
export type CsvRowError = { line: number; column: string; problem: string; params?: Record<string, string | number> };

/** « Atelier contributif », « atelier_contributif » and « atelier-contributif » all name the same format. */
const slug = (s: string) =>
	s
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.trim()
		.toLowerCase()
		.replace(/\s*\/.*$/, '') // « Prototype / installation » -> prototype
		.replace(/[\s_]+/g, '-');

export type ParsedRow = {
	title: string;
	format: WorkshopFormat;
	startsAt: string;
	endsAt: string;
	room: string;
	track: string;
	themes: string[];
	speakers: string;
	description: string;
};

function checkRow(record: Record<string, string>, line: number, errors: CsvRowError[]): ParsedRow | null {
	const before = errors.length;
	// Spreadsheets write 9:30 for 09:30.
	const get = (c: string) => {
		const value = (record[c] ?? '').trim();
		return (c === 'start' || c === 'end') && /^\d:\d\d$/.test(value) ? `0${value}` : value;
	};
	const fail = (column: string, problem: string, params: Record<string, string | number> = {}) => errors.push({ line, column, problem, params });
	for (const c of requiredColumns) if (get(c) === '') fail(c, 'error.csv.row.empty');
	if (get('title').length > 160) fail('title', 'error.csv.row.tooLong', { max: 160 });
	const format = slug(get('format')) as WorkshopFormat;
	if (get('format') && !workshopFormats.includes(format)) fail('format', 'error.csv.row.format', { value: get('format'), formats: workshopFormats.join(', ') });
	if (get('day') && !(/^\d{4}-\d{2}-\d{2}$/.test(get('day')) && isRealDate(get('day')))) fail('day', 'error.csv.row.day', { value: get('day') });
	for (const c of ['start', 'end']) if (get(c) && !/^([01]?\d|2[0-3]):[0-5]\d$/.test(get(c))) fail(c, 'error.csv.row.time', { value: get(c) });
	if (errors.length === before && get('end') <= get('start')) fail('end', 'error.csv.row.endBeforeStart');
	if (errors.length > before) return null;
	return {
		title: get('title'),
		format,
		startsAt: `${get('day')}T${get('start')}`,
		endsAt: `${get('day')}T${get('end')}`,
		room: get('room'),
		track: get('track'),
		themes: get('themes')
			.split('|')
			.map((t) => t.trim())
			.filter((t) => t !== ''),
		speakers: get('speakers').slice(0, 300),
		description: get('description').slice(0, 5000)
	};
}

/** Parses and checks the whole file; throws AppError('invalid') listing each bad row by line number. */
export function parseProgrammeCsv(text: string): ParsedRow[] {
	if (text.length > MAX_CSV_BYTES) throw new AppError('too_large', 'error.import.tooLargeKb', {}, {}, { kb: MAX_CSV_BYTES / 1000 });
	let records: { record: Record<string, string>; info: { lines: number } }[];
	const body = text.replace(/^\uFEFF/, '');
	// French spreadsheets export with ';' and keep ',' inside cells: the header line tells which one separates.
	const headerLine = body.slice(0, body.search(/\r?\n|$/));
	const delimiter = (headerLine.match(/;/g)?.length ?? 0) > (headerLine.match(/,/g)?.length ?? 0) ? ';' : ',';
	try {
		records = parse(body, {
			columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
			skip_empty_lines: true,
			delimiter,
			info: true,
			relax_column_count: false
		});
	} catch (e) {
		const line = (e as { lines?: number }).lines;
		throw new AppError('invalid', line ? 'error.csv.unreadableAt' : 'error.csv.unreadable', {}, {}, { line: line ?? '', reason: (e as Error).message });
	}
	if (records.length === 0) throw new AppError('invalid', 'error.csv.noRows');
	if (records.length > MAX_ROWS) throw new AppError('too_large', 'error.csv.tooManyRows', {}, {}, { max: MAX_ROWS });
	const header = Object.keys(records[0]!.record);
	const missing = requiredColumns.filter((c) => !header.includes(c));
	if (missing.length > 0) throw new AppError('invalid', 'error.csv.missingColumns', {}, {}, { columns: missing.join(', '), expected: csvColumns.join(', ') });
	const unknown = header.filter((h) => !(csvColumns as readonly string[]).includes(h));
	if (unknown.length > 0) throw new AppError('invalid', 'error.csv.unknownColumns', {}, {}, { columns: unknown.join(', '), expected: csvColumns.join(', ') });

	const errors: CsvRowError[] = [];
	const rows = records.map(({ record, info }) => checkRow(record, info.lines, errors));
	if (errors.length > 0) {
		const listed: MessageItem[] = errors.slice(0, 20).map((e) => ({ key: e.problem, params: { ...e.params, line: e.line, column: e.column } }));
		if (errors.length > 20) listed.push({ key: 'error.csv.row.more', params: { count: errors.length - 20 } });
		throw new AppError('invalid', 'error.csv.nothingImported', {}, {}, { problems: listed });
	}
	return rows as ParsedRow[];
}

export function createCsvImport(deps: { db: Db; clock: Clock; access: AccessRules; structure: StructureRepo; workshops: WorkshopsRepo }) {
	const outbox = createOutboxRepo(deps.db, deps.clock);
	return {
		/** Rooms, tracks and themes named in the file are reused when they exist (themes by label or alias) and created otherwise. */
		importProgramme(viewer: Viewer | null, editionId: string, text: string): ImportResult {
			deps.access.managed(viewer, editionId);
			const rows = parseProgrammeCsv(text);
			const now = new Date(deps.clock()).toISOString();
			const result: ImportResult = { workshops: 0, rooms: 0, tracks: 0, themes: 0 };
			deps.db.transaction(() => {
				const { structure, workshops } = deps;
				const rooms = new Map(structure.listRooms(editionId).map((r) => [r.name.toLowerCase(), r.id]));
				const tracks = new Map(structure.listTracks(editionId).map((t) => [t.title.toLowerCase(), t.id]));
				const themes = new Map<string, string>();
				for (const t of structure.listThemes(editionId)) for (const n of [t.label, ...(JSON.parse(t.aliases) as string[])]) themes.set(themeKey(n), t.id);
				const ensure = (map: Map<string, string>, key: string, create: (id: string) => void, count: keyof ImportResult) => {
					const found = map.get(key);
					if (found) return found;
					const id = newId();
					create(id);
					map.set(key, id);
					result[count]++;
					return id;
				};
				for (const row of rows) {
					const roomId = row.room ? ensure(rooms, row.room.toLowerCase(), (id) => structure.insertRoom({ id, edition_id: editionId, name: row.room, venue: '' }), 'rooms') : null;
					const trackId = row.track
						? ensure(tracks, row.track.toLowerCase(), (id) => structure.insertTrack({ id, edition_id: editionId, title: row.track, lead: '', description: '' }), 'tracks')
						: null;
					const themeIds = row.themes.map((label) =>
						ensure(themes, themeKey(label), (id) => structure.insertTheme({ id, edition_id: editionId, label: normaliseThemeLabel(label), aliases: '[]' }), 'themes')
					);
					const id = newId();
					workshops.insert({
						id,
						edition_id: editionId,
						title: row.title,
						format: row.format,
						description: row.description,
						track_id: trackId,
						room_id: roomId,
						starts_at: row.startsAt,
						ends_at: row.endsAt,
						status_override: null,
						speakers: row.speakers,
						join_code: newToken(),
						short_code: workshops.unusedShortCode(),
						created_at: now,
						updated_at: now
					});
					workshops.setThemes(id, themeIds);
					outbox.record('workshop.changed', id, { editionId });
					result.workshops++;
				}
				outbox.record('edition.changed', editionId);
			})();
			return result;
		}
	};
}
export type CsvImport = ReturnType<typeof createCsvImport>;
