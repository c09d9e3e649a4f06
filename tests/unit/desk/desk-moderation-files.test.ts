// The desk's two other alerts: chat messages reported and waiting for moderation, and drive files whose processing failed.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { App } from '../../../server/app';
import type { DeskEvent } from '../../../server/domain/desk/desk-events';
import { alertsOf, rankAlerts, type TileFacts } from '../../../server/domain/desk/alerts';
import { appendChatMessage, newChatMessageId } from '../../../server/shared/chat-doc';
import type { Viewer } from '../../../server/domain/types';
import { createAccount, createEdition, createGuest, createTestApp, createWorkshop, expectAppError, joinCodeOf, MINUTE } from '../factories';
import { chunks, createDriveWorld } from '../drive/drive-fixtures';

const T0 = Date.parse('2018-09-13T12:00:00Z');
const settings = { emptyPadMinutes: 20, idlePadMinutes: 10, closeDelayMinutes: 120 };
const tile = (over: Partial<TileFacts>): TileFacts => ({
	workshopId: 'w',
	status: 'upcoming',
	startedAt: T0,
	endedAt: T0 + 90 * MINUTE,
	pads: [],
	hasDeliverable: false,
	openHelp: [],
	...over
});

function say(app: App, workshopId: string, author: Viewer, text: string): string {
	const id = newChatMessageId();
	app.rooms.withRoom(`chat:${workshopId}`, (room) => {
		const doc = new Y.Doc();
		Y.applyUpdate(doc, room.state());
		const before = Y.encodeStateVector(doc);
		appendChatMessage(doc, { v: 1, id, authorId: author.id, authorName: author.displayName, text, at: Date.now() });
		room.applyServerUpdate(Y.encodeStateAsUpdate(doc, before), author.id);
	});
	return id;
}

async function world() {
	const t = createTestApp();
	t.setTime(T0);
	const { app } = t;
	const organiser = await createAccount(app, 'olga');
	const facilitator = await createAccount(app, 'fanny');
	const edition = createEdition(app, organiser);
	app.members.acceptInvite(facilitator, app.members.createInvite(organiser, edition.id, { role: 'facilitator' }).token);
	const workshopId = createWorkshop(app, organiser, edition.id, { facilitatorIds: [facilitator.id], statusOverride: 'live' });
	const guest = createGuest(app, 'Gaston');
	const other = createGuest(app, 'Odile');
	app.workshops.join(guest, joinCodeOf(app, workshopId));
	app.workshops.join(other, joinCodeOf(app, workshopId));
	const outsider = await createAccount(app, 'otto');
	return { t, app, organiser, facilitator, edition, workshopId, guest, other, outsider };
}

describe('desk alerts for moderation and failed files (pure, with the test’s clock)', () => {
	it('raises one alert per kind with its count and oldest time, ranked after help and before empty pads', async () => {
		const now = T0 + 60 * MINUTE;
		const all = [
			...alertsOf(tile({ workshopId: 'files', failedFiles: { count: 2, since: now - 30 * MINUTE } }), now, settings),
			...alertsOf(tile({ workshopId: 'empty', status: 'live', pads: [{ written: false, lastEditAt: null }] }), now, settings),
			...alertsOf(tile({ workshopId: 'chat', reported: { count: 3, since: now - 5 * MINUTE } }), now, settings),
			...alertsOf(tile({ workshopId: 'help', openHelp: [{ createdAt: now - MINUTE }] }), now, settings),
			...alertsOf(tile({ workshopId: 'quiet', reported: { count: 0, since: now }, failedFiles: null }), now, settings)
		];
		expect(rankAlerts(all).map((a) => `${a.kind}:${a.workshopId}:${a.count ?? ''}`)).toEqual(['helpRequest:help:1', 'chatModeration:chat:3', 'emptyPads:empty:', 'fileFailed:files:2']);
	});
});

