// The policy table in plain words, as Markdown: docs/access.md shows it and a test keeps the two identical.
import { actions, conditions, policy, resources, roles, type Action, type Cell, type Resource, type Role } from './policy';

export const roleLabels: Record<Role, string> = {
	anonymous: 'Reader without an account',
	reader: 'Signed-in reader, no role in the edition',
	member: 'Participant of another workshop of the edition',
	guest: 'Guest (no account) of the workshop',
	participant: 'Participant of the workshop',
	facilitator: 'Facilitator of the edition',
	organiser: 'Organiser of the edition',
	admin: 'Instance admin'
};

export const resourceLabels: Record<Resource, string> = {
	edition: 'The edition (programme, key figures, open data)',
	workshop: 'A workshop (its page; taking part; status and join link; editing it; inviting its listed speakers to claim their name)',
	padLive: 'A workshop’s live pads (and their exports)',
	padHistory: 'A pad’s history and saved versions',
	chat: 'A workshop’s chat',
	driveFile: 'A workshop’s drive and its files',
	deliverable: 'A deliverable (versions, credits, exports)',
	proceedings: 'The edition’s proceedings (syntheses, citations, « En savoir + » links, booklets)',
	kit: 'Event kits',
	accountData: 'Account data (profile, credit choices, tokens, personal data export)',
	helpRequest: 'A help request to the MédiaLab desk (ask and cancel; see, claim and close)',
	mySchedule: 'A person’s own programme (« Mon programme »: picked sessions and their private calendar feed)',
	chatReport: 'A report of a chat message (« Signaler »; the moderation queue: hide or dismiss)',
	assistedWriting: 'Writing in a pad on someone’s behalf (accept or decline for oneself; ask, mark present and write)',
	instance: 'The instance’s administration (quarantined real-time rows)'
};

const shortConditions: Record<keyof typeof conditions, string> = {
	published: 'published edition',
	notArchived: 'edition not archived',
	closed: 'closed workshop',
	workspacePublic: 'workspace opened by the organiser',
	chatPublic: 'chats opened by the organiser',
	notLocked: 'pads not locked',
	notDeleted: 'not in the bin',
	shownPublicly: 'shown by a published deliverable',
	markedPublic: 'marked public',
	deliverableOut: 'published',
	deliverableShared: 'in review or published',
	proceedingsOut: 'proceedings published',
	self: 'own data'
};

function describe(cell: Cell | undefined): string {
	if (!cell) return '—';
	const alternatives = cell.map((all) => (all.length === 0 ? 'yes' : all.map((c) => shortConditions[c]).join(' + ')));
	return alternatives.includes('yes') ? 'yes' : alternatives.join(' <br>or ');
}

/** One table per resource: roles down, the actions that resource has across. */
export function policyMarkdown(): string {
	const parts: string[] = [];
	for (const resource of resources) {
		const used = actions.filter((a: Action) => policy[resource][a] !== undefined);
		parts.push(`### ${resourceLabels[resource]}`, '', `| | ${used.join(' | ')} |`, `| --- | ${used.map(() => '---').join(' | ')} |`);
		for (const role of roles) parts.push(`| ${roleLabels[role]} | ${used.map((a) => describe(policy[resource][a]?.[role])).join(' | ')} |`);
		parts.push('');
	}
	parts.push('Conditions:', '', ...Object.entries(conditions).map(([key, text]) => `- **${shortConditions[key as keyof typeof conditions]}**: ${text}.`));
	return parts.join('\n');
}
