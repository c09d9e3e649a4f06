// Who may do what in an edition: one table (roles × resources × actions, with the conditions that open a cell) and can().
export const roles = ['anonymous', 'reader', 'member', 'guest', 'participant', 'facilitator', 'organiser', 'admin'] as const;
export type Role = (typeof roles)[number];

export const actions = ['read', 'write', 'moderate', 'curate', 'publish', 'export', 'administer', 'invite'] as const;
export type Action = (typeof actions)[number];

export const resources = ['edition', 'workshop', 'padLive', 'padHistory', 'chat', 'driveFile', 'deliverable', 'kit', 'proceedings', 'accountData', 'helpRequest', 'mySchedule', 'chatReport', 'assistedWriting', 'instance'] as const;
export type Resource = (typeof resources)[number];

/**
 * What a cell may depend on. Every condition is a fact about the resource or the edition's settings, never about the
 * person: the person is the row.
 */
export const conditions = {
	published: 'the edition is published (archived editions too)',
	notArchived: 'the organiser has not archived the edition (an archived edition is read-only for everyone)',
	closed: 'the workshop has closed',
	workspacePublic: 'the organiser opened closed workshops’ pads, histories and drive to readers',
	chatPublic: 'the organiser opened closed workshops’ chats to readers',
	notLocked: 'the workshop’s pads are not locked (closing delay passed, or locked by a facilitator)',
	notDeleted: 'the pad or file is not in the bin',
	shownPublicly: 'the file is shown by a published deliverable',
	markedPublic: 'a facilitator marked the file public',
	deliverableOut: 'the deliverable is published (or withdrawn, which shows its notice)',
	deliverableShared: 'the deliverable is no longer a draft (in review, published or withdrawn)',
	proceedingsOut: 'a version of the edition’s proceedings is published',
	self: 'the data is the person’s own'
} as const;
export type Condition = keyof typeof conditions;

/** The facts a decision reads; absent facts count as false. */
export type Situation = Partial<Record<Condition, boolean>>;

/** A cell: alternatives (any one suffices), each a list of conditions that must all hold. Absent: refused. */
export type Cell = readonly (readonly Condition[])[];
const always: Cell = [[]];
const when = (...all: Condition[]): Cell => [all];
const either = (...alternatives: Cell[]): Cell => alternatives.flat();

type Row = Partial<Record<Role, Cell>>;
const staff = (cell: Cell = always): Row => ({ facilitator: cell, organiser: cell, admin: cell });
const managers = (cell: Cell = always): Row => ({ organiser: cell, admin: cell });
const workshopMembers = (cell: Cell = always): Row => ({ guest: cell, participant: cell, ...staff(cell) });
const outsiders = (cell: Cell): Row => ({ anonymous: cell, reader: cell, member: cell });
const everyone = (cell: Cell = always): Row => ({ ...outsiders(cell), ...workshopMembers(cell) });
const signedIn = (cell: Cell): Row => {
	const { anonymous: _, ...rest } = everyone(cell);
	return rest;
};

/** The workshop's live workspace: its members, and readers once it closed if the organiser opened it. */
const workspaceRead: Row = { ...outsiders(when('notDeleted', 'closed', 'workspacePublic')), guest: when('notDeleted'), participant: when('notDeleted'), ...staff() };
const workspaceWrite: Row = { guest: when('notDeleted', 'notLocked', 'notArchived'), participant: when('notDeleted', 'notLocked', 'notArchived'), ...staff(when('notDeleted', 'notArchived')) };

/**
 * THE table. Before any cell is read, the edition itself must be readable (see `can`): nothing of a draft edition
 * leaks to people outside it. Roles are per edition; for a workshop's resources, `guest` and `participant` mean
 * "of this workshop" and `member` is someone taking part in another workshop of the edition.
 */
