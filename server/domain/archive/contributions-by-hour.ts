// Contributions over the event's hours: edits, files and publications counted per hour of the event, on the edition's clock.
import { localDateTime } from '../programme/workshop-status';

/** `hour` is the local 'YYYY-MM-DDTHH' the count falls in. */
export type HourCount = { hour: string; contributions: number };

/** The event's hours: for each day with workshops, from the first start to the last end (local times). */
function eventHours(workshops: { startsAt: string; endsAt: string }[]): string[] {
	const spans = new Map<string, { from: number; to: number }>();
	for (const w of workshops) {
		const day = w.startsAt.slice(0, 10);
		const from = Number(w.startsAt.slice(11, 13));
		// A workshop ending on another day (or at midnight) fills its day to the end.
		const to = w.endsAt.slice(0, 10) === day ? Number(w.endsAt.slice(11, 13)) - (w.endsAt.slice(14, 16) === '00' ? 1 : 0) : 23;
		const span = spans.get(day) ?? { from, to: Math.max(from, to) };
		spans.set(day, { from: Math.min(span.from, from), to: Math.max(span.to, to, from) });
	}
	return [...spans.entries()]
		.sort(([a], [b]) => a.localeCompare(b))
		.flatMap(([day, { from, to }]) => Array.from({ length: to - from + 1 }, (_, i) => `${day}T${String(from + i).padStart(2, '0')}`));
}

/** Counts each instant (Unix ms) in its local hour; instants outside the event's hours (a late fix, a seed) are left out. */
export function contributionsByHour(times: number[], timeZone: string, workshops: { startsAt: string; endsAt: string }[]): HourCount[] {
	const counts = new Map(eventHours(workshops).map((hour) => [hour, 0]));
	for (const at of times) {
		const hour = localDateTime(at, timeZone).slice(0, 13);
		const n = counts.get(hour);
		if (n !== undefined) counts.set(hour, n + 1);
	}
	return [...counts].map(([hour, contributions]) => ({ hour, contributions }));
}
