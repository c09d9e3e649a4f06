// Which search documents a viewer may see: the policy table's read cells (server/domain/access/policy.ts) turned into a Meilisearch filter.
import type { Db } from '../db/open';
import { cellOf, type Action, type Cell, type Condition, type Resource, type Role } from '../domain/access/policy';
import { roleInWorkshop } from '../domain/access/subject';
import type { Viewer } from '../domain/types';
import type { EditionRole } from '../shared/vocabulary';
import type { DocAccess } from './documents';

const list = (ids: Iterable<string>) => `[${[...ids].map((id) => `"${id.replace(/["\\]/g, '\\$&')}"`).join(', ')}]`;

/** What each kind of search document is, for the policy: pads and files are the workshop's live workspace. */
export const searchedResources: Record<DocAccess, Resource> = { edition: 'edition', workshop: 'padLive', chat: 'chat', proceedings: 'proceedings' };
/** Read unless said: a synthesis being written is found by those who may write it (readers get the published one). */
export const searchedActions: Partial<Record<DocAccess, Action>> = { proceedings: 'write' };

type Facts = { published: Set<string>; chatPublic: Set<string>; workspacePublic: Set<string>; now: number };

/** A condition as a filter: null when it always holds for indexed documents, false when it cannot be expressed (refuse). */
function conditionFilter(condition: Condition, facts: Facts): string | null | false {
	const among = (ids: Set<string>) => (ids.size === 0 ? false : `editionId IN ${list(ids)}`);
	switch (condition) {
		case 'published':
			return among(facts.published);
		case 'chatPublic':
			return among(facts.chatPublic);
		case 'workspacePublic':
			return among(facts.workspacePublic);
		case 'closed':
			return `closedFrom <= ${facts.now}`;
		// pads in the bin and trashed files are not indexed
		case 'notDeleted':
			return null;
		default:
			return false;
	}
}

/** A cell (alternatives of conditions) as a filter: null for "always", false for "never". */
export function cellFilter(cell: Cell | null, facts: Facts): string | null | false {
	if (!cell) return false;
	const alternatives: string[] = [];
	for (const all of cell) {
		const parts = all.map((c) => conditionFilter(c, facts));
		if (parts.includes(false)) continue;
		const kept = parts.filter((p): p is string => typeof p === 'string');
		if (kept.length === 0) return null;
		alternatives.push(kept.length === 1 ? kept[0]! : `(${kept.join(' AND ')})`);
	}
	if (alternatives.length === 0) return false;
	return alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' OR ')})`;
}

const and = (...parts: (string | null)[]) => parts.filter((p): p is string => p !== null).join(' AND ');

export function createSearchPermissions(db: Db) {
	const editions = db.prepare<[string], { id: string; status: string; chat_public: number; workspace_public: number; role: EditionRole | null }>(
		`SELECT e.id, e.status, e.chat_public, e.workspace_public, m.role FROM editions e
		 LEFT JOIN edition_members m ON m.edition_id = e.id AND m.user_id = ?
		 WHERE e.status = 'published' OR m.role IS NOT NULL`
	);
	const participations = db.prepare<[string], string>('SELECT workshop_id FROM workshop_participants WHERE user_id = ?').pluck();

	/** null: no restriction; false: nothing is visible; else the filter to AND with the query's own. */
	function filterFor(viewer: Viewer | null, now: number): string | null | false {
		if (viewer?.isAdmin) return null;
		const facts: Facts = { published: new Set(), chatPublic: new Set(), workspacePublic: new Set(), now };
		// The viewer's role in each edition, for its workshops they do not take part in.
		const byRole = new Map<Role, string[]>();
		for (const e of editions.all(viewer?.id ?? '')) {
			if (e.status === 'published') facts.published.add(e.id);
			if (e.chat_public) facts.chatPublic.add(e.id);
			if (e.workspace_public) facts.workspacePublic.add(e.id);
			const role = roleInWorkshop(viewer, e.role, false);
			byRole.set(role, [...(byRole.get(role) ?? []), e.id]);
		}
		const visible: string[] = [];
		const grant = (scope: string, role: Role) => {
			const gate = cellFilter(cellOf(role, 'read', 'edition'), facts);
			if (gate === false) return;
			for (const [access, resource] of Object.entries(searchedResources)) {
				const rule = cellFilter(cellOf(role, searchedActions[access as DocAccess] ?? 'read', resource), facts);
				if (rule !== false) visible.push(`(${and(scope, `access = "${access}"`, resource === 'edition' ? null : gate, rule)})`);
			}
		};
		for (const [role, ids] of byRole) grant(`editionId IN ${list(ids)}`, role);
		const mine = viewer ? participations.all(viewer.id) : [];
		if (viewer && mine.length > 0) grant(`workshopId IN ${list(mine)}`, viewer.isGuest ? 'guest' : 'participant');
		return visible.length === 0 ? false : visible.join(' OR ');
	}

	return { filterFor };
}
export type SearchPermissions = ReturnType<typeof createSearchPermissions>;
