// MédiaLab's real-time endpoint as deployed: SQLite file on disk, real app, session-cookie auth, pads as rooms.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../../server/app';
import { createCollabEndpoint, sameOrigin } from '../../../server/collab/endpoint';
import { startCheckpointer } from '../../../server/db/checkpointer';
import { openDatabase, type Db } from '../../../server/db/open';
import type { Viewer } from '../../../server/domain/types';
import type { FixtureKind, RoomFixture, ServerUnderTest } from './types';

/**
 * Times every SQLite transaction the app runs (the doc store's group commits, snapshots) without touching server
 * code: wraps `db.transaction` before the app is built. Durations show WAL writes and checkpoints on the event loop.
 */
function instrumentTransactions(db: Db) {
	let durations: number[] = [];
	const original = db.transaction.bind(db);
	db.transaction = ((fn: (...args: unknown[]) => unknown) => {
		const tx = original(fn);
		const timed = (...args: unknown[]) => {
			const start = performance.now();
			try {
				return tx(...args);
			} finally {
				durations.push(performance.now() - start);
			}
		};
		return Object.assign(timed, { deferred: tx.deferred, immediate: tx.immediate, exclusive: tx.exclusive, default: tx.default });
	}) as Db['transaction'];
	return {
		/** Transactions since the last call: count, total, p99 and max duration, and how many took over 5 ms. */
		take() {
			const d = durations.sort((a, b) => a - b);
			durations = [];
			const total = d.reduce((a, b) => a + b, 0);
			return { sqliteTx: d.length, sqliteTxMs: total, sqliteTxP99: d[Math.floor(d.length * 0.99)] ?? 0, sqliteTxMax: d.at(-1) ?? 0, sqliteTxOver5ms: d.filter((x) => x > 5).length };
		}
	};
}

export async function startOurs(options: { idleUnloadMs: number }): Promise<ServerUnderTest> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'medialab-bench-'));
	const db = openDatabase(path.join(dir, 'bench.sqlite'));
	// As bootstrap does; BENCH_EXPERIMENT_MAIN_THREAD_CHECKPOINTS=1 keeps SQLite's own checkpoints (inside commits) to compare.
	const checkpointer = process.env.BENCH_EXPERIMENT_MAIN_THREAD_CHECKPOINTS ? null : startCheckpointer(db, path.join(dir, 'bench.sqlite'));
	const sqlite = instrumentTransactions(db);
	if (process.env.BENCH_EXPERIMENT_SYNC_OFF) db.pragma('synchronous = OFF');
	const app = createApp({ db, rooms: { idleUnloadMs: options.idleUnloadMs } });
	// Scenario e writes a 200,000-update history through one client as fast as the server echoes it: a preparation
	// step, not a person, so the per-session message rate (docs/collab.md) is lifted; the bucket is still consulted.
	const collab = createCollabEndpoint(app, { allowedOrigin: sameOrigin(undefined), maxMessageBytes: 16 * 1024 * 1024, messageRate: { perSecond: 1e9, burst: 1e9 } });
	const server = http.createServer((_req, res) => res.writeHead(404).end());
	server.on('upgrade', (req, socket, head) => {
		if (!collab.handleUpgrade(req, socket, head)) socket.destroy();
	});

	const organiser: Viewer = await app.accounts.signUp({ username: 'bench-orga', displayName: 'Orga', password: 'correct horse battery staple' });
	const today = new Date().toISOString().slice(0, 10);
	const edition = app.editions.create(organiser, { title: 'Bench event', city: 'Nantes', startsOn: today, endsOn: today });
	app.editions.setStatus(organiser, edition.id, { status: 'published' });
	let workshopCount = 0;
	let guestCount = 0;

	/** One workshop per room (all in one edition, as at a real event), its pad or its chat, one joined guest with a session per client. */
	function fixtures(rooms: number, clientsPerRoom: number, kind: FixtureKind = 'pad'): RoomFixture[] {
		return db.transaction(() => {
			const out: RoomFixture[] = [];
			for (let r = 0; r < rooms; r++) {
				const workshopId = app.workshops.create(organiser, edition.id, {
					title: `Atelier ${++workshopCount}`,
					format: 'atelier-contributif',
					startsAt: `${today}T00:00`,
					endsAt: `${today}T23:59`
				});
				const code = db.prepare('SELECT join_code FROM workshops WHERE id = ?').pluck().get(workshopId) as string;
				const tokens: string[] = [];
				const userIds: string[] = [];
				for (let c = 0; c < clientsPerRoom; c++) {
					const guest = app.accounts.createGuest({ displayName: `Participant ${++guestCount}` });
					app.workshops.join(guest, code);
					tokens.push(app.sessions.create(guest.id, true).token);
					userIds.push(guest.id);
				}
				const name = kind === 'chat' ? `chat:${workshopId}` : `pad:${app.pads.create(organiser, workshopId, { title: 'Notes' }).id}`;
				out.push({ name, path: `/collab/${name}`, tokens, userIds });
			}
			return out;
		})();
	}

	return {
		server,
		fixtures,
		roomLoaded: (name) => app.rooms.rooms.has(name),
		extraStats: () => sqlite.take(),
		counters: () => {
			let peers = 0;
			for (const room of app.rooms.rooms.values()) peers += room.peers.size;
			const size = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : 0);
			const dbFile = path.join(dir, 'bench.sqlite');
			return { roomsLoaded: app.rooms.rooms.size, peers, dbBytes: size(dbFile), walBytes: size(`${dbFile}-wal`), workshops: workshopCount, guests: guestCount };
		},
		close: async () => {
			collab.close();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
			await checkpointer?.stop();
			db.close();
			fs.rmSync(dir, { recursive: true, force: true });
		}
	};
}