describe('« Signaler »: the moderation queue', () => {
	it('a guest reports a message; the staff see it in the queue and on the desk until they hide it', async () => {
		const w = await world();
		const events: DeskEvent[] = [];
		w.app.deskEvents.subscribe(w.edition.id, (e) => events.push(e));
		const message = say(w.app, w.workshopId, w.other, 'Un message déplacé');
		await w.app.chatReports.report(w.guest, w.workshopId, { messageId: message, reason: 'insultant' });
		w.t.setTime(T0 + 2 * MINUTE);
		await w.app.chatReports.report(w.facilitator, w.workshopId, { messageId: message });
		// Reporting twice changes nothing.
		await w.app.chatReports.report(w.guest, w.workshopId, { messageId: message, reason: 'encore' });
		expect(events.filter((e) => e.type === 'alerts')).toHaveLength(2);

		const [queued] = await w.app.chatReports.queue(w.facilitator, w.workshopId);
		expect(queued).toMatchObject({ messageId: message, count: 2, reasons: ['insultant'], since: T0, message: { text: 'Un message déplacé' } });
		expect((await w.app.desk.board(w.organiser, w.edition.id)).alerts).toContainEqual({ kind: 'chatModeration', workshopId: w.workshopId, since: T0, count: 1 });

		// Hiding it from the chat itself empties the queue and the alert.
		await w.app.chat.moderate(w.facilitator, w.workshopId, { messageId: message, action: 'hide' });
		expect(await w.app.chatReports.queue(w.facilitator, w.workshopId)).toEqual([]);
		expect((await w.app.desk.board(w.organiser, w.edition.id)).alerts.filter((a) => a.kind === 'chatModeration')).toEqual([]);
	});

	it('the staff hide or dismiss from the queue; a dismissed message stays visible', async () => {
		const w = await world();
		const kept = say(w.app, w.workshopId, w.other, 'Rien de grave');
		const bad = say(w.app, w.workshopId, w.other, 'Spam spam spam');
		for (const messageId of [kept, bad]) await w.app.chatReports.report(w.guest, w.workshopId, { messageId });
		expect((await w.app.desk.board(w.facilitator, w.edition.id)).alerts).toContainEqual(expect.objectContaining({ kind: 'chatModeration', count: 2 }));
		await w.app.chatReports.resolve(w.facilitator, w.workshopId, { messageId: kept, action: 'dismiss' });
		await w.app.chatReports.resolve(w.facilitator, w.workshopId, { messageId: bad, action: 'hide' });
		expect(await w.app.chatReports.queue(w.facilitator, w.workshopId)).toEqual([]);
		const entries = (await w.app.chat.open(w.facilitator, w.workshopId)).entries;
		expect(entries.find((e) => e.id === kept)).toMatchObject({ text: 'Rien de grave' });
		expect(entries.find((e) => e.id === bad)).toHaveProperty('hidden');
		// Once handled, a new report of the same message opens it again.
		await w.app.chatReports.report(w.guest, w.workshopId, { messageId: kept, reason: 'finalement si' });
		expect(await w.app.chatReports.queue(w.facilitator, w.workshopId)).toHaveLength(1);
	});

	it('a message hidden from the queue names the moderator by their credit choice for the edition', async () => {
		const w = await world();
		w.app.credits.setChoice(w.facilitator, w.edition.id, { mode: 'pseudonym', pseudonym: 'F.' });
		const bad = say(w.app, w.workshopId, w.other, 'Spam spam spam');
		w.app.chatReports.report(w.guest, w.workshopId, { messageId: bad });
		w.app.chatReports.resolve(w.facilitator, w.workshopId, { messageId: bad, action: 'hide' });
		const hidden = (await w.app.chat.open(w.facilitator, w.workshopId)).entries.find((e) => e.id === bad) as { hidden?: { byName: string } };
		expect(hidden.hidden?.byName).toBe('F.');
		expect(w.app.db.prepare('SELECT resolved_by_name FROM chat_reports WHERE message_id = ?').pluck().get(bad)).toBe('F.');
	});

	it('only people of the workshop report, only the staff read the queue, and an unknown message is refused', async () => {
		const w = await world();
		const message = say(w.app, w.workshopId, w.other, 'Bonjour');
		await expectAppError(() => w.app.chatReports.report(w.outsider, w.workshopId, { messageId: message }), 'not_found');
		await expectAppError(() => w.app.chatReports.report(null, w.workshopId, { messageId: message }), 'not_found');
		await expectAppError(() => w.app.chatReports.report(w.guest, w.workshopId, { messageId: 'abcdefgh12345' }), 'not_found');
		await expectAppError(() => w.app.chatReports.report(w.guest, w.workshopId, { messageId: message, reason: 'x'.repeat(281) }), 'invalid');
		await expectAppError(() => w.app.chatReports.queue(w.guest, w.workshopId), 'forbidden');
		await expectAppError(() => w.app.chatReports.resolve(w.other, w.workshopId, { messageId: message, action: 'dismiss' }), 'forbidden');
		expect(w.app.chatReports.canReport(w.guest, w.workshopId)).toBe(true);
		expect(w.app.chatReports.canReport(w.outsider, w.workshopId)).toBe(false);
	});
});

