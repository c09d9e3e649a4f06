// GDPR: a person downloads everything they wrote (portability) or erases their personal data while their
// licensed contributions stay, credited « contributeur anonyme ».
import { verify } from '@node-rs/argon2';
import { z } from 'zod';
import type { Db } from '../../db/open';
import type { ArchivePage, ChatDocumentsPort, DriveDocumentsPort } from '../ports';
import { isTombstone, type ChatEntry } from '../../shared/chat-doc';
import { AppError } from '../../shared/errors';
import { parseInput } from '../../shared/validate';
import { anonymousLabel } from '../deliverables/credits';
import type { CreditNames } from '../deliverables/credit-names';
import type { PmNode } from '../pads/pad-html';
import { renderPadMarkdown } from '../pads/pad-markdown';
import type { Clock, Viewer } from '../types';
import { createPrivacyRepo } from './privacy.repo';
import { createUsersRepo } from './users.repo';
import { can } from '../access/policy';
import { accountRole, ownData } from '../access/subject';

export const PERSONAL_DATA_VERSION = 1;

/** Accounts confirm with their password; guests, who have none, by typing their display name. */
export const eraseSchema = z.object({
	password: z.string().max(200, 'tooLong').optional().default(''),
	confirmName: z.string().trim().max(80, 'tooLong').optional().default('')
});

type Deps = {
	db: Db;
	clock: Clock;
	chat: Pick<ChatDocumentsPort, 'snapshot' | 'archivePage' | 'renamePerson'>;
	drive: Pick<DriveDocumentsPort, 'renamePerson'>;
	/** Pads naming the person, and search, follow the erasure (deliverables/credit-names). */
	names?: Pick<CreditNames, 'erased'>;
	/** A pad's current content as ProseMirror JSON. */
	padContent: (padId: string) => Promise<unknown>;
};

export function createPrivacyService(deps: Deps) {
	const repo = createPrivacyRepo(deps.db);
	const users = createUsersRepo(deps.db);
	const now = () => new Date(deps.clock()).toISOString();

	/** A workshop's whole chat: the archive page by page, then the live messages. */
	async function chatEntries(workshopId: string): Promise<ChatEntry[]> {
		const archived: ChatEntry[] = [];
		for (let before: number | null = null, first = true; first || before !== null; first = false) {
			const page: ArchivePage = await deps.chat.archivePage(workshopId, before, 500);
			archived.unshift(...page.entries);
			before = page.nextCursor;
		}
		return [...archived, ...(await deps.chat.snapshot(workshopId)).entries];
	}

	/** The viewer's own account, when the policy lets them `action` its data (only ever their own). */
	function requireUser(viewer: Viewer | null, action: 'export' | 'write') {
		if (!viewer) throw new AppError('unauthenticated', 'error.loginFirst');
		const user = users.findById(viewer.id);
		if (!user) throw new AppError('not_found', 'error.user.notFound');
		if (!can(accountRole(viewer), action, 'accountData', ownData(viewer, user.id))) throw new AppError('forbidden', 'error.forbidden');
		return user;
	}

	return {
		/** Everything the person wrote or chose, as one JSON document; never password hashes or token secrets. */
		async collect(viewer: Viewer | null) {
			const user = requireUser(viewer, 'export');
			const workshops = repo.workshops(user.id);
			const chatMessages = [];
			for (const w of workshops)
				for (const e of await chatEntries(w.id))
					if (!isTombstone(e) && e.authorId === user.id) chatMessages.push({ workshopId: w.id, workshopTitle: w.title, ...e });
			const pads = [];
			for (const p of repo.pads(user.id)) pads.push({ ...p, markdown: renderPadMarkdown((await deps.padContent(p.id)) as PmNode) });
			return {
				schema: 'medialab-personal-data',
				version: PERSONAL_DATA_VERSION,
				exportedAt: now(),
				profile: { id: user.id, username: user.username, displayName: user.display_name, email: user.email, isGuest: user.is_guest === 1, createdAt: user.created_at },
				memberships: repo.memberships(user.id),
				workshops,
				creditChoices: repo.creditChoices(user.id),
				chatMessages,
				// Authorship is recorded per update, not per character: each pad is given whole, as it reads now.
				pads,
				files: repo.files(user.id).map(({ sha256: _sha, ...f }) => f),
				deliverableComments: repo.comments(user.id),
				syntheses: repo.syntheses(user.id),
				apiTokens: repo.apiTokens(user.id),
				programmePicks: repo.programmePicks(user.id),
				programmeFeeds: repo.programmeFeeds(user.id)
			};
		},

		/** Files the person uploaded, with their content address (for the zip export). */
		uploadedFiles: (viewer: Viewer | null) => repo.files(requireUser(viewer, 'export').id),

		/**
		 * Erases who the person is: username, e-mail, password, display name, sessions, tokens, affiliations, and the
		 * copies of their name beside what they left. Their contributions stay, credited anonymously in every edition.
		 */
		async erase(viewer: Viewer | null, raw: unknown): Promise<void> {
			const user = requireUser(viewer, 'write');
			const input = parseInput(eraseSchema, raw);
			if (user.is_guest === 0) {
				if (!input.password) throw new AppError('invalid', 'error.account.confirmPassword', { password: 'required' });
				if (!user.password_hash || !(await verify(user.password_hash, input.password))) {
					throw new AppError('invalid', 'error.account.wrongPassword', { password: 'wrongPassword' });
				}
			} else if (input.confirmName !== user.display_name.trim()) {
				throw new AppError('invalid', 'error.account.nameMismatch', { confirmName: input.confirmName ? 'nameMismatch' : 'required' });
			}
			const workshops = new Set([...repo.workshops(user.id).map((w) => w.id), ...repo.files(user.id).map((f) => f.workshopId)]);
			deps.db.transaction(() => {
				repo.anonymise(user.id, anonymousLabel.fr, repo.creditedEditions(user.id), now());
			})();
			// The live chat and drive documents carry names too; their rooms rewrite them and drop the old history.
			for (const workshopId of workshops) {
				await deps.chat.renamePerson(workshopId, user.id, anonymousLabel.fr);
				await deps.drive.renamePerson(workshopId, user.id, anonymousLabel.fr);
			}
			await deps.names?.erased(user.id, workshops);
		}
	};
}
export type PrivacyService = ReturnType<typeof createPrivacyService>;
