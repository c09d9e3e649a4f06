// Shared by every format: checks one raw session, truncates and reports, drops duplicates, builds the normalised programme.
import { itemName, LIMITS, type ImportedProgramme, type ImportedSession, type ReportItem, type SourceKind } from './normalised';
import { oneLine, personName, plainText, truncate } from './text';
import { addMinutes, parseDuration } from './time';

export type RawSession = {
	/** GUID when the source has one; else ref is the identity. */
	guid?: string | null;
	ref: string;
	title: unknown;
	type?: unknown;
	/** Local start in the edition's zone, or null when the source's time could not be read. */
	startsAt: string | null;
	/** Local end, or a duration as written in the source. */
	endsAt?: string | null;
	duration?: string | null;
	room?: unknown;
	track?: unknown;
	speakers?: unknown[];
	description?: unknown;
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createCollector(kind: SourceKind, timeZone: string) {
	const sessions: ImportedSession[] = [];
	const report: ReportItem[] = [];
	const seen = new Set<string>();
	const note = (item: string, reason: ReportItem['reason'], detail?: string): void => {
		report.push(detail === undefined ? { item, reason } : { item, reason, detail });
	};

	function add(raw: RawSession): void {
		const ref = oneLine(raw.ref);
		const rawTitle = oneLine(raw.title);
		const item = itemName(ref, rawTitle || '?');
		if (rawTitle === '') return note(item, 'missingTitle');
		if (raw.startsAt === null) return note(item, 'badTime');
		const guid = typeof raw.guid === 'string' && GUID.test(raw.guid.trim()) ? raw.guid.trim().toLowerCase() : null;
		const key = guid ? `guid:${guid}` : `id:${ref || rawTitle}`;
		if (seen.has(key)) return note(item, 'duplicateId', guid ?? ref);
		let endsAt = raw.endsAt ?? null;
		if (!endsAt) {
			const minutes = raw.duration ? parseDuration(raw.duration) : null;
			if (minutes === null) return note(item, 'badDuration', raw.duration ?? '');
			endsAt = addMinutes(raw.startsAt, minutes, timeZone);
		}
		if (endsAt <= raw.startsAt) return note(item, 'endBeforeStart', `${raw.startsAt} → ${endsAt}`);
		if (sessions.length >= LIMITS.sessions) return note(item, 'tooManySessions', String(LIMITS.sessions));
		seen.add(key);
		const title = truncate(rawTitle, LIMITS.title);
		if (title.truncated) note(item, 'titleTruncated', String(LIMITS.title));
		const description = truncate(plainText(raw.description), LIMITS.description);
		if (description.truncated) note(item, 'descriptionTruncated', String(LIMITS.description));
		const speakers = [...new Set((raw.speakers ?? []).map(personName).filter((n) => n !== ''))];
		sessions.push({
			key,
			ref,
			title: title.text,
			type: oneLine(raw.type).slice(0, LIMITS.type),
			startsAt: raw.startsAt,
			endsAt,
			room: oneLine(raw.room).slice(0, LIMITS.room),
			track: oneLine(raw.track).slice(0, LIMITS.track),
			speakers,
			description: description.text
		});
	}

	const once = new Set<string>();
	return {
		add,
		note,
		/** For what is true of the whole file (no offsets anywhere): reported at its first item only. */
		noteOnce(item: string, reason: ReportItem['reason'], detail?: string) {
			if (once.has(reason)) return;
			once.add(reason);
			note(item, reason, detail);
		},
		done: (version: unknown, title: unknown): ImportedProgramme => ({ kind, version: oneLine(version).slice(0, 100), title: oneLine(title).slice(0, 200), sessions, report })
	};
}
export type Collector = ReturnType<typeof createCollector>;