describe('files whose processing failed', () => {
	it('a preview that fails raises a desk alert; the file in the bin or a later success clears it', async () => {
		const w = await createDriveWorld({ uploadMaxBytes: 100_000, workshopQuotaBytes: 500_000 });
		const editionId = w.app.workshops.get(w.alice, w.workshopId).edition.id;
		const broken = await w.files.upload(w.bob, w.workshopId, { name: 'compte-rendu.docx', source: chunks(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....word/document.xml but the archive is cut short')])) });
		const fine = await w.files.upload(w.bob, w.workshopId, { name: 'notes.md', source: chunks('# Notes\n\nTout va bien.') });
		const preview = async (fileId: string) => {
			const { file, body, sha256 } = await w.files.open(w.alice, fileId);
			return w.app.documentPreviews.preview({ sha256, mime: file.mime, name: file.name, size: file.size }, async () => {
				const parts: Buffer[] = [];
				for await (const chunk of body) parts.push(chunk as Buffer);
				return new Uint8Array(Buffer.concat(parts));
			});
		};
		expect(await preview(fine.id)).toHaveProperty('html');
		expect(await preview(broken.id)).toEqual({ none: 'unreadable' });
		const alert = async () => (await w.app.desk.board(w.alice, editionId)).alerts.filter((a) => a.kind === 'fileFailed');
		expect(await alert()).toEqual([expect.objectContaining({ kind: 'fileFailed', workshopId: w.workshopId, count: 1 })]);
		// The text extraction for search failed too: still one file.
		w.app.db.prepare("INSERT INTO file_failures (sha256, stage, reason, failed_at) VALUES (?, 'extraction', 'unreadable', 0)").run((await w.files.open(w.alice, broken.id)).sha256);
		expect((await alert())[0]!.count).toBe(1);
		await w.files.trash(w.bob, broken.id);
		expect(await alert()).toEqual([]);
	});
});

describe('the board the desk pages share', () => {
	it('is computed once for the staff until the edition’s next desk event, and still checks each viewer', async () => {
		const w = await world();
		const first = await w.app.desk.sharedBoard(w.organiser, w.edition.id);
		expect((await w.app.desk.sharedBoard(w.facilitator, w.edition.id)).tiles).toBe(first.tiles);
		await expectAppError(() => w.app.desk.sharedBoard(w.guest, w.edition.id), 'not_found');
		// A report is a desk event: the next page gets a new board with its alert.
		await w.app.chatReports.report(w.guest, w.workshopId, { messageId: say(w.app, w.workshopId, w.other, 'Hors sujet') });
		const second = await w.app.desk.sharedBoard(w.facilitator, w.edition.id);
		expect(second).not.toBe(first);
		expect(second.alerts).toContainEqual(expect.objectContaining({ kind: 'chatModeration', count: 1 }));
	});

	it('keeps each viewer’s own help queue: only whoever claimed a request reads « you are going »', async () => {
		const w = await world();
		const { id } = w.app.helpRequests.create(w.guest, { workshopId: w.workshopId, place: 'Salle Loire' });
		w.app.helpRequests.claim(w.facilitator, id);
		const claimer = await w.app.desk.sharedBoard(w.facilitator, w.edition.id);
		const other = await w.app.desk.sharedBoard(w.organiser, w.edition.id);
		expect(other.tiles).toBe(claimer.tiles);
		expect(claimer.help).toEqual([expect.objectContaining({ id, claimedByMe: true })]);
		expect(other.help).toEqual([expect.objectContaining({ id, claimedByMe: false })]);
	});
});
