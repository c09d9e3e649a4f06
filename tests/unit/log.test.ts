// The one logger: JSON lines at the chosen level (silent included), and the process-level error handlers of main.ts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../server/log';

function capture() {
	const lines: Record<string, unknown>[] = [];
	const destination = new Writable({
		write(chunk: Buffer, _encoding, done) {
			for (const line of chunk.toString('utf8').split('\n')) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
			done();
		}
	});
	return { lines, destination };
}

/** Runs a small TypeScript program in a real Node process (through tsx, as the CLIs run). */
function runScript(source: string) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'medialab-log-'));
	const file = path.join(dir, 'script.ts');
	fs.writeFileSync(file, source.replace('LOG_MODULE', JSON.stringify(path.resolve('server/log.ts'))));
	const result = spawnSync(process.execPath, ['--import', 'tsx', file], { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'info', NODE_ENV: 'production' }, timeout: 20_000 });
	fs.rmSync(dir, { recursive: true, force: true });
	const lines = result.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
	return { status: result.status, lines, stdout: result.stdout };
}

describe('the logger', () => {
	it('writes one JSON line per entry, with level, message, context and the error stack', () => {
		const { lines, destination } = capture();
		const log = createLogger({ level: 'info', pretty: false, destination });
		log.info({ component: 'search' }, 'engine restarted');
		log.debug('not at info');
		log.error({ err: new Error('disk full') }, 'backup failed');
		expect(lines).toHaveLength(2);
		expect(lines[0]).toMatchObject({ level: 30, msg: 'engine restarted', component: 'search' });
		expect(lines[1]).toMatchObject({ level: 50, msg: 'backup failed', err: { message: 'disk full' } });
		expect(String((lines[1]!.err as { stack: string }).stack)).toContain('Error: disk full');
	});

	it('honours LOG_LEVEL, silent included, and falls back to info for an unknown level', () => {
		const silent = capture();
		createLogger({ level: 'silent', pretty: false, destination: silent.destination }).error('nothing');
		expect(silent.lines).toEqual([]);
		const previous = process.env.LOG_LEVEL;
		process.env.LOG_LEVEL = 'error';
		try {
			const fromEnv = capture();
			const log = createLogger({ pretty: false, destination: fromEnv.destination });
			log.info('hidden');
			log.error('shown');
			expect(fromEnv.lines.map((l) => l.msg)).toEqual(['shown']);
		} finally {
			process.env.LOG_LEVEL = previous;
		}
		const unknown = capture();
		createLogger({ level: 'chatty', pretty: false, destination: unknown.destination }).info('at info');
		expect(unknown.lines).toHaveLength(1);
	});

	it('logs an unhandled rejection once with its context and keeps the process alive', () => {
		const { status, lines, stdout } = runScript(`
			import { createLogger, watchProcessErrors } from LOG_MODULE;
			watchProcessErrors(createLogger({ pretty: false }), () => {});
			void Promise.reject(new Error('index task lost'));
			setTimeout(() => { process.stdout.write('still alive\\n'); }, 100);
		`);
		expect(status).toBe(0);
		expect(stdout).toContain('still alive');
		expect(lines.filter((l) => l.event === 'unhandledRejection')).toEqual([expect.objectContaining({ level: 50, err: expect.objectContaining({ message: 'index task lost' }) })]);
	});

	it('ends the process after an uncaught exception (closing first), but not for a peer that went away', () => {
		const reset = runScript(`
			import { createLogger, watchProcessErrors } from LOG_MODULE;
			watchProcessErrors(createLogger({ pretty: false }), () => {});
			setTimeout(() => { throw Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }); }, 10);
			setTimeout(() => { process.stdout.write('still alive\\n'); }, 100);
		`);
		expect(reset.status).toBe(0);
		expect(reset.stdout).toContain('still alive');
		expect(reset.lines).toEqual([expect.objectContaining({ level: 40, event: 'uncaughtException' })]);

		const bug = runScript(`
			import { createLogger, watchProcessErrors } from LOG_MODULE;
			watchProcessErrors(createLogger({ pretty: false }), () => process.stdout.write('closed\\n'));
			setTimeout(() => { throw new TypeError('x is undefined'); }, 10);
			setTimeout(() => { process.stdout.write('still alive\\n'); }, 200);
		`);
		expect(bug.status).toBe(1);
		expect(bug.stdout).toContain('closed');
		expect(bug.stdout).not.toContain('still alive');
		expect(bug.lines).toEqual([expect.objectContaining({ level: 60, event: 'uncaughtException', err: expect.objectContaining({ message: 'x is undefined' }) })]);
	});
});
