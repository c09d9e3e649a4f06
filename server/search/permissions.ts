// Which search documents a viewer may see, as a Meilisearch filter built server-side from their rights in SQLite.
import type { Db } from '../db/open';
import type { Viewer } from '../domain/types';

const list = (ids: Iterable<string>) => `[${[...ids].map((id) => `"${id.replace(/["\\]/g, '\\$&')}"`).join(', ')}]`;

/**
 * The same rules as the pages: an edition's readers see its edition and workshop documents; a workshop's pads and
 * files are for its participants and the edition's staff, and for every reader once the workshop is closed; chat
 * messages likewise, but for every reader only if the edition made its chat public. Admins see everything.
 */
export function createSearchPermissions(db: Db) {
	const published = db.prepare<[], { id: string; chat_public: number }>("SELECT id, chat_public FROM editions WHERE status = 'published'");
	const memberships = db.prepare<[string], { edition_id: string; role: string; chat_public: number }>(
		'SELECT m.edition_id, m.role, e.chat_public FROM edition_members m JOIN editions e ON e.id = m.edition_id WHERE m.user_id = ?'
	);
	const participations = db.prepare<[string], string>('SELECT workshop_id FROM workshop_participants WHERE user_id = ?').pluck();

	/** null: no restriction; false: nothing is visible; else the filter to AND with the query's own. */
	function filterFor(viewer: Viewer | null, now: number): string | null | false {
		if (viewer?.isAdmin) return null;
		const readable = new Set<string>();
		const chatPublic = new Set<string>();
		for (const e of published.all()) {
			readable.add(e.id);
			if (e.chat_public) chatPublic.add(e.id);
		}
		const staff = new Set<string>();
		const workshops = new Set<string>();
		if (viewer) {
			for (const m of memberships.all(viewer.id)) {
				readable.add(m.edition_id);
				if (m.chat_public) chatPublic.add(m.edition_id);
				if (m.role === 'organiser' || m.role === 'facilitator') staff.add(m.edition_id);
			}
			for (const w of participations.all(viewer.id)) workshops.add(w);
		}
		if (readable.size === 0) return false;
		const visible = ['access = "edition"', `(access = "workshop" AND closedFrom <= ${now})`];
		if (chatPublic.size > 0) visible.push(`(access = "chat" AND closedFrom <= ${now} AND editionId IN ${list(chatPublic)})`);
		if (staff.size > 0) visible.push(`editionId IN ${list(staff)}`);
		if (workshops.size > 0) visible.push(`workshopId IN ${list(workshops)}`);
		return `editionId IN ${list(readable)} AND (${visible.join(' OR ')})`;
	}

	return { filterFor };
}
export type SearchPermissions = ReturnType<typeof createSearchPermissions>;
