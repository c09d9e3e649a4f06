// `npm run reindex`: rebuilds the search index from SQLite alone, through the running server's engine or a fresh one.
import { createApp } from '../app';
import { ConfigError, loadConfig } from '../config';
import { openDatabase } from '../db/open';
import { runningMeilisearch } from './meili-process';
import type { SearchStartOptions } from './search';

/** A command-line tool: results go to stdout, problems to stderr, as plain lines for the person who ran it. */
const say = (line: string) => process.stdout.write(`${line}\n`);
const complain = (line: unknown) => process.stderr.write(`${line instanceof Error ? (line.stack ?? line.message) : String(line)}\n`);

async function main() {
	let config;
	try {
		config = loadConfig();
	} catch (e) {
		if (e instanceof ConfigError) {
			complain(e.message);
			process.exit(78);
		}
		throw e;
	}
	let options: SearchStartOptions = config.search;
	if (options.mode === 'off') {
		complain('Search is turned off (SEARCH=off): nothing to rebuild.');
		process.exit(1);
	}
	if (options.mode === 'embedded') {
		const running = await runningMeilisearch(options.dataDir);
		if (running) options = { mode: 'external', ...running };
	}
	const db = openDatabase(config.databaseFile);
	const app = createApp({ db, drive: { dataDir: config.dataDir, limits: config.drive } });
	await app.search.start(options);
	const state = app.search.engine.state();
	if (state.status !== 'ready') {
		complain(`Search is unavailable: ${state.status === 'unavailable' ? state.detail : 'not started'}`);
		process.exit(1);
	}
	const started = Date.now();
	const { documents } = await app.search.indexer.reindexAll();
	say(`Reindexed ${documents} documents from ${config.databaseFile} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
	await app.search.stop();
	db.close();
}

main().catch((e: unknown) => {
	complain(e);
	process.exit(1);
});
