// The one logger (pino): JSON lines in production, readable lines on a developer's terminal, LOG_LEVEL everywhere.
import { createRequire } from 'node:module';
import type { Writable } from 'node:stream';
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };
export const LOG_LEVELS = ['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const isLevel = (value: string | undefined): value is LogLevel => (LOG_LEVELS as readonly string[]).includes(value ?? '');

/** pino-pretty is a dev dependency: on a production install (or when piped) the JSON lines are written as they are. */
function prettyStream(): DestinationStream | null {
	try {
		const pretty = createRequire(import.meta.url)('pino-pretty') as (options: object) => Writable;
		return pretty({ colorize: true, sync: true, translateTime: 'HH:MM:ss', ignore: 'pid,hostname' });
	} catch {
		return null;
	}
}

export function createLogger(options: { level?: string; pretty?: boolean; destination?: DestinationStream } = {}): Logger {
	const wanted = options.level ?? process.env.LOG_LEVEL;
	const level: LogLevel = isLevel(wanted) ? wanted : 'info';
	const pretty = options.pretty ?? (process.env.NODE_ENV !== 'production' && process.stdout.isTTY === true);
	const destination = options.destination ?? (pretty ? prettyStream() : null) ?? pino.destination({ fd: 1, sync: true });
	return pino({ level, base: { pid: process.pid }, serializers: { err: pino.stdSerializers.err } }, destination);
}

let root: Logger | null = null;

/**
 * The process's logger, made on first use from LOG_LEVEL (main.ts sets it from the validated config first). Modules
 * that have no logger injected (the real-time endpoint's last-resort error handlers) log through it.
 */
export function rootLogger(): Logger {
	root ??= createLogger();
	return root;
}

export function setRootLogger(logger: Logger): void {
	root = logger;
}

/** Errors of a socket whose peer went away: nothing in the process is left half-done by them. */
const HARMLESS_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE']);

/**
 * Last-resort handlers. A rejected promise nobody awaited is logged once and the server goes on: it concerns one
 * request or one background task, and every such task retries on its own. An uncaught exception is different: the
 * code that threw stopped half-way, so the process may hold a broken state; only socket errors from a peer that went
 * away are known to be harmless (logged, the server goes on); anything else is logged as fatal, the database is
 * closed cleanly and the process exits with 1 for its supervisor (systemd, Docker) to restart it. Clients keep their
 * edits offline and resend them when the server is back.
 */
export function watchProcessErrors(log: Logger, close: () => void): void {
	process.on('unhandledRejection', (reason) => {
		log.error({ err: reason, event: 'unhandledRejection' }, 'a promise was rejected and nobody handled it; the server goes on');
	});
	process.on('uncaughtException', (err, origin) => {
		const code = (err as NodeJS.ErrnoException).code;
		if (code && HARMLESS_CODES.has(code)) {
			log.warn({ err, origin, event: 'uncaughtException' }, `a connection error (${code}) was not handled; the server goes on`);
			return;
		}
		log.fatal({ err, origin, event: 'uncaughtException' }, 'uncaught exception: stopping so the supervisor restarts a clean process');
		try {
			close();
		} finally {
			process.exit(1);
		}
	});
}
