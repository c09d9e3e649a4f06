// Everything both composition roots (production server, vite dev) start: database, services, admin, demo, real-time endpoint.
import { collabPortsOf, createApp, type App } from './app';
import { createCollabEndpoint, sameOrigin, type CollabEndpoint } from './collab/endpoint';
import type { Config } from './config';
import { createLeases, nodeName } from './cluster/leases';
import { createSingletonJobs } from './cluster/singleton-jobs';
import { startCheckpointer } from './db/checkpointer';
import { openDatabase } from './db/open';
import { seedDemo } from './demo/seed';
import { rootLogger } from './log';
import { registerApp } from './runtime';
import { watchDisk } from './storage/disk-watch';

export type Running = { app: App; collab: CollabEndpoint; demoEditionId: string | null; close: () => void };

export async function bootstrap(config: Config): Promise<Running> {
	const db = openDatabase(config.databaseFile, { busyTimeoutMs: config.busyTimeoutMs });
	// WAL checkpoints (an fsync each) on a worker thread: real-time commits on the event loop stay short (docs/scaling.md).
	const checkpointer = startCheckpointer(db, config.databaseFile);
	const app = createApp({ db, sessionDays: config.sessionDays, drive: { dataDir: config.dataDir, limits: config.drive }, importAllowPrivateUrls: config.importAllowPrivateUrls });
	if (config.admin) await app.accounts.ensureAdmin(config.admin.username, config.admin.password);
	const demoEditionId = config.demo ? await seedDemo(app) : null;
	app.sessions.deleteExpired();
	// Jobs that must not run on two nodes at once take a lease in the database (docs/scaling.md).
	const jobs = createSingletonJobs({ leases: createLeases(app.queryDb), node: nodeName(), log: (fields, message) => rootLogger().info({ component: 'jobs', ...fields }, message) });
	// Bytes of uploads a crash interrupted before their row was written; off the start-up path.
	void jobs
		.exclusively('drive-orphan-sweep', async () => {
			const swept = await app.files.sweepOrphanBlobs();
			if (swept.removed + swept.staging > 0) rootLogger().info({ component: 'drive', ...swept }, `removed ${swept.removed} orphan blobs and ${swept.staging} interrupted uploads`);
		})
		.catch((e: unknown) => rootLogger().error({ component: 'drive', err: e }, 'orphan blob sweep failed'));
	registerApp(app);
	// Free space of the data directory, every few seconds and after any failed write (docs/storage.md).
	const disk = watchDisk({ dir: config.dataDir, health: app.storage, watermarks: config.storage.watermarks, everyMs: config.storage.checkEveryMs });
	await disk.check();
	// In the background: pages answer at once, search says « starting » until Meilisearch is up (or why it is off).
	void app.search.start(config.search);
	const collab = createCollabEndpoint(collabPortsOf(app), { allowedOrigin: sameOrigin(config.origin), maxMessageBytes: config.collabMaxMessageBytes });
	return {
		app,
		collab,
		demoEditionId,
		close() {
			disk.stop();
			void jobs.close();
			collab.close();
			void app.search.stop();
			void checkpointer.stop();
			db.close();
		}
	};
}
