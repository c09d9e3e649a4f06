// The desk's alert ranking (with an injected clock) and the coalescing of writing activity: at most one event per workshop per second.
import * as Y from 'yjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { alertsOf, rankAlerts, type TileFacts } from '../../../server/domain/desk/alerts';
import { createDeskEvents, type DeskEvent } from '../../../server/domain/desk/desk-events';
import { PAD_FRAGMENT } from '../../../server/shared/pad-schema';
import { createAccount, createEdition, createTestApp, createWorkshop, MINUTE } from '../factories';

const T0 = Date.parse('2018-09-13T12:00:00Z');
const settings = { emptyPadMinutes: 20, idlePadMinutes: 10, closeDelayMinutes: 120 };
const tile = (over: Partial<TileFacts>): TileFacts => ({
	workshopId: 'w',
	status: 'live',
	startedAt: T0,
	endedAt: T0 + 90 * MINUTE,
	pads: [{ written: false, lastEditAt: null }],
	hasDeliverable: false,
	openHelp: [],
	...over
});

describe('desk alerts', () => {
	it('an empty live pad alerts only after the edition’s delay', () => {
		expect(alertsOf(tile({}), T0 + 19 * MINUTE, settings)).toEqual([]);
		expect(alertsOf(tile({}), T0 + 20 * MINUTE, settings)).toEqual([{ kind: 'emptyPads', workshopId: 'w', since: T0 }]);
		expect(alertsOf(tile({}), T0 + 5 * MINUTE, { ...settings, emptyPadMinutes: 5 })).toHaveLength(1);
	});

	it('a live pad idle for 10 minutes alerts; one written a minute ago does not', () => {
		const pads = [{ written: true, lastEditAt: T0 + 30 * MINUTE }];
		expect(alertsOf(tile({ pads }), T0 + 39 * MINUTE, settings)).toEqual([]);
		expect(alertsOf(tile({ pads }), T0 + 40 * MINUTE, settings)).toEqual([{ kind: 'idlePad', workshopId: 'w', since: T0 + 30 * MINUTE }]);
	});

	it('a closed workshop without a deliverable in review alerts after the closing delay, not with one', () => {
		const closed = tile({ status: 'closed', pads: [{ written: true, lastEditAt: T0 }] });
		expect(alertsOf(closed, T0 + 90 * MINUTE + 119 * MINUTE, settings)).toEqual([]);
		expect(alertsOf(closed, T0 + 90 * MINUTE + 120 * MINUTE, settings)).toEqual([{ kind: 'noDeliverable', workshopId: 'w', since: T0 + 90 * MINUTE }]);
		expect(alertsOf({ ...closed, hasDeliverable: true }, T0 + 300 * MINUTE, settings)).toEqual([]);
	});

	it('ranks a person waiting first, then empty pads, idle pads, missing deliverables; older first within a kind', () => {
		const now = T0 + 300 * MINUTE;
		const all = [
			...alertsOf(tile({ workshopId: 'closed', status: 'closed' }), now, settings),
			...alertsOf(tile({ workshopId: 'idle', pads: [{ written: true, lastEditAt: now - 15 * MINUTE }] }), now, settings),
			...alertsOf(tile({ workshopId: 'empty-late', startedAt: now - 25 * MINUTE }), now, settings),
			...alertsOf(tile({ workshopId: 'empty-early', startedAt: now - 60 * MINUTE }), now, settings),
			...alertsOf(tile({ workshopId: 'help', status: 'upcoming', openHelp: [{ createdAt: now - MINUTE }, { createdAt: now - 2 * MINUTE }] }), now, settings)
		];
		expect(rankAlerts(all).map((a) => `${a.kind}:${a.workshopId}`)).toEqual([
			'helpRequest:help',
			'emptyPads:empty-early',
			'emptyPads:empty-late',
			'idlePad:idle',
			'noDeliverable:closed'
		]);
		expect(rankAlerts(all)[0]).toMatchObject({ count: 2, since: now - 2 * MINUTE });
	});
});

describe('desk events', () => {
	afterEach(() => vi.useRealTimers());

	it('100 updates a second in a workshop make at most one event a second, carrying the count', () => {
		vi.useFakeTimers({ now: T0 });
		const events = createDeskEvents({ now: () => Date.now() });
		const seen: { at: number; event: DeskEvent }[] = [];
		events.subscribe('e', (event) => seen.push({ at: Date.now(), event }));
		for (let i = 0; i < 500; i++) {
			events.activity('e', 'w1', 1);
			if (i % 2 === 0) events.activity('e', 'w2', 1);
			vi.advanceTimersByTime(10);
		}
		vi.advanceTimersByTime(1000);
		for (const workshopId of ['w1', 'w2']) {
			const mine = seen.filter((s) => s.event.type === 'activity' && s.event.workshopId === workshopId);
			expect(mine.length).toBeGreaterThanOrEqual(5);
			expect(mine.length).toBeLessThanOrEqual(6);
			for (let i = 1; i < mine.length; i++) expect(mine[i]!.at - mine[i - 1]!.at).toBeGreaterThanOrEqual(1000);
			const total = mine.reduce((sum, s) => sum + (s.event.type === 'activity' ? s.event.updates : 0), 0);
			expect(total).toBe(workshopId === 'w1' ? 500 : 250);
		}
		events.stop();
	});

	it('the real rooms feed the desk through the ActivityFeed port: a burst of edits in a pad is one event for its workshop', async () => {
		const t = createTestApp();
		const { app } = t;
		const organiser = await createAccount(app, 'olga');
		const edition = createEdition(app, organiser);
		const workshopId = createWorkshop(app, organiser, edition.id);
		const pad = app.pads.create(organiser, workshopId, { title: 'Notes' });
		const seen: DeskEvent[] = [];
		app.deskEvents.subscribe(edition.id, (e) => seen.push(e));
		const doc = new Y.Doc();
		const updates: Uint8Array[] = [];
		doc.on('update', (u: Uint8Array) => updates.push(u));
		// Pads hold Tiptap's fragment only: one update makes a paragraph, 99 more type in it.
		const paragraph = new Y.XmlElement('paragraph');
		const text = new Y.XmlText();
		doc.transact(() => {
			doc.getXmlFragment(PAD_FRAGMENT).insert(0, [paragraph]);
			paragraph.insert(0, [text]);
		});
		for (let i = 0; i < 99; i++) text.insert(i, 'a');
		app.rooms.withRoom(`pad:${pad.id}`, (room) => {
			for (const u of updates) room.applyServerUpdate(u, organiser.id);
		});
		await new Promise((r) => setTimeout(r, 1300));
		expect(seen).toEqual([{ type: 'activity', editionId: edition.id, workshopId, updates: 100 }]);
		// The board reads the same edits back, aggregated per minute, through its repo.
		// The real-time store stamps rows with the real time: the desk's clock must be now to see them as recent.
		app.rooms.flush();
		t.setTime(Date.now());
		const [tile] = (await app.desk.board(organiser, edition.id)).tiles;
		expect(tile!.activity.reduce((a, b) => a + b, 0)).toBe(100);
		expect(tile!.lastEditAt).toBeGreaterThan(Date.now() - 5000);
	});
});
