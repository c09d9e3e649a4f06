// `npm run bench:search [-- --sections=100000] [--quick] [--reuse-build]`: indexes a synthetic archive through the real app server
// (embedded Meilisearch binary, real indexer), then measures, while a live workshop types, how long an edit takes to
// become searchable and how long queries take end to end through the app's own search route.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startMeilisearch } from '../../../server/search/meili-process';
import type { SearchResult } from '../../../server/shared/search';
import { ms, Samples } from '../stats';
import { getJson, startAppServer, type AppServer } from './app-server';
import { buildArchive } from './archive';
import { startProbeWriter, startTypists } from './live-pad';

const TARGET_EDIT_TO_SEARCHABLE_P95_MS = 2000;
type Answer = { result: SearchResult | null };

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const option = (name: string, fallback: number) => Number(args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const SECTIONS = option('sections', quick ? 10_000 : 100_000);
const TYPISTS = option('typists', 30);
const PROBES = option('probes', quick ? 15 : 40);
const QUERIES = option('queries', quick ? 150 : 500);
const log = (s: string) => console.log(s);
const fmt = (v: number) => (Number.isFinite(v) && v >= 1000 ? `${(v / 1000).toFixed(2)} s` : ms(v));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
	// Each stock y-websocket client in Node listens for the process's exit.
	process.setMaxListeners(TYPISTS + 20);
	const ceiling = setTimeout(() => {
		console.error('bench:search exceeded 40 minutes; aborting');
		process.exit(3);
	}, 40 * 60_000);
	ceiling.unref();
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'medialab-bench-search-'));
	log(`MédiaLab search bench${quick ? ' (--quick)' : ''}: ${SECTIONS.toLocaleString('en')} pad sections, ${TYPISTS} typists, Node ${process.version}; data in ${dataDir}`);

	let t = performance.now();
	const archive = await buildArchive({ dataDir, sections: SECTIONS, sectionsPerPad: 50, wordsPerSection: 40, typists: TYPISTS, log });
	log(`archive written through the domain: ${archive.sections.toLocaleString('en')} sections in ${((performance.now() - t) / 1000).toFixed(0)} s`);

	// The same binary, flags and data layout as the app's embedded mode; started here so that the bench can read the
	// index's own task queue to know when indexing is over. The app uses it through MEILI_URL.
	const meili = await startMeilisearch({ dataDir: path.join(dataDir, 'meili') });
	let server: AppServer | null = null;
	const cleanup = async () => {
		await server?.stop();
		await meili.stop();
		if (!args.includes('--keep')) fs.rmSync(dataDir, { recursive: true, force: true });
	};
	try {
		server = await startAppServer({ DATA_DIR: dataDir, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey }, log, args.includes('--reuse-build'));
		t = performance.now();
		const docs = await waitForIndex(dataDir, meili.url, meili.masterKey);
		const indexSeconds = (performance.now() - t) / 1000;
		log(`indexed ${docs.toLocaleString('en')} documents in ${indexSeconds.toFixed(0)} s (${(docs / indexSeconds).toFixed(0)} docs/s) through the app's indexer`);

		const typists = await startTypists(server.base, archive.livePadRoom, archive.typistTokens);
		const probe = await startProbeWriter(server.base, archive.livePadRoom, archive.organiserToken);
		const cookie = `ml_session=${archive.organiserToken}`;
		await sleep(3000);
		log(`live workshop: ${TYPISTS} typists at 5 keystrokes/s in one pad`);

		// Edit → searchable: a new word written in the live pad, polled through /search/results until it is found.
		const editToSearchable = new Samples();
		let missing = 0;
		for (let i = 0; i < PROBES; i++) {
			const word = `jalon${randomLetters(8)}`;
			const sent = probe.write(word);
			let found = false;
			while (performance.now() - sent < 15_000) {
				const { body } = await getJson<Answer>(`${server.base}/search/results?q=${word}`, cookie);
				if (body.result?.status === 'ok' && body.result.total > 0) {
					found = true;
					break;
				}
				await sleep(25);
			}
			if (found) editToSearchable.add(performance.now() - sent);
			else missing++;
			await sleep(500 + Math.random() * 500);
		}

		// Queries end to end: one or two words from the archive's vocabulary, some with a typo, some with a facet.
		const queryMs = new Samples();
		const statuses = new Map<string, number>();
		for (let i = 0; i < QUERIES; i++) {
			const words = Array.from({ length: 1 + (i % 2) }, () => archive.vocabulary[Math.floor(Math.random() * archive.vocabulary.length)]!);
			if (i % 5 === 0) words[0] = typo(words[0]!);
			const facet = i % 4 === 0 ? `&type=pad&edition=${archive.editionIds[i % archive.editionIds.length]}` : '';
			const answer = await getJson<Answer>(`${server.base}/search/results?q=${encodeURIComponent(words.join(' '))}${facet}`, cookie);
			queryMs.add(answer.ms);
			const { body, status } = answer;
			const key = `${status} ${body.result?.status ?? 'none'}`;
			statuses.set(key, (statuses.get(key) ?? 0) + 1);
		}
		const keystrokes = typists.keystrokes();
		typists.stop();
		probe.stop();

		const edits = editToSearchable.summary(missing);
		const queries = queryMs.summary();
		log('\nResults');
		log(`  archive: ${archive.sections.toLocaleString('en')} pad sections, ${docs.toLocaleString('en')} search documents; indexing ${indexSeconds.toFixed(0)} s`);
		log(`  live load meanwhile: ${TYPISTS} typists, ${keystrokes} keystrokes`);
		log(`  edit → searchable (${edits.count} probes${missing ? `, ${missing} not found within 15 s` : ''}): p50 ${fmt(edits.p50)}, p95 ${fmt(edits.p95)}, max ${fmt(edits.max)}`);
		log(`  query through GET /search/results (${queries.count} queries; ${[...statuses].map(([k, v]) => `${v}× ${k}`).join(', ')}): p50 ${fmt(queries.p50)}, p95 ${fmt(queries.p95)}, p99 ${fmt(queries.p99)}`);
		const met = edits.p95 <= TARGET_EDIT_TO_SEARCHABLE_P95_MS;
		log(`  target edit → searchable p95 ≤ ${fmt(TARGET_EDIT_TO_SEARCHABLE_P95_MS)}: ${met ? 'MET' : 'MISSED'} (${fmt(edits.p95)})`);
		await cleanup();
		process.exit(met && statuses.size === 1 && statuses.has('200 ok') ? 0 : 1);
	} catch (e) {
		await cleanup();
		throw e;
	}
}

