// A workshop's status from its slot and the edition's local time, unless a facilitator overrode it.
import type { WorkshopStatus } from '../../shared/vocabulary';

/** 'YYYY-MM-DDTHH:MM' for `ms` in `timeZone`: workshop slots are stored as local times of the edition. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Per time zone, the last minute formatted: every access check asks it, and formatToParts costs tens of µs. */
const lastMinute = new Map<string, { minute: number; text: string }>();

/** Exact per UTC minute: time zones are offset by whole minutes, so a UTC minute is one local minute. */
export function localDateTime(ms: number, timeZone: string): string {
	const minute = Math.floor(ms / 60_000);
	const last = lastMinute.get(timeZone);
	if (last?.minute === minute) return last.text;
	const text = formatLocal(ms, timeZone);
	lastMinute.set(timeZone, { minute, text });
	return text;
}

function formatLocal(ms: number, timeZone: string): string {
	let format = formatters.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
		formatters.set(timeZone, format);
	}
	const parts = Object.fromEntries(format.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
	return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

export function workshopStatus(slot: { starts_at: string; ends_at: string; status_override: WorkshopStatus | null }, nowLocal: string): WorkshopStatus {
	if (slot.status_override) return slot.status_override;
	if (nowLocal < slot.starts_at) return 'upcoming';
	return nowLocal < slot.ends_at ? 'live' : 'closed';
}
