// « Mon programme »: the sessions a person picks in an edition, and the secret calendar feed that serves only those.
import type { Db } from '../../db/open';
import { AppError } from '../../shared/errors';
import { newToken } from '../../shared/ids';
import { can, type Action } from '../access/policy';
import { editionFacts } from '../access/subject';
import { toViewer } from '../accounts/sessions.service';
import type { UserRow } from '../accounts/users.repo';
import type { AccessRules } from '../editions/access';
import type { Clock, Viewer } from '../types';
import type { WorkshopsService } from './workshops.service';

/** Recognisable in logs and by secret scanners; the rest is 20 random base32 characters. */
export const FEED_PREFIX = 'mlcal_';

export type MyProgrammeState = { picked: string[]; feedToken: string | null };

export function createMyProgramme(deps: { db: Db; clock: Clock; access: AccessRules; workshops: Pick<WorkshopsService, 'programme'> }) {
	const { db, access } = deps;
	const q = {
		picked: db.prepare<[string, string], { workshop_id: string }>('SELECT workshop_id FROM programme_picks WHERE user_id = ? AND edition_id = ? ORDER BY picked_at'),
		pick: db.prepare('INSERT OR IGNORE INTO programme_picks (user_id, edition_id, workshop_id, picked_at) VALUES (?, ?, ?, ?)'),
		unpick: db.prepare('DELETE FROM programme_picks WHERE user_id = ? AND workshop_id = ?'),
		workshopEdition: db.prepare<[string], { edition_id: string }>('SELECT edition_id FROM workshops WHERE id = ?'),
		feedToken: db.prepare<[string, string], { token: string }>('SELECT token FROM programme_feeds WHERE user_id = ? AND edition_id = ?'),
		setFeed: db.prepare(
			'INSERT INTO programme_feeds (user_id, edition_id, token, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (user_id, edition_id) DO UPDATE SET token = excluded.token, created_at = excluded.created_at'
		),
		dropFeed: db.prepare('DELETE FROM programme_feeds WHERE user_id = ? AND edition_id = ?'),
		feedOwner: db.prepare<[string], UserRow & { feed_edition_id: string }>(
			'SELECT users.*, programme_feeds.edition_id AS feed_edition_id FROM programme_feeds JOIN users ON users.id = programme_feeds.user_id WHERE programme_feeds.token = ?'
		)
	};

	/** The edition, if the viewer may `action` their own programme in it; anonymous readers have none. */
	function allowed(viewer: Viewer | null, editionId: string, action: Action) {
		const { edition, access: rights } = access.readable(viewer, editionId);
		const ok = viewer !== null && can(rights.subject, action, 'mySchedule', { ...editionFacts(edition), self: true });
		return { edition, viewer: ok ? viewer : null };
	}
	function owner(viewer: Viewer | null, editionId: string, action: Action): Viewer {
		const found = allowed(viewer, editionId, action).viewer;
		if (!viewer) throw new AppError('unauthenticated', 'error.loginFirst');
		if (!found) throw new AppError('forbidden', 'error.forbidden');
		return found;
	}
	const state = (userId: string, editionId: string): MyProgrammeState => ({
		picked: q.picked.all(userId, editionId).map((r) => r.workshop_id),
		feedToken: q.feedToken.get(userId, editionId)?.token ?? null
	});

	return {
		/** The viewer's picks and feed, or null when they cannot have a programme here (not signed in). */
		state(viewer: Viewer | null, editionId: string): MyProgrammeState | null {
			const me = allowed(viewer, editionId, 'read').viewer;
			return me ? state(me.id, editionId) : null;
		},

		/** Adds a session of the edition to the viewer's programme, or takes it out. */
		setPicked(viewer: Viewer | null, editionId: string, workshopId: string, picked: boolean): MyProgrammeState {
			const me = owner(viewer, editionId, 'write');
			if (q.workshopEdition.get(workshopId)?.edition_id !== editionId) throw new AppError('not_found', 'error.workshop.notFound');
			if (picked) q.pick.run(me.id, editionId, workshopId, deps.clock());
			else q.unpick.run(me.id, workshopId);
			return state(me.id, editionId);
		},

		/** A new secret address for the feed; the previous one stops answering at once. */
		renewFeed(viewer: Viewer | null, editionId: string): string {
			const me = owner(viewer, editionId, 'write');
			const token = FEED_PREFIX + newToken();
			q.setFeed.run(me.id, editionId, token, deps.clock());
			return token;
		},

		revokeFeed(viewer: Viewer | null, editionId: string) {
			q.dropFeed.run(owner(viewer, editionId, 'write').id, editionId);
		},

		/**
		 * The programme behind a feed token, reduced to its owner's picks. The token acts as its owner: it answers only
		 * while they may still read the edition, and not_found otherwise, like a token that never existed.
		 */
		feed(token: string) {
			const row = token.startsWith(FEED_PREFIX) ? q.feedOwner.get(token) : undefined;
			if (!row) throw new AppError('not_found', 'error.myProgramme.feedNotFound');
			const me = toViewer(row);
			let found;
			try {
				found = allowed(me, row.feed_edition_id, 'export');
			} catch {
				throw new AppError('not_found', 'error.myProgramme.feedNotFound');
			}
			if (!found.viewer) throw new AppError('not_found', 'error.myProgramme.feedNotFound');
			const picked = new Set(state(me.id, row.feed_edition_id).picked);
			const programme = deps.workshops.programme(me, row.feed_edition_id);
			return { edition: programme.edition, workshops: programme.workshops.filter((w) => picked.has(w.id)) };
		}
	};
}
export type MyProgramme = ReturnType<typeof createMyProgramme>;