export const policy: Record<Resource, Partial<Record<Action, Row>>> = {
	edition: {
		read: { ...everyone(), anonymous: when('published'), reader: when('published') },
		export: { ...everyone(), anonymous: when('published'), reader: when('published') },
		curate: managers(),
		publish: managers(),
		administer: managers()
	},
	workshop: {
		read: everyone(),
		// taking part (joining from the workshop page) needs an account
		write: { reader: when('notArchived'), member: when('notArchived'), ...workshopMembers(when('notArchived')) },
		moderate: staff(),
		administer: managers(),
		// handing a listed speaker the link that makes their account the workshop's facilitator
		invite: managers(when('notArchived'))
	},
	padLive: { read: workspaceRead, export: workspaceRead, write: workspaceWrite, moderate: staff(when('notArchived')) },
	padHistory: { read: workspaceRead, export: workspaceRead, write: workspaceWrite },
	chat: {
		read: { ...outsiders(when('closed', 'chatPublic')), ...workshopMembers() },
		write: workshopMembers(when('notArchived')),
		// Hiding a message stays possible in an archive: it protects the people in it.
		moderate: staff()
	},
	driveFile: {
		read: {
			...outsiders(either(when('notDeleted', 'closed', 'workspacePublic'), when('notDeleted', 'shownPublicly'), when('notDeleted', 'markedPublic'))),
			guest: when('notDeleted'),
			participant: when('notDeleted'),
			...staff()
		},
		write: workshopMembers(when('notArchived')),
		moderate: staff(when('notArchived'))
	},
	deliverable: {
		read: { ...outsiders(when('deliverableOut')), guest: when('deliverableShared'), participant: when('deliverableShared'), ...staff() },
		export: { ...outsiders(when('deliverableOut')), guest: when('deliverableShared'), participant: when('deliverableShared'), ...staff() },
		write: { guest: when('deliverableShared', 'notArchived'), participant: when('deliverableShared', 'notArchived'), ...staff(when('notArchived')) },
		curate: staff(when('notArchived')),
		publish: staff(when('notArchived'))
	},
	// Syntheses, citations and « En savoir + » links are composed by the staff; readers see published versions only.
	proceedings: {
		read: { ...outsiders(when('proceedingsOut')), guest: when('proceedingsOut'), participant: when('proceedingsOut'), ...staff() },
		export: { ...outsiders(when('proceedingsOut')), guest: when('proceedingsOut'), participant: when('proceedingsOut'), ...staff() },
		write: staff(when('notArchived')),
		publish: staff(when('notArchived'))
	},
	kit: {
		read: everyone(),
		export: everyone(),
		curate: managers()
	},
	// Only ever one's own: no role, not even the instance admin's, reads another person's account data.
	accountData: { read: signedIn(when('self')), write: signedIn(when('self')), export: signedIn(when('self')) },
	// The MédiaLab desk: people of the workshop ask (and cancel their own); the edition's staff see, claim and close.
	helpRequest: {
		read: { guest: when('self'), participant: when('self'), ...staff() },
		write: { guest: when('notArchived'), participant: when('notArchived') },
		moderate: staff()
	},
	// « Mon programme »: the sessions a person picked and their calendar feed, only ever their own; the feed's token
	// acts as its owner, so it stops when the owner may no longer read the edition.
	mySchedule: { read: signedIn(when('self')), write: signedIn(when('self')), export: signedIn(when('self')) },
	// « Signaler »: the people of the workshop flag a chat message; the staff see the queue and hide or dismiss.
	chatReport: { write: workshopMembers(when('notArchived')), moderate: staff() },
	// Writing on someone's behalf: the staff ask and write; the participant asked answers (accepts or declines) for themselves.
	assistedWriting: { write: { guest: when('self', 'notArchived'), participant: when('self', 'notArchived') }, moderate: staff(when('notArchived')) },
	// The instance's own administration pages (quarantined real-time rows): its administrators, nobody else.
	instance: { administer: { admin: always } }
};

/** Resources that live inside an edition: refused outright when the edition itself is not readable. */
const insideEdition = new Set<Resource>(['workshop', 'padLive', 'padHistory', 'chat', 'driveFile', 'deliverable', 'kit', 'proceedings', 'helpRequest', 'mySchedule', 'chatReport', 'assistedWriting']);

/** The cell's raw alternatives, for code that must translate the rule (the search filter) rather than apply it. */
export function cellOf(role: Role, action: Action, resource: Resource): Cell | null {
	return policy[resource][action]?.[role] ?? null;
}

const holds = (cell: Cell | null, facts: Situation) => cell !== null && cell.some((all) => all.every((c) => facts[c] === true));

/** The one decision: may someone in `role` do `action` on `resource`, given the facts of the situation? */
export function can(role: Role, action: Action, resource: Resource, facts: Situation = {}): boolean {
	if (insideEdition.has(resource) && !holds(cellOf(role, 'read', 'edition'), facts)) return false;
	return holds(cellOf(role, action, resource), facts);
}
