// Reads and validates the process configuration from environment variables, with embedded-mode defaults.
import path from 'node:path';
import { z } from 'zod';
import type { SearchStartOptions } from './search/search';
import type { Watermarks } from './storage/disk-watch';

const MIB = 1024 * 1024;
const port = z.coerce.number().int().min(0).max(65535);
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const configSchema = z.object({
	HOST: z.string().min(1).default('127.0.0.1'),
	PORT: port.default(3000),
	ORIGIN: z.url().optional(),
	DATA_DIR: z.string().min(1).default('./data'),
	DEMO: bool.default(true),
	ADMIN_USERNAME: z.string().regex(/^[a-z0-9_.-]{3,32}$/i, 'must be 3–32 letters, digits, dot, dash or underscore').optional(),
	ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
	SESSION_DAYS: z.coerce.number().int().min(1).max(400).default(30),
	COLLAB_MAX_MESSAGE_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
	UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).default(25 * 1024 * 1024),
	WORKSHOP_QUOTA_BYTES: z.coerce.number().int().min(1024).default(500 * 1024 * 1024),
	LOG_LEVEL: z.enum(['silent', 'error', 'warn', 'info', 'debug']).default('info'),
	SEARCH: z.enum(['auto', 'off'], 'must be auto or off').default('auto'),
	MEILI_URL: z.url().optional(),
	MEILI_MASTER_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
	// Free space on the data directory's disk (docs/storage.md): each watermark is the smaller of its MiB and its percentage.
	STORAGE_WARN_FREE_MB: z.coerce.number().min(0).default(1024),
	STORAGE_WARN_FREE_PERCENT: z.coerce.number().min(0).max(100).default(5),
	STORAGE_READONLY_FREE_MB: z.coerce.number().min(0).default(100),
	STORAGE_READONLY_FREE_PERCENT: z.coerce.number().min(0).max(100).default(1),
	STORAGE_CHECK_EVERY_S: z.coerce.number().min(1).max(3600).default(10),
	IMPORT_ALLOW_PRIVATE_URLS: bool.default(false),
	// How long a write waits for another program's lock on the database (a backup tool, an admin's sqlite3 shell) before it fails.
	SQLITE_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).max(60_000).default(5000)
});

export type Config = {
	host: string;
	port: number;
	origin: string | undefined;
	dataDir: string;
	databaseFile: string;
	/** How long SQLite waits for a lock held by another program before a write fails (the pad then keeps the text on the device). */
	busyTimeoutMs: number;
	demo: boolean;
	admin: { username: string; password: string } | undefined;
	sessionDays: number;
	collabMaxMessageBytes: number;
	drive: { uploadMaxBytes: number; workshopQuotaBytes: number };
	logLevel: 'silent' | 'error' | 'warn' | 'info' | 'debug';
	/** Free-space watermarks of the data directory's disk and how often it is checked. */
	storage: { watermarks: Watermarks; checkEveryMs: number };
	/** Embedded: the app runs Meilisearch itself under <dataDir>/meili; external: MEILI_URL; off: SEARCH=off. */
	search: SearchStartOptions;
	/** Programme import by URL may reach loopback and private addresses (a pretalx on the local network); off by default. */
	importAllowPrivateUrls: boolean;
};

export class ConfigError extends Error {
	constructor(readonly problems: string[]) {
		super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
		this.name = 'ConfigError';
	}
}

/** Parses env vars; throws one ConfigError naming every invalid variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
	const relevant = Object.fromEntries(
		Object.keys(configSchema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]])
	);
	const parsed = configSchema.safeParse(relevant);
	const problems = parsed.success
		? []
		: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message} (got ${JSON.stringify(relevant[String(issue.path[0])])})`);
	if ((relevant.ADMIN_USERNAME === undefined) !== (relevant.ADMIN_PASSWORD === undefined)) {
		problems.push('ADMIN_USERNAME and ADMIN_PASSWORD must be set together');
	}
	if ((relevant.MEILI_URL === undefined) !== (relevant.MEILI_MASTER_KEY === undefined)) {
		problems.push('MEILI_URL and MEILI_MASTER_KEY must be set together (leave both unset to run the embedded Meilisearch)');
	}
	if (parsed.success && parsed.data.STORAGE_READONLY_FREE_MB > parsed.data.STORAGE_WARN_FREE_MB) {
		problems.push('STORAGE_READONLY_FREE_MB must not exceed STORAGE_WARN_FREE_MB (the read-only watermark is the lower one)');
	}
	if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
	const c = parsed.data;
	const dataDir = path.resolve(c.DATA_DIR);
	return {
		host: c.HOST,
		port: c.PORT,
		origin: c.ORIGIN?.replace(/\/$/, ''),
		dataDir,
		databaseFile: path.join(dataDir, 'medialab.sqlite'),
		busyTimeoutMs: c.SQLITE_BUSY_TIMEOUT_MS,
		demo: c.DEMO,
		admin: c.ADMIN_USERNAME && c.ADMIN_PASSWORD ? { username: c.ADMIN_USERNAME, password: c.ADMIN_PASSWORD } : undefined,
		sessionDays: c.SESSION_DAYS,
		collabMaxMessageBytes: c.COLLAB_MAX_MESSAGE_BYTES,
		drive: { uploadMaxBytes: c.UPLOAD_MAX_BYTES, workshopQuotaBytes: c.WORKSHOP_QUOTA_BYTES },
		logLevel: c.LOG_LEVEL,
		storage: {
			watermarks: {
				warn: { bytes: c.STORAGE_WARN_FREE_MB * MIB, percent: c.STORAGE_WARN_FREE_PERCENT },
				readOnly: { bytes: c.STORAGE_READONLY_FREE_MB * MIB, percent: c.STORAGE_READONLY_FREE_PERCENT }
			},
			checkEveryMs: c.STORAGE_CHECK_EVERY_S * 1000
		},
		importAllowPrivateUrls: c.IMPORT_ALLOW_PRIVATE_URLS,
		search:
			c.SEARCH === 'off'
				? { mode: 'off', detail: 'search is turned off on this server (SEARCH=off)' }
				: c.MEILI_URL && c.MEILI_MASTER_KEY
					? { mode: 'external', url: c.MEILI_URL.replace(/\/$/, ''), masterKey: c.MEILI_MASTER_KEY }
					: { mode: 'embedded', dataDir: path.join(dataDir, 'meili') }
	};
}
