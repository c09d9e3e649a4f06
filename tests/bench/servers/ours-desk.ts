// The MédiaLab desk inside our bench server: live workshops without typing, desk pages as the page behaves (a board
// reload on every event, at most one a second), and probes (one edit, one help request) timed until a desk shows them.
import * as Y from 'yjs';
import type { App } from '../../../server/app';
import type { Viewer } from '../../../server/domain/types';
import { PAD_FRAGMENT } from '../../../server/shared/pad-schema';

export type DeskCommand = { action: 'setup'; idleWorkshops: number } | { action: 'subscribe'; pages: number } | { action: 'unsubscribe' } | { action: 'probes'; on: boolean } | { action: 'take' };
export type DeskTake = { edit: number[]; help: number[]; boards: number; boardMs: number; pending: number };

/** The desk page: a refresh on each event, never two within this long (src/routes/editions/[editionId]/desk/+page.svelte). */
const PAGE_MIN_REFRESH_MS = 1000;
const PROBE_EVERY_MS = 1000;

type Probe = { kind: 'edit' | 'help'; workshopId: string; at: number; wallAt: number; requestId?: string; token?: string; seenBy: Set<number> };

export function createBenchDesk(app: App, organiser: Viewer, editionId: string) {
	const idle: { workshopId: string; padId: string }[] = [];
	let guest: Viewer | null = null;
	let unsubscribers: (() => void)[] = [];
	let pages = 0;
	let probes: Probe[] = [];
	let probeTimer: NodeJS.Timeout | null = null;
	let nextIdle = 0;
	let samples = { edit: [] as number[], help: [] as number[] };
	let boards = 0;
	let boardMs = 0;

	/** One keystroke in an idle workshop's pad, through its live room (the path a socket's update takes after the WebSocket). */
	function typeIn(padId: string) {
		app.rooms.withRoom(`pad:${padId}`, (room) => {
			const doc = new Y.Doc();
			Y.applyUpdate(doc, room.state());
			const before = Y.encodeStateVector(doc);
			const fragment = doc.getXmlFragment(PAD_FRAGMENT);
			doc.transact(() => {
				const paragraph = new Y.XmlElement('paragraph');
				paragraph.insert(0, [new Y.XmlText('x')]);
				fragment.insert(fragment.length, [paragraph]);
			});
			room.applyServerUpdate(Y.encodeStateAsUpdate(doc, before), guest!.id);
		});
	}

	function probe() {
		const target = idle[nextIdle++ % idle.length]!;
		const at = performance.now();
		const wallAt = Date.now();
		if (nextIdle % 2 === 0) {
			typeIn(target.padId);
			probes.push({ kind: 'edit', workshopId: target.workshopId, at, wallAt, seenBy: new Set() });
		} else {
			const { id, token } = app.helpRequests.create(guest, { workshopId: target.workshopId, message: 'bench', place: 'table 1' });
			probes.push({ kind: 'help', workshopId: target.workshopId, at, wallAt, requestId: id, token, seenBy: new Set() });
		}
		// No desk open: nobody will see it; the same work is done either way.
		if (pages === 0) settle(() => true);
	}

	/** One desk page's reload: the board as its load function builds it, serialised as the page data would be. */
	function reload(page: number) {
		const start = performance.now();
		const board = app.desk.sharedBoard(organiser, editionId);
		JSON.stringify(board);
		const done = performance.now();
		boards++;
		boardMs += done - start;
		for (const p of probes) {
			if (p.seenBy.has(page)) continue;
			const shown =
				p.kind === 'help' ? board.help.some((h) => h.id === p.requestId) : (board.tiles.find((t) => t.id === p.workshopId)?.lastEditAt ?? 0) >= p.wallAt - 1;
			if (!shown) continue;
			p.seenBy.add(page);
			samples[p.kind].push(done - p.at);
		}
		settle((p) => p.seenBy.size >= pages);
	}

	/** Probes every page saw leave; a help request seen is cancelled, so the board does not grow over the run. */
	function settle(done: (p: Probe) => boolean) {
		for (const p of probes) if (done(p) && p.requestId) app.helpRequests.cancel(p.requestId, p.token!);
		probes = probes.filter((p) => !done(p));
	}

	function subscribe(page: number) {
		let last = -Infinity;
		let timer: NodeJS.Timeout | null = null;
		const refresh = () => {
			if (timer) return;
			const wait = Math.max(0, last + PAGE_MIN_REFRESH_MS - performance.now());
			timer = setTimeout(() => {
				timer = null;
				last = performance.now();
				reload(page);
			}, wait);
		};
		const off = app.deskEvents.subscribe(editionId, refresh);
		return () => {
			off();
			if (timer) clearTimeout(timer);
		};
	}

	return {
		command(cmd: DeskCommand): unknown {
			switch (cmd.action) {
				case 'setup': {
					const today = new Date().toISOString().slice(0, 10);
					guest = app.accounts.createGuest({ displayName: 'Probe' });
					for (let i = 0; i < cmd.idleWorkshops; i++) {
						const workshopId = app.workshops.create(organiser, editionId, { title: `Atelier calme ${i + 1}`, format: 'atelier-contributif', startsAt: `${today}T00:00`, endsAt: `${today}T23:59` });
						const code = app.db.prepare('SELECT join_code FROM workshops WHERE id = ?').pluck().get(workshopId) as string;
						app.workshops.join(guest, code);
						idle.push({ workshopId, padId: app.pads.create(organiser, workshopId, { title: 'Notes' }).id });
					}
					return app.workshops.programme(organiser, editionId).workshops.filter((w) => w.status === 'live').length;
				}
				case 'subscribe':
					pages = cmd.pages;
					unsubscribers = Array.from({ length: cmd.pages }, (_, i) => subscribe(i));
					return pages;
				case 'unsubscribe':
					for (const off of unsubscribers) off();
					unsubscribers = [];
					pages = 0;
					settle(() => true);
					return 0;
				case 'probes':
					if (probeTimer) clearInterval(probeTimer);
					probeTimer = cmd.on ? setInterval(probe, PROBE_EVERY_MS) : null;
					return cmd.on;
				case 'take': {
					const out: DeskTake = { ...samples, boards, boardMs, pending: probes.length };
					samples = { edit: [], help: [] };
					boards = 0;
					boardMs = 0;
					return out;
				}
			}
		}
	};
}
