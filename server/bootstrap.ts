// Everything both composition roots (production server, vite dev) start: database, services, admin, demo, real-time endpoint.
import { createApp, type App } from './app';
import { createCollabEndpoint, sameOrigin, type CollabEndpoint } from './collab/endpoint';
import type { Config } from './config';
import { openDatabase } from './db/open';
import { seedDemo } from './demo/seed';
import { registerApp } from './runtime';

export type Running = { app: App; collab: CollabEndpoint; demoEditionId: string | null; close: () => void };

export async function bootstrap(config: Config): Promise<Running> {
	const db = openDatabase(config.databaseFile);
	const app = createApp({ db, sessionDays: config.sessionDays, drive: { dataDir: config.dataDir, limits: config.drive }, importAllowPrivateUrls: config.importAllowPrivateUrls });
	if (config.admin) await app.accounts.ensureAdmin(config.admin.username, config.admin.password);
	const demoEditionId = config.demo ? await seedDemo(app) : null;
	app.sessions.deleteExpired();
	// Bytes of uploads a crash interrupted before their row was written; off the start-up path.
	void app.files.sweepOrphanBlobs().then(
		(swept) => swept.removed + swept.staging > 0 && console.log(`[drive] removed ${swept.removed} orphan blobs and ${swept.staging} interrupted uploads`),
		(e) => console.error('[drive] orphan blob sweep failed', e)
	);
	registerApp(app);
	// In the background: pages answer at once, search says « starting » until Meilisearch is up (or why it is off).
	void app.search.start(config.search);
	const collab = createCollabEndpoint(app, { allowedOrigin: sameOrigin(config.origin), maxMessageBytes: config.collabMaxMessageBytes });
	return {
		app,
		collab,
		demoEditionId,
		close() {
			collab.close();
			void app.search.stop();
			db.close();
		}
	};
}
