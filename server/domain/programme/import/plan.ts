// Compares an imported programme with the workshops earlier imports made: what would be added, changed, cancelled.
import type { WorkshopFormat } from '../../../shared/vocabulary';
import type { ImportedSession } from './normalised';

export type ImportedWorkshop = {
	workshopId: string;
	key: string;
	ref: string;
	title: string;
	format: WorkshopFormat;
	startsAt: string;
	endsAt: string;
	room: string;
	track: string;
	speakers: string;
	description: string;
	cancelled: boolean;
};
export const changeFields = ['restored', 'title', 'slot', 'room', 'track', 'format', 'speakers', 'description'] as const;
export type ChangeField = (typeof changeFields)[number];
export type Slot = { title: string; startsAt: string; endsAt: string; room: string };

export type PlannedChange =
	| { kind: 'added'; session: ImportedSession; format: WorkshopFormat }
	| { kind: 'updated'; session: ImportedSession; format: WorkshopFormat; workshopId: string; fields: ChangeField[]; before: Slot }
	| { kind: 'unchanged'; session: ImportedSession; format: WorkshopFormat; workshopId: string }
	| { kind: 'cancelled'; workshopId: string; ref: string; before: Slot };
export type PlanCounts = Record<PlannedChange['kind'], number>;

export const speakersText = (names: string[]) => names.join(', ').slice(0, 300);
const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function changedFields(session: ImportedSession, format: WorkshopFormat, w: ImportedWorkshop): ChangeField[] {
	const fields: ChangeField[] = [];
	if (w.cancelled) fields.push('restored');
	if (session.title !== w.title) fields.push('title');
	if (session.startsAt !== w.startsAt || session.endsAt !== w.endsAt) fields.push('slot');
	if (!same(session.room, w.room)) fields.push('room');
	if (!same(session.track, w.track)) fields.push('track');
	if (format !== w.format) fields.push('format');
	if (speakersText(session.speakers) !== w.speakers) fields.push('speakers');
	if (session.description !== w.description) fields.push('description');
	return fields;
}

/** A session finds its workshop by identity, else by the source's own id (a GUID appearing in a later version of the file). */
export function planImport(sessions: ImportedSession[], existing: ImportedWorkshop[], formatOf: (type: string) => WorkshopFormat) {
	const byKey = new Map(existing.map((w) => [w.key, w]));
	const byRef = new Map(existing.filter((w) => w.ref !== '').map((w) => [w.ref, w]));
	const matched = new Set<string>();
	const changes: PlannedChange[] = [];
	for (const session of sessions) {
		const format = formatOf(session.type);
		let found = byKey.get(session.key);
		if (!found && session.ref !== '') found = byRef.get(session.ref);
		if (found && matched.has(found.workshopId)) found = undefined;
		if (!found) {
			changes.push({ kind: 'added', session, format });
			continue;
		}
		matched.add(found.workshopId);
		const fields = changedFields(session, format, found);
		const before = { title: found.title, startsAt: found.startsAt, endsAt: found.endsAt, room: found.room };
		changes.push(fields.length > 0 ? { kind: 'updated', session, format, workshopId: found.workshopId, fields, before } : { kind: 'unchanged', session, format, workshopId: found.workshopId });
	}
	for (const w of existing) {
		if (matched.has(w.workshopId) || w.cancelled) continue;
		changes.push({ kind: 'cancelled', workshopId: w.workshopId, ref: w.ref, before: { title: w.title, startsAt: w.startsAt, endsAt: w.endsAt, room: w.room } });
	}
	const counts: PlanCounts = { added: 0, updated: 0, unchanged: 0, cancelled: 0 };
	for (const c of changes) counts[c.kind]++;
	return { changes, counts };
}
export type ImportPlan = ReturnType<typeof planImport>;
