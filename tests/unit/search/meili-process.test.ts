import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isHealthy, startMeilisearch, type MeiliProcess } from '../../../server/search/meili-process';

const started: MeiliProcess[] = [];
afterAll(async () => {
	for (const engine of started) await engine.stop();
});

describe('the embedded Meilisearch process', () => {
	it('ends the engine a killed server left behind, so the next start can open the index', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'medialab-meili-orphan-'));
		const first = await startMeilisearch({ dataDir: dir });
		started.push(first);
		// Pretend the server that started it died without stopping it (SIGKILL): its pid no longer exists.
		const deadServer = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
		fs.writeFileSync(path.join(dir, 'engine.pid'), `${deadServer} ${first.pid}\n`);

		const second = await startMeilisearch({ dataDir: dir });
		started.push(second);
		expect(await isHealthy(first.url, 500)).toBe(false);
		expect(await isHealthy(second.url, 500)).toBe(true);
		expect(fs.readFileSync(path.join(dir, 'engine.pid'), 'utf8').trim()).toBe(`${process.pid} ${second.pid}`);
	});

	it('leaves alone an engine whose server is still running', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'medialab-meili-live-'));
		const engine = await startMeilisearch({ dataDir: dir });
		started.push(engine);
		// This process is the live owner: another start on the same data must not end its engine.
		const other = await startMeilisearch({ dataDir: dir });
		started.push(other);
		expect(await isHealthy(engine.url, 500)).toBe(true);
	});
});
