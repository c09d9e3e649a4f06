// A workshop's status from its slot and the edition's local time, unless a facilitator overrode it.
import type { WorkshopStatus } from '../../shared/vocabulary';

/** 'YYYY-MM-DDTHH:MM' for `ms` in `timeZone`: workshop slots are stored as local times of the edition. */
const formatters = new Map<string, Intl.DateTimeFormat>();

export function localDateTime(ms: number, timeZone: string): string {
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
