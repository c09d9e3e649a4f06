// Lenient schedule times: offsets or none, durations like 01:30, 25:00, 1:02:00 or 01:30:00, after-midnight sessions.
import { localDateTime } from '../workshop-status';

/** A conference « day » runs until this hour of the next morning: a 01:30 session belongs to the evening before. */
export const DAY_BOUNDARY_HOUR = 6;

const pad = (n: number) => String(n).padStart(2, '0');

/** Minutes from `HH:MM`, `H:MM`, hours past 24 (`26:00`), `D:HH:MM` (one-digit day), `HH:MM:SS`, or ISO `PT1H30M`. */
export function parseDuration(raw: string): number | null {
	const s = raw.trim();
	const iso = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i.exec(s);
	if (iso && s.length > 1) return Number(iso[1] ?? 0) * 1440 + Number(iso[2] ?? 0) * 60 + Number(iso[3] ?? 0);
	const parts = s.split(':');
	if (!parts.every((p) => /^\d+$/.test(p))) return null;
	const n = parts.map(Number);
	if (parts.length === 2 && n[1]! < 60) return n[0]! * 60 + n[1]!;
	if (parts.length === 3 && n[1]! < 60 && n[2]! < 60) {
		// frab writes multi-day durations as D:HH:MM; zero-padded 01:30:00 is hours, minutes, seconds.
		return parts[0]!.length === 1 && n[1]! < 24 ? n[0]! * 1440 + n[1]! * 60 + n[2]! : n[0]! * 60 + n[1]! + Math.round(n[2]! / 60);
	}
	return null;
}

/** The instant at which the wall clock of `timeZone` shows `local` (YYYY-MM-DDTHH:MM); the earlier one in a DST fold. */
export function zonedToMs(local: string, timeZone: string): number {
	const asUtc = Date.parse(`${local}:00Z`);
	let guess = asUtc;
	for (let i = 0; i < 3; i++) {
		const shown = Date.parse(`${localDateTime(guess, timeZone)}:00Z`);
		const next = guess + (asUtc - shown);
		if (next === guess) break;
		guess = next;
	}
	return guess;
}

export const addMinutes = (local: string, minutes: number, timeZone: string) => localDateTime(zonedToMs(local, timeZone) + minutes * 60_000, timeZone);

export type ParsedInstant = { local: string; hadOffset: boolean };

/**
 * An ISO-like date-time with or without seconds and offset; with an offset it is converted to `timeZone`, without one
 * it is taken as that zone's wall clock already. Null when it is not a date-time.
 */
export function parseDateTime(raw: string, timeZone: string): ParsedInstant | null {
	const m = /^(\d{4})-?(\d{2})-?(\d{2})[T ](\d{1,2}):?(\d{2})(?::?(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})?$/i.exec(raw.trim());
	if (!m) return null;
	const [, y, mo, d, h, mi, , offset] = m;
	const local = `${y}-${mo}-${d}T${pad(Number(h))}:${mi}`;
	if (Number(h) > 23 || Number(mi) > 59 || Number.isNaN(Date.parse(`${local}:00Z`))) return null;
	if (!offset) return { local, hadOffset: false };
	const normalised = offset.toUpperCase() === 'Z' ? 'Z' : offset.length === 3 ? `${offset}:00` : offset.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
	const ms = Date.parse(`${local}:00${normalised}`);
	return Number.isNaN(ms) ? null : { local: localDateTime(ms, timeZone), hadOffset: true };
}

/**
 * A clock time on a schedule day (the pentabarf dialect gives only `<start>01:30</start>` under `<day date>`):
 * hours past 24 and times before the day's start (or before 06:00) fall on the next calendar date.
 */
export function onScheduleDay(date: string, time: string, dayStartsAt?: string): string | null {
	const m = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(time.trim());
	if (!m || !/^\d{4}-\d{2}-\d{2}$/.test(date) || Number(m[2]) > 59) return null;
	let hours = Number(m[1]);
	const minutes = Number(m[2]);
	const boundary = dayStartsAt && /^\d{1,2}:\d{2}/.test(dayStartsAt) ? Math.min(Number(dayStartsAt.split(':')[0]), DAY_BOUNDARY_HOUR) : DAY_BOUNDARY_HOUR;
	if (hours < boundary && hours * 60 + minutes < boundary * 60) hours += 24;
	const dayMs = Date.parse(`${date}T00:00:00Z`);
	if (Number.isNaN(dayMs)) return null;
	return new Date(dayMs + (hours * 60 + minutes) * 60_000).toISOString().slice(0, 16);
}

/** The conference day a local start time belongs to: sessions before 06:00 count for the day before. */
export function scheduleDayOf(local: string): string {
	const hour = Number(local.slice(11, 13));
	if (hour >= DAY_BOUNDARY_HOUR) return local.slice(0, 10);
	return new Date(Date.parse(`${local.slice(0, 10)}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
