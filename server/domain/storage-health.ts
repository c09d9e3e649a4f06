// Whether the data directory takes writes: a failed write or too little free space is a storage fault, cleared by itself once writes succeed again.
import { AppError } from '../shared/errors';

/** `low`: under the warning watermark (uploads refused); `critical`: under the read-only one (real-time rooms refuse writes). */
export type DiskLevel = 'ok' | 'low' | 'critical';

/** SQLite and file-system error codes that mean « the disk cannot take this write », not « this write is wrong ». */
const STORAGE_ERRNOS = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EIO', 'EACCES', 'EPERM']);
const STORAGE_SQLITE = /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN)/;

export function isStorageError(e: unknown): boolean {
	const code = (e as { code?: unknown } | null)?.code;
	return typeof code === 'string' && (STORAGE_ERRNOS.has(code) || STORAGE_SQLITE.test(code));
}

/** What a caller refused for a storage fault receives: HTTP 507, WebSocket close STORAGE_UNAVAILABLE_CLOSE_CODE. */
export const storageUnavailable = (message = 'error.storageUnavailable') =>
	new AppError('insufficient_storage', message, { _: 'storageFull' });

export class StorageHealth {
	/** Read on every incoming update: a plain field, false while writes fail or the disk is under the read-only watermark. */
	writable = true;
	private writeError: string | null = null;
	private disk: { level: DiskLevel; detail: string } = { level: 'ok', detail: '' };
	private readonly listeners = new Set<(writable: boolean) => void>();
	private readonly suspicions = new Set<() => void>();

	/** A write failed for a storage reason: refuse new writes until one succeeds. */
	writeFailed(error: unknown): void {
		const code = (error as { code?: string }).code ?? 'unknown';
		this.writeError = `${code}: ${(error as Error).message}`;
		this.update();
		this.suspect();
	}

	/** A write failed somewhere (an upload, an export): whoever measures free space should measure now. */
	suspect(): void {
		for (const listener of this.suspicions) listener();
	}

	onSuspect(listener: () => void): () => void {
		this.suspicions.add(listener);
		return () => this.suspicions.delete(listener);
	}

	writeSucceeded(): void {
		if (this.writeError === null) return;
		this.writeError = null;
		this.update();
	}

	setDisk(level: DiskLevel, detail: string): void {
		if (level === this.disk.level && detail === this.disk.detail) return;
		this.disk = { level, detail };
		this.update();
	}

	get diskLevel(): DiskLevel {
		return this.disk.level;
	}

	get hasWriteError(): boolean {
		return this.writeError !== null;
	}

	/** New files (uploads, exports) wait for the disk to be back above the warning watermark. */
	acceptsNewFiles(): boolean {
		return this.disk.level === 'ok' && this.writeError === null;
	}

	/** Called with the new state each time `writable` flips. */
	onChange(listener: (writable: boolean) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	/** For /api/health: not ok, with the reason, under either watermark or while writes fail. */
	report(): { ok: boolean; detail: string } {
		const parts = [this.disk.detail || 'free space unknown'];
		if (this.writeError) parts.push(`writes failing (${this.writeError}); retrying`);
		if (this.disk.level === 'low') parts.push('under the warning watermark: uploads refused');
		if (this.disk.level === 'critical') parts.push('under the read-only watermark: real-time rooms read-only, uploads refused');
		return { ok: this.disk.level === 'ok' && this.writeError === null, detail: parts.join('; ') };
	}

	private update(): void {
		const writable = this.writeError === null && this.disk.level !== 'critical';
		if (writable === this.writable) return;
		this.writable = writable;
		for (const listener of this.listeners) listener(writable);
	}
}
