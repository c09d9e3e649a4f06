import { defineConfig } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const port = Number(process.env.E2E_PORT ?? 4310);
// A fresh data directory per run: the suite starts from an empty instance with only the demo edition.
// Set in the environment so the test workers (which re-read this file) open the same database for fixtures.
process.env.E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'medialab-e2e-'));
const dataDir = process.env.E2E_DATA_DIR;

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	retries: process.env.CI ? 1 : 0,
	timeout: 30_000,
	expect: { timeout: 7_000 },
	reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		locale: 'fr-FR',
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']
		}
	},
	webServer: {
		command: 'npm run build && node build/server.js',
		url: `http://127.0.0.1:${port}/api/health`,
		timeout: 180_000,
		reuseExistingServer: false,
		stdout: 'pipe',
		env: { HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, DEMO: 'true', LOG_LEVEL: 'error', SQLITE_BUSY_TIMEOUT_MS: '250' }
	}
});