/** Waits until the app has drained its outbox and change marks and Meilisearch has no task left; returns the document count. */
async function waitForIndex(dataDir: string, url: string, key: string): Promise<number> {
	const db = new Database(path.join(dataDir, 'medialab.sqlite'), { readonly: true });
	const headers = { Authorization: `Bearer ${key}` };
	const started = performance.now();
	let last = 0;
	try {
		for (;;) {
			await sleep(2000);
			const dirty = db.prepare('SELECT count(*) FROM search_dirty').pluck().get() as number;
			const tasks = (await (await fetch(`${url}/tasks?statuses=enqueued,processing&limit=1`, { headers })).json()) as { total: number };
			const stats = (await (await fetch(`${url}/indexes/medialab/stats`, { headers })).json()) as { numberOfDocuments?: number };
			const docs = stats.numberOfDocuments ?? 0;
			if (performance.now() - last > 15_000) {
				last = performance.now();
				log(`  indexing: ${docs.toLocaleString('en')} documents, ${dirty} pads waiting, ${tasks.total} Meilisearch tasks queued (${((performance.now() - started) / 1000).toFixed(0)} s)`);
			}
			if (dirty === 0 && tasks.total === 0 && docs > 0) return docs;
			if (performance.now() - started > 30 * 60_000) throw new Error('indexing did not finish within 30 minutes');
		}
	} finally {
		db.close();
	}
}

const randomLetters = (n: number) => Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
/** Two neighbouring letters swapped: « inclsuion ». */
function typo(word: string): string {
	if (word.length < 5) return word;
	const i = 2 + Math.floor(Math.random() * (word.length - 3));
	return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
